import type { Adapter } from '../../../src/bots/adapter.js';
import { createDiscordAdapter, type DiscordAdapterOptions } from '../../../src/bots/discord/index.js';
import type { Services } from '../../../src/commands/services.js';
import { type Config, loadConfig } from '../../../src/config.js';
import { loadKnowledge } from '../../../src/knowledge/index.js';
import { type Logger, silentLogger } from '../../../src/log.js';
import { createMetrics, type Metrics } from '../../../src/ops/metrics.js';
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from '../../fakes/discord/index.js';

export interface DiscordWorld {
  fake: FakeDiscord;
  adapter: Adapter;
  metrics: Metrics;
  config: Config;
  close(): Promise<void>;
}

export interface WorldOptions {
  fake?: FakeDiscordOptions;
  /** `DISCORD_SHARDS` as the environment would give it. */
  shards?: string;
  deferAfterMs?: number;
  services?: Partial<Services>;
  /** Start the gateway connection (default); outbound-only tests can skip it. */
  connect?: boolean;
  /** Start-up knobs (readiness timeout, login retries); deferAfterMs above wins. */
  adapter?: DiscordAdapterOptions;
  /** Silent unless a test reads the log. */
  log?: Logger;
}

let knowledge: Services['knowledge'] | undefined;

/** The real adapter (real discord.js) wired to a fresh fake Discord on 127.0.0.1. */
export async function startDiscordWorld(options: WorldOptions = {}): Promise<DiscordWorld> {
  const fake = await startFakeDiscord(options.fake);
  const loaded = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.state.applicationId,
    DISCORD_API_URL: fake.restUrl,
    ...(options.shards ? { DISCORD_SHARDS: options.shards } : {}),
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  knowledge ??= loadKnowledge();
  const metrics = createMetrics();
  const adapter = createDiscordAdapter(
    {
      config: loaded.config,
      log: options.log ?? silentLogger(),
      services: { knowledge, defaultTimezone: 'UTC', ...options.services },
      metrics,
      opsRoutes: [],
    },
    { ...options.adapter, deferAfterMs: options.deferAfterMs },
  );
  if (options.connect !== false) await adapter.start();
  return {
    fake,
    adapter,
    metrics,
    config: loaded.config,
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}
