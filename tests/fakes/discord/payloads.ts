import { MEMBER_PERMISSIONS } from './snowflake.js';
import { type FakeChannelSpec, type FakeGuildSpec, type FakeState, THREAD_TYPES } from './state.js';

/** Gateway and REST objects shaped the way discord.js 14 reads them. */
const OWNER_ID = '100000000000000001';
const JOINED_AT = '2026-01-01T00:00:00.000Z';

export function userObject(id: string, username: string) {
  return { id, username, discriminator: '0', global_name: username, avatar: null, bot: false };
}

export function channelObject(guild: FakeGuildSpec, channel: FakeChannelSpec, botId: string) {
  const base = {
    id: channel.id,
    type: channel.type ?? 0,
    guild_id: guild.id,
    name: channel.name ?? `channel-${channel.id.slice(-4)}`,
    parent_id: channel.parentId ?? null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
  };
  // Threads have no overwrites of their own: Discord (and discord.js) use the parent's.
  if (THREAD_TYPES.has(base.type)) {
    return {
      ...base,
      owner_id: OWNER_ID,
      member_count: 1,
      message_count: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: JOINED_AT,
        locked: false,
      },
    };
  }
  return {
    ...base,
    position: 0,
    topic: null,
    permission_overwrites: channel.botDeny
      ? [{ id: botId, type: 1, allow: '0', deny: channel.botDeny.toString() }]
      : [],
  };
}

export function guildCreate(state: FakeState, guild: FakeGuildSpec) {
  const everyone = (guild.everyonePermissions ?? MEMBER_PERMISSIONS).toString();
  return {
    id: guild.id,
    name: guild.name ?? `guild-${guild.id.slice(-4)}`,
    icon: null,
    owner_id: OWNER_ID,
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: JOINED_AT,
    features: [],
    emojis: [],
    stickers: [],
    threads: guild.channels
      .filter((c) => THREAD_TYPES.has(c.type ?? 0))
      .map((c) => channelObject(guild, c, state.bot.id)),
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    roles: [
      {
        id: guild.id,
        name: '@everyone',
        permissions: everyone,
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    members: [
      {
        user: { ...state.bot, avatar: null, bot: true },
        roles: [],
        joined_at: JOINED_AT,
        deaf: false,
        mute: false,
        flags: 0,
      },
    ],
    channels: guild.channels
      .filter((c) => !THREAD_TYPES.has(c.type ?? 0))
      .map((c) => channelObject(guild, c, state.bot.id)),
    preferred_locale: 'en-US',
    system_channel_flags: 0,
    premium_tier: 0,
    nsfw_level: 0,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
  };
}

export function messageObject(
  state: FakeState,
  id: string,
  channelId: string,
  body: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    channel_id: channelId,
    author: { ...state.bot, avatar: null, bot: true },
    content: typeof body.content === 'string' ? body.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    components: Array.isArray(body.components) ? body.components : [],
    pinned: false,
    type: 0,
    flags: typeof body.flags === 'number' ? body.flags : 0,
    ...(typeof body.nonce === 'string' ? { nonce: body.nonce } : {}),
    ...extra,
  };
}
