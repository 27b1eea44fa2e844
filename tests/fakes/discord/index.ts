import type { AddressInfo } from 'node:net';
import { FakeGateway } from './gateway.js';
import {
  buttonPayload,
  type InvokerInput,
  newLog,
  type SlashInput,
  slashPayload,
  visibleMessages,
} from './interactions.js';
import type { RateLimitOptions } from './rate-limits.js';
import { createRestServer, type Injection } from './server.js';
import { snowflake } from './snowflake.js';
import { type FakeGuildSpec, FakeState, type InteractionLog } from './state.js';

export { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, PERMISSIONS, shardOf, snowflake } from './snowflake.js';
export type { FakeGuildSpec, Injection, InvokerInput, RateLimitOptions, SlashInput };

export interface FakeDiscordOptions {
  guilds?: FakeGuildSpec[];
  /** Shard count `GET /gateway/bot` recommends (what discord.js uses with `shards: 'auto'`). */
  shards?: number;
  heartbeatIntervalMs?: number;
  /** Enforce a global cap and per-route buckets (benchmarks); off by default. */
  rateLimits?: RateLimitOptions;
}

export interface InteractionHandle {
  log: InteractionLog;
  /** The shard whose connection received the dispatch. */
  shard: number;
  /** Resolves once the asker can see an answer (a reply, or the edit after a deferral). */
  firstReply(): Promise<Record<string, unknown>>;
  messages(): Record<string, unknown>[];
}

export const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAy.fake.discord-token-for-tests';

/** Default world: guild A (shard 0 of 2) with two channels, guild B (shard 1 of 2) with one. */
export function defaultGuilds(): FakeGuildSpec[] {
  return [
    {
      id: snowflake(10),
      name: 'newsroom-a',
      channels: [
        { id: snowflake(11), name: 'news' },
        { id: snowflake(12), name: 'desk' },
      ],
    },
    { id: snowflake(21), name: 'newsroom-b', channels: [{ id: snowflake(22), name: 'elsewhere' }] },
  ];
}

/** Starts a fake Discord (REST + gateway) on 127.0.0.1 with a random port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}) {
  const state = new FakeState(options.guilds ?? defaultGuilds());
  let token = TOKEN;
  let gatewayUrl = '';
  const rest = createRestServer(state, {
    token: () => token,
    gatewayUrl: () => gatewayUrl,
    shards: options.shards ?? 1,
    rateLimits: options.rateLimits,
  });
  await new Promise<void>((resolve) => rest.server.listen(0, '127.0.0.1', resolve));
  const port = (rest.server.address() as AddressInfo).port;
  gatewayUrl = `ws://127.0.0.1:${port}`;
  const gateway = new FakeGateway(
    rest.server,
    state,
    () => token,
    options.heartbeatIntervalMs ?? 41_250,
    rest.notify,
  );

  const waitFor = <T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> =>
    new Promise((resolve, reject) => {
      const first = probe();
      if (first !== undefined) return resolve(first);
      const timer = setTimeout(() => {
        off();
        reject(new Error(`fake discord: timed out waiting for ${what}`));
      }, timeoutMs);
      const off = rest.onRequest(() => {
        const value = probe();
        if (value === undefined) return;
        clearTimeout(timer);
        off();
        resolve(value);
      });
    });

  const handle = (log: InteractionLog, shard: number): InteractionHandle => ({
    log,
    shard,
    firstReply: () => waitFor(() => visibleMessages(log)[0], `a reply to interaction ${log.id}`),
    messages: () => visibleMessages(log),
  });

  return {
    restUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl,
    token: TOKEN,
    state,
    gateway,
    stats: rest.stats,
    inject: rest.inject,
    waitFor,
    /** From now on every bot-token request gets 401 and the gateway refuses IDENTIFY. */
    revokeToken() {
      token = 'revoked';
    },
    slashCommand(input: SlashInput): InteractionHandle {
      const log = newLog(state);
      return handle(
        log,
        gateway.dispatch(input.guildId, 'INTERACTION_CREATE', slashPayload(state, input, log)),
      );
    },
    clickButton(
      input: InvokerInput & { customId: string; message: Record<string, unknown> },
    ): InteractionHandle {
      const log = newLog(state);
      return handle(
        log,
        gateway.dispatch(input.guildId, 'INTERACTION_CREATE', buttonPayload(state, input, log)),
      );
    },
    async close() {
      gateway.close();
      rest.server.closeAllConnections();
      await new Promise<void>((resolve) => rest.server.close(() => resolve()));
    },
  };
}

export type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>;
