import { channelObject, messageObject } from './payloads.js';
import type { FakeState, InteractionLog } from './state.js';

/** The slice of Discord's REST API the bot uses, keyed by OpenAPI path template. */
export interface RouteInput {
  params: Record<string, string>;
  body: Record<string, unknown> & unknown[];
  query: URLSearchParams;
}
export interface RouteResult {
  status: number;
  body?: unknown;
}
export interface Route {
  method: string;
  template: string;
  /** Interaction callbacks and webhooks are authorised by their token, not the bot token. */
  auth: boolean;
  handle(input: RouteInput): RouteResult;
}

export interface GatewayInfo {
  url: () => string;
  shards: number;
}

const notFound = (code: number, message: string): RouteResult => ({ status: 404, body: { code, message } });

function interaction(state: FakeState, token: string): InteractionLog | undefined {
  return state.interactionsByToken.get(token);
}

export function buildRoutes(state: FakeState, gateway: GatewayInfo): Route[] {
  const r = (method: string, template: string, auth: boolean, handle: Route['handle']): Route => ({
    method,
    template,
    auth,
    handle,
  });
  const commandsFor = (key: string) => ({ status: 200, body: state.commands.get(key) ?? [] });
  const overwrite = (key: string, body: unknown[]) => {
    const stored = body.map((c) => ({
      ...(c as object),
      id: state.nextId(),
      application_id: state.applicationId,
      version: '1',
    }));
    state.commands.set(key, stored);
    return { status: 200, body: stored };
  };
  return [
    r('GET', '/gateway/bot', true, () => ({
      status: 200,
      body: {
        url: gateway.url(),
        shards: gateway.shards,
        // max_concurrency above the shard count lets every shard identify at once.
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 16 },
      },
    })),
    r('GET', '/gateway', false, () => ({ status: 200, body: { url: gateway.url() } })),
    // No install_params key at all: discord.js crashes on `install_params: null`.
    r('GET', '/applications/@me', true, () => ({
      status: 200,
      body: {
        id: state.applicationId,
        name: 'newsroom',
        icon: null,
        description: '',
        flags: 0,
        bot_public: false,
        bot_require_code_grant: false,
        verify_key: 'ab'.repeat(32),
      },
    })),
    r('GET', '/users/@me', true, () => ({ status: 200, body: { ...state.bot, avatar: null, bot: true } })),
    r('GET', '/applications/{application_id}/commands', true, () => commandsFor('global')),
    r('PUT', '/applications/{application_id}/commands', true, ({ body }) => overwrite('global', body)),
    r('GET', '/applications/{application_id}/guilds/{guild_id}/commands', true, ({ params }) =>
      commandsFor(params.guild_id ?? ''),
    ),
    r('PUT', '/applications/{application_id}/guilds/{guild_id}/commands', true, ({ params, body }) =>
      overwrite(params.guild_id ?? '', body),
    ),
    r('POST', '/interactions/{interaction_id}/{interaction_token}/callback', false, ({ params, body }) => {
      const log = interaction(state, params.interaction_token ?? '');
      if (!log || log.id !== params.interaction_id) return notFound(10062, 'Unknown interaction');
      if (log.callbacks.length > 0)
        return { status: 400, body: { code: 40060, message: 'Interaction has already been acknowledged.' } };
      log.callbacks.push(body as unknown as InteractionLog['callbacks'][number]);
      return { status: 204 };
    }),
    r('POST', '/webhooks/{webhook_id}/{webhook_token}', false, ({ params, body }) => {
      const log = interaction(state, params.webhook_token ?? '');
      if (!log) return notFound(10015, 'Unknown Webhook');
      log.followUps.push(body);
      return { status: 200, body: messageObject(state, state.nextId(), '0', body) };
    }),
    r('PATCH', '/webhooks/{webhook_id}/{webhook_token}/messages/@original', false, ({ params, body }) => {
      const log = interaction(state, params.webhook_token ?? '');
      if (!log) return notFound(10015, 'Unknown Webhook');
      log.edits.push(body);
      return { status: 200, body: messageObject(state, log.id, '0', body) };
    }),
    r('GET', '/channels/{channel_id}', true, ({ params }) => {
      const found = state.findChannel(params.channel_id ?? '');
      if (!found) return notFound(10003, 'Unknown Channel');
      return { status: 200, body: channelObject(found.guild, found.channel, state.bot.id) };
    }),
    r('POST', '/channels/{channel_id}/messages', true, ({ params, body }) => {
      const channelId = params.channel_id ?? '';
      const found = state.findChannel(channelId);
      if (!found && !state.dmChannels.has(channelId)) return notFound(10003, 'Unknown Channel');
      const nonce = typeof body.nonce === 'string' ? body.nonce : undefined;
      const list = state.messagesIn(channelId);
      // Discord's enforce_nonce: the same nonce from the same author returns the earlier message.
      const earlier = nonce && body.enforce_nonce ? list.find((m) => m.nonce === nonce) : undefined;
      if (earlier) return { status: 200, body: messageObject(state, earlier.id, channelId, earlier.body) };
      const stored = { id: state.nextId(), channelId, nonce, body };
      list.push(stored);
      return { status: 200, body: messageObject(state, stored.id, channelId, body) };
    }),
    r('POST', '/users/@me/channels', true, ({ body }) => {
      const recipient = String(body.recipient_id);
      const id = [...state.dmChannels].find(([, user]) => user === recipient)?.[0] ?? state.nextId();
      state.dmChannels.set(id, recipient);
      return {
        status: 200,
        body: {
          id,
          type: 1,
          recipients: [{ id: recipient, username: 'someone', discriminator: '0', avatar: null }],
        },
      };
    }),
  ];
}
