import { DiscordAPIError } from 'discord.js';
import { PermanentChannelError, WorkspaceAuthError } from '../adapter.js';
import { PERMANENT_CHANNEL_CODES } from './limits.js';

/** Discord's status/code → the typed errors the digests layer acts on; anything else is transient. */
export function toPostError(error: unknown, workspaceId: string): unknown {
  if (!(error instanceof DiscordAPIError)) return error;
  if (error.status === 401) return new WorkspaceAuthError('401', workspaceId);
  const reason = PERMANENT_CHANNEL_CODES[Number(error.code)];
  return reason ? new PermanentChannelError(String(error.code), reason) : error;
}
