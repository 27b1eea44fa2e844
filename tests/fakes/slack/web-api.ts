/** Slack Web API methods as the fake answers them, over a small in-memory workspace. */

export interface FakeUser {
  id: string;
  name?: string;
  teamId?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  isPrimaryOwner?: boolean;
}

export interface FakeChannel {
  id: string;
  name: string;
  /** `context_team_id`; defaults to the fake's team. */
  teamId?: string;
  sharedTeamIds?: string[];
  /** Is the bot a member? Defaults to true. */
  isMember?: boolean;
  isArchived?: boolean;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  params: Record<string, unknown>;
}

export interface Workspace {
  teamId: string;
  botUserId: string;
  botName: string;
  users: Map<string, FakeUser>;
  channels: Map<string, FakeChannel>;
  posts: PostedMessage[];
  /** Unknown C…/G… channels answer channel_not_found when true; otherwise posting anywhere works. */
  strictChannels: boolean;
  nextTs(): string;
}

export type ApiAnswer = { ok: true; [key: string]: unknown } | { ok: false; error: string };
type Params = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export const METHODS: Record<string, (ws: Workspace, p: Params) => ApiAnswer> = {
  'auth.test': (ws) => ({
    ok: true,
    url: 'https://fake.slack.test/',
    team: 'Newsroom',
    user: ws.botName,
    team_id: ws.teamId,
    user_id: ws.botUserId,
    bot_id: 'B_FAKE',
  }),

  'users.info': (ws, p) => {
    const user = ws.users.get(str(p.user));
    if (!user) return { ok: false, error: 'user_not_found' };
    return {
      ok: true,
      user: {
        id: user.id,
        name: user.name ?? user.id.toLowerCase(),
        team_id: user.teamId ?? ws.teamId,
        is_admin: Boolean(user.isAdmin),
        is_owner: Boolean(user.isOwner),
        is_primary_owner: Boolean(user.isPrimaryOwner),
      },
    };
  },

  'conversations.info': (ws, p) => {
    const c = ws.channels.get(str(p.channel));
    if (!c) return { ok: false, error: 'channel_not_found' };
    return {
      ok: true,
      channel: {
        id: c.id,
        name: c.name,
        is_channel: true,
        is_archived: Boolean(c.isArchived),
        is_member: c.isMember ?? true,
        context_team_id: c.teamId ?? ws.teamId,
        shared_team_ids: c.sharedTeamIds ?? [c.teamId ?? ws.teamId],
      },
    };
  },

  'chat.postMessage': (ws, p) => {
    const channel = str(p.channel);
    const refusal = postRefusal(ws, channel);
    if (refusal) return { ok: false, error: refusal };
    const ts = ws.nextTs();
    const message: PostedMessage = {
      channel,
      ts,
      text: p.text as string | undefined,
      blocks: p.blocks as unknown[] | undefined,
      metadata: p.metadata as PostedMessage['metadata'],
      params: p,
    };
    ws.posts.push(message);
    return { ok: true, channel, ts, message: { ts, text: message.text, blocks: message.blocks } };
  },

  'chat.postEphemeral': (ws, p) => {
    const refusal = postRefusal(ws, str(p.channel));
    return refusal ? { ok: false, error: refusal } : { ok: true, message_ts: ws.nextTs() };
  },

  'conversations.history': (ws, p) => {
    const channel = str(p.channel);
    if (ws.strictChannels && !ws.channels.has(channel)) return { ok: false, error: 'channel_not_found' };
    const withMetadata = p.include_all_metadata === true || p.include_all_metadata === 'true';
    const limit = Number(p.limit ?? 100);
    // Newest first, after `oldest` (exclusive, as Slack's default), pages linked by an opaque cursor.
    const oldest = Number(p.oldest ?? 0);
    const offset = Number(/^page:(\d+)$/.exec(str(p.cursor))?.[1] ?? 0);
    const inChannel = ws.posts.filter((m) => m.channel === channel && Number(m.ts) > oldest).reverse();
    const hasMore = offset + limit < inChannel.length;
    const messages = inChannel.slice(offset, offset + limit).map((m) => ({
      type: 'message',
      ts: m.ts,
      text: m.text,
      bot_id: 'B_FAKE',
      ...(withMetadata && m.metadata && { metadata: m.metadata }),
    }));
    return {
      ok: true,
      messages,
      has_more: hasMore,
      response_metadata: { next_cursor: hasMore ? `page:${offset + limit}` : '' },
    };
  },
};

function postRefusal(ws: Workspace, channel: string): string | undefined {
  if (/^[UW]/.test(channel))
    return ws.users.has(channel) || !ws.strictChannels ? undefined : 'channel_not_found';
  const c = ws.channels.get(channel);
  if (!c) return ws.strictChannels ? 'channel_not_found' : undefined;
  if (c.isArchived) return 'is_archived';
  if (c.isMember === false) return 'not_in_channel';
  return undefined;
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata']);

/** Form bodies carry JSON-encoded fields (blocks, metadata) and booleans as strings; decode them. */
export function decodeParams(contentType: string, raw: string): Params {
  if (contentType.includes('application/json')) return raw ? (JSON.parse(raw) as Params) : {};
  const out: Params = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (JSON_FIELDS.has(key)) {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        // not JSON after all: keep the string
      }
    }
    out[key] = value === 'true' ? true : value === 'false' ? false : value;
  }
  return out;
}
