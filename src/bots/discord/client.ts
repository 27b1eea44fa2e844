import {
  Client,
  type ClientOptions,
  DefaultRestOptions,
  GatewayIntentBits,
  type RESTOptions,
} from 'discord.js';
import type { Config } from '../../config.js';

/** Shards this process runs: `DISCORD_SHARDS=auto` asks Discord, a number runs all of them here. */
export function shardOptions(shards: Config['DISCORD_SHARDS']): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (shards === 'auto') return { shards: 'auto' };
  if (typeof shards === 'number' && shards > 1) {
    return { shards: Array.from({ length: shards }, (_, i) => i), shardCount: shards };
  }
  return {};
}

/**
 * A discord.js client with the only intent slash commands need (Guilds: no privileged intents,
 * no message content). REST goes to `DISCORD_API_URL` when set, which is how tests use a fake.
 */
export function createClient(
  config: Config,
  options: { restTimeoutMs?: number; onRateLimited?: () => void } = {},
): Client {
  const { onRateLimited } = options;
  // 429s are counted where the response arrives: a REST "response" listener would make discord.js
  // clone every response (and tee its body) just so the listener could read one status.
  const makeRequest: RESTOptions['makeRequest'] = async (url, init) => {
    const res = await DefaultRestOptions.makeRequest(url, init);
    if (res.status === 429) onRateLimited?.();
    return res;
  };
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...shardOptions(config.DISCORD_SHARDS),
    rest: {
      ...(config.DISCORD_API_URL && { api: config.DISCORD_API_URL }),
      ...(options.restTimeoutMs !== undefined && { timeout: options.restTimeoutMs }),
      makeRequest,
    },
  });
  // Outbound posts may happen before or without login (e.g. a digest right after start).
  if (config.DISCORD_TOKEN) client.rest.setToken(config.DISCORD_TOKEN);
  return client;
}
