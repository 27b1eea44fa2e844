import { PermanentChannelError, WorkspaceAuthError } from '../adapter.js';

/** Slack answers these for a channel we cannot post to until someone acts. */
const CHANNEL_ERRORS: Record<string, string> = {
  channel_not_found: 'The channel no longer exists or the bot cannot see it.',
  not_in_channel: 'The bot is not a member of the channel: invite it with /invite.',
  is_archived: 'The channel has been archived.',
};

/** The token itself is no good: every call to this workspace will fail the same way. */
const TOKEN_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
]);

/** The `error` field of a Slack platform error (`ok: false`), if that is what this is. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

export function isTokenError(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code !== undefined && TOKEN_ERRORS.has(code);
}

/** Turns Slack's permanent failures into the typed errors the digest layer acts on; others pass through. */
export function toTypedError(error: unknown, workspaceId: string): unknown {
  const code = slackErrorCode(error);
  if (code === undefined) return error;
  if (TOKEN_ERRORS.has(code)) return new WorkspaceAuthError(code, workspaceId);
  const reason = CHANNEL_ERRORS[code];
  return reason ? new PermanentChannelError(code, reason) : error;
}
