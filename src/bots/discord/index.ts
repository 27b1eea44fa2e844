import { type Client, Events } from 'discord.js';
import type { Reply } from '../../commands/reply.js';
import type { Adapter, AdapterDeps, PostOptions, PostResult, PostTarget } from '../adapter.js';
import { createClient } from './client.js';
import { forwardClientLogs } from './client-logs.js';
import { DiscordTokenRejected, destroyWithin, loginWithRetry } from './gateway-login.js';
import { interactionListener } from './inbound.js';
import { DISCORD_LIMITS } from './limits.js';
import { DiscordOutbound } from './outbound.js';

/**
 * Discord returns the earlier message for a repeated enforced nonce "within a few minutes"
 * (platform-limits.md); we count on two, measured from the delivery's first attempt.
 */
export const DISCORD_NONCE_WINDOW_MS = 120_000;

export interface DiscordAdapterOptions {
  /** Defer a slow command's answer after this long (default: half of Discord's 3 s window). */
  deferAfterMs?: number;
  /** REST request timeout (discord.js default 15 s; fault-injection tests use a short one). */
  restTimeoutMs?: number;
  /** Gateway login plus all guilds must arrive within this (default 60 s), or start() rejects. */
  readyTimeoutMs?: number;
  /** Retries of a failed login that was not a token rejection (default 3). */
  loginRetries?: number;
  /** Back-off before the first login retry, doubling after (default 2 s). */
  loginRetryMinMs?: number;
}

/** Discord over the gateway: slash commands in, embeds out, digests posted through REST. */
export function createDiscordAdapter(deps: AdapterDeps, options: DiscordAdapterOptions = {}): Adapter {
  const { config, log, metrics } = deps;
  const stopping = new AbortController();
  let gatewayAuthFailed = false;

  // Everything a client needs, wired again for each login attempt (a failed client cannot retry).
  const wiredClient = (): Client => {
    const c = createClient(config, {
      restTimeoutMs: options.restTimeoutMs,
      onRateLimited: () => metrics.rateLimited.inc({ platform: 'discord' }),
    });
    c.on(
      Events.InteractionCreate,
      interactionListener(c, deps, {
        deferAfterMs: options.deferAfterMs ?? DISCORD_LIMITS.interactionResponseMs / 2,
      }),
    );
    forwardClientLogs(c, log);
    return c;
  };
  // Built now so outbound posts work before (or without) a gateway login.
  let client = wiredClient();
  const outbound = new DiscordOutbound(() => client.rest);

  return {
    platform: 'discord',
    async start() {
      if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
      const token = config.DISCORD_TOKEN;
      try {
        client = await loginWithRetry(
          (attempt) => {
            if (attempt > 1) client = wiredClient();
            return client;
          },
          {
            token,
            readyTimeoutMs: options.readyTimeoutMs ?? 60_000,
            retries: options.loginRetries ?? 3,
            retryMinMs: options.loginRetryMinMs ?? 2_000,
            signal: stopping.signal,
          },
          log,
        );
      } catch (err) {
        if (err instanceof DiscordTokenRejected) {
          gatewayAuthFailed = true;
          outbound.markAuthRejected();
          log.error({ err }, 'discord rejected the bot token; not retrying. Check DISCORD_TOKEN and restart');
        }
        throw err;
      }
      log.info({ guilds: client.guilds.cache.size, shards: client.ws.shards.size }, 'discord connected');
    },
    async stop() {
      stopping.abort();
      await destroyWithin(client, 5_000);
    },
    post(target: PostTarget, reply: Reply, postOptions: PostOptions): Promise<PostResult> {
      return outbound.post(target, reply, postOptions.deliveryId);
    },
    // Discord offers no lookup by nonce; enforce_nonce makes a repeated post harmless instead,
    // for a while: the runtime reposts an interrupted delivery only inside that window.
    async findDelivery() {
      return 'unknown';
    },
    idempotentRepostMs: DISCORD_NONCE_WINDOW_MS,
    notifyUser(workspaceId: string, userId: string, reply: Reply) {
      return outbound.notifyUser(workspaceId, userId, reply);
    },
    healthy() {
      return outbound.healthy() && !gatewayAuthFailed;
    },
  };
}
