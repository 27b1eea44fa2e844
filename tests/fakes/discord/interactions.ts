import { randomUUID } from 'node:crypto';
import { channelObject, messageObject, userObject } from './payloads.js';
import { MEMBER_PERMISSIONS } from './snowflake.js';
import type { FakeState, InteractionLog } from './state.js';

export type OptionInput = string | number | { channel: string };

export interface InvokerInput {
  guildId: string;
  channelId: string;
  user?: { id: string; username: string };
  /** The member's permissions in that channel (as Discord computes them). */
  permissions?: bigint;
}

export interface SlashInput extends InvokerInput {
  group: string;
  subcommand: string;
  options?: Record<string, OptionInput>;
}

const DEFAULT_USER = { id: '200000000000000001', username: 'reader' };

/** INTERACTION_CREATE bodies with every field discord.js 14 reads. */
export function basePayload(state: FakeState, input: InvokerInput, type: number, log: InteractionLog) {
  const found = state.findChannel(input.channelId);
  if (!found) throw new Error(`fake: unknown channel ${input.channelId}`);
  const user = input.user ?? DEFAULT_USER;
  return {
    id: log.id,
    application_id: state.applicationId,
    type,
    token: log.token,
    version: 1,
    guild_id: input.guildId,
    channel_id: input.channelId,
    channel: channelObject(found.guild, found.channel, state.bot.id),
    member: {
      user: userObject(user.id, user.username),
      roles: [],
      joined_at: '2026-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      permissions: (input.permissions ?? MEMBER_PERMISSIONS).toString(),
    },
    app_permissions: state.botPermissionsIn(input.channelId).toString(),
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': input.guildId },
    context: 0,
  };
}

export function newLog(state: FakeState): InteractionLog {
  const log: InteractionLog = {
    id: state.nextId(),
    token: `tok-${randomUUID()}`,
    callbacks: [],
    edits: [],
    followUps: [],
  };
  state.interactions.set(log.id, log);
  state.interactionsByToken.set(log.token, log);
  return log;
}

export function slashPayload(state: FakeState, input: SlashInput, log: InteractionLog) {
  const options = Object.entries(input.options ?? {}).map(([name, value]) =>
    typeof value === 'object'
      ? { name, type: 7, value: value.channel }
      : { name, type: typeof value === 'number' ? 4 : 3, value },
  );
  const channels = Object.values(input.options ?? {}).flatMap((v) => {
    if (typeof v !== 'object') return [];
    const found = state.findChannel(v.channel);
    return found
      ? [[v.channel, { ...channelObject(found.guild, found.channel, state.bot.id), permissions: '0' }]]
      : [];
  });
  return {
    ...basePayload(state, input, 2, log),
    data: {
      id: state.nextId(),
      name: input.group,
      type: 1,
      options: [{ type: 1, name: input.subcommand, options }],
      ...(channels.length ? { resolved: { channels: Object.fromEntries(channels) } } : {}),
    },
  };
}

export function buttonPayload(
  state: FakeState,
  input: InvokerInput & { customId: string; message: Record<string, unknown> },
  log: InteractionLog,
) {
  return {
    ...basePayload(state, input, 3, log),
    data: { custom_id: input.customId, component_type: 2 },
    message: messageObject(state, state.nextId(), input.channelId, input.message, { flags: 64 }),
  };
}

/** What the asker sees: the first response (or the edit of a deferral), then follow-ups. */
export function visibleMessages(log: InteractionLog): Record<string, unknown>[] {
  const first = log.callbacks[0];
  if (!first) return [];
  let head: Record<string, unknown> | undefined;
  if (first.type === 4 || first.type === 7) head = first.data;
  else if (first.type === 5) head = log.edits.at(-1) && { ...log.edits.at(-1), flags: first.data?.flags };
  return head ? [head, ...log.followUps] : [...log.followUps];
}
