import { Events, RESTEvents } from 'discord.js';
import type { Reply } from '../../commands/reply.js';
import type { Adapter, AdapterDeps, PostOptions, PostResult, PostTarget } from '../adapter.js';
import { createClient } from './client.js';
import { interactionListener } from './inbound.js';
import { DiscordOutbound } from './outbound.js';

/**
 * Discord returns the earlier message for a repeated enforced nonce "within a few minutes"
 * (platform-limits.md); we count on two, measured from the delivery's first attempt.
 */
export const DISCORD_NONCE_WINDOW_MS = 120_000;

export interface DiscordAdapterOptions {
  /** Defer a slow command's answer after this long (default 1.5 s, half of Discord's 3 s window). */
  deferAfterMs?: number;
  /** REST request timeout (discord.js default 15 s; fault-injection tests use a short one). */
  restTimeoutMs?: number;
}

/** Discord over the gateway: slash commands in, embeds out, digests posted through REST. */
export function createDiscordAdapter(deps: AdapterDeps, options: DiscordAdapterOptions = {}): Adapter {
  const { config, log, metrics } = deps;
  const client = createClient(config, { restTimeoutMs: options.restTimeoutMs });
  const outbound = new DiscordOutbound(client.rest);
  let gatewayAuthFailed = false;

  client.rest.on(RESTEvents.Response, (_request, response) => {
    if (response.status === 429) metrics.rateLimited.inc({ platform: 'discord' });
  });
  client.on(
    Events.InteractionCreate,
    interactionListener(client, deps, { deferAfterMs: options.deferAfterMs ?? 1500 }),
  );
  client.on(Events.ShardReady, (shard, unavailable) =>
    log.info({ shard, unavailableGuilds: unavailable?.size ?? 0 }, 'discord shard ready'),
  );
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));

  return {
    platform: 'discord',
    async start() {
      if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      try {
        await client.login(config.DISCORD_TOKEN);
      } catch (err) {
        gatewayAuthFailed = true;
        throw err;
      }
      await ready;
      log.info({ guilds: client.guilds.cache.size, shards: client.ws.shards.size }, 'discord connected');
    },
    async stop() {
      await client.destroy();
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
