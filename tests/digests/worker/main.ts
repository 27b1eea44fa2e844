/**
 * A bare digest process for multi-process tests (crash recovery, two instances on one database):
 * the real runtime, store, node-cron tick and the real Slack and/or Discord adapters, configured
 * from the environment like the bot (SLACK_* / DISCORD_*, pointed at local fakes by the tests).
 * Extra env: DATA_DIR or DATABASE_URL (+ PG_SCHEMA), INSTANCE_ID, LEASE_MS, TICK_CRON, CONCURRENCY,
 * LISTEN_HOST, SLACK_PACING. Prints `started`, then `idle` whenever no delivery is open; exits 0 on SIGTERM.
 */
import type { Adapter, AdapterDeps } from '../../../src/bots/adapter.js';
import { createDiscordAdapter } from '../../../src/bots/discord/index.js';
import { createSlackAdapter, type SlackAdapterOptions } from '../../../src/bots/slack/index.js';
import { loadConfig, secretsOf } from '../../../src/config.js';
import { createDigestRuntime } from '../../../src/digests/runtime.js';
import { createLogger } from '../../../src/log.js';
import { createMetrics } from '../../../src/ops/metrics.js';
import { opsRoutes } from '../../../src/ops/routes.js';
import { openStore } from '../../../src/storage/open-store.js';
import { staticKnowledge } from './static-knowledge.js';

const env = process.env;
const loaded = loadConfig(env);
if (!loaded.ok) {
  process.stderr.write(`${loaded.problems.join('\n')}\n`);
  process.exit(2);
}
const config = loaded.config;
const log = createLogger({ level: config.LOG_LEVEL ?? 'info', secrets: secretsOf(config) });
const metrics = createMetrics();
const store = await openStore({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  pgSchema: env.PG_SCHEMA || undefined,
  onConnectionError: (err) => log.warn({ err }, 'database connection lost'),
});
const deps: AdapterDeps = {
  config,
  log,
  services: { knowledge: staticKnowledge, defaultTimezone: 'UTC' },
  metrics,
  opsRoutes: opsRoutes(metrics, () => []),
};
const adapters: Adapter[] = [];
// Tests post to dozens of fake channels at once; Slack's real workspace pace would only slow them.
// JSON of SlackAdapterOptions['pacing']; keys the adapter does not know are dropped by its schema.
const pacing = env.SLACK_PACING ? (JSON.parse(env.SLACK_PACING) as SlackAdapterOptions['pacing']) : undefined;
if (config.slack)
  adapters.push(
    createSlackAdapter(deps, {
      ...(env.LISTEN_HOST && { host: env.LISTEN_HOST }),
      ...(pacing && { pacing }),
    }),
  );
if (config.discord) adapters.push(createDiscordAdapter(deps));
if (adapters.length === 0) {
  process.stderr.write('configure SLACK_* or DISCORD_* for the platform under test\n');
  process.exit(2);
}

const runtime = createDigestRuntime({
  store,
  adapters,
  knowledge: staticKnowledge,
  graceMinutes: config.DIGEST_GRACE_MINUTES,
  minIntervalMinutes: config.DIGEST_MIN_INTERVAL_MINUTES,
  defaultTimezone: 'UTC',
  log: log.child({ component: 'digests' }),
  instanceId: env.INSTANCE_ID ?? `worker-${process.pid}`,
  ...(env.LEASE_MS && { leaseMs: Number(env.LEASE_MS) }),
  tickCron: env.TICK_CRON ?? '* * * * *',
  concurrency: Number(env.CONCURRENCY ?? 4),
  retry: { retries: 2, minTimeoutMs: 100 },
  metrics,
});

let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
  void (async () => {
    await runtime.stop();
    for (const adapter of adapters) await adapter.stop();
    await store.close();
    process.exit(0);
  })();
});

for (const adapter of adapters) await adapter.start();
await runtime.start();
process.stdout.write('started\n');
const watch = setInterval(() => {
  if (stopping) return clearInterval(watch);
  void store.ledger
    .countOpen()
    .then((open) => {
      if (open === 0 && !stopping) process.stdout.write('idle\n');
    })
    .catch(() => undefined);
}, 200);
