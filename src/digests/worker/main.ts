/**
 * A bare digest process for multi-process tests (crash recovery, two instances on one database):
 * the real runtime, store and node-cron tick, with an HTTP stand-in for the platform.
 * Env: DATA_DIR or DATABASE_URL (+ PG_SCHEMA), FAKE_PLATFORM_URL, INSTANCE_ID, LEASE_MS,
 * TICK_CRON, CONCURRENCY. Prints `idle` whenever no delivery is open; exits 0 on SIGTERM.
 */
import { openStore } from '../../storage/open-store.js';
import { createDigestRuntime } from '../runtime.js';
import { createHttpTestAdapter } from './http-adapter.js';
import { staticKnowledge } from './static-knowledge.js';

const env = process.env;
const store = await openStore({
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: env.DATA_DIR ?? 'data',
  pgSchema: env.PG_SCHEMA || undefined,
});
const log = {
  info: (obj: object, msg?: string) =>
    process.stderr.write(`${JSON.stringify({ level: 'info', msg, ...obj })}\n`),
  warn: (obj: object, msg?: string) =>
    process.stderr.write(`${JSON.stringify({ level: 'warn', msg, ...obj })}\n`),
  error: (obj: object, msg?: string) =>
    process.stderr.write(
      `${JSON.stringify({ level: 'error', msg, ...obj, err: String((obj as { err?: unknown }).err) })}\n`,
    ),
};
const runtime = createDigestRuntime({
  store,
  adapters: [createHttpTestAdapter(env.FAKE_PLATFORM_URL ?? 'http://127.0.0.1:9')],
  knowledge: staticKnowledge,
  graceMinutes: Number(env.GRACE_MINUTES ?? 30),
  minIntervalMinutes: 15,
  defaultTimezone: 'UTC',
  log,
  instanceId: env.INSTANCE_ID ?? `worker-${process.pid}`,
  leaseMs: Number(env.LEASE_MS ?? 300_000),
  tickCron: env.TICK_CRON ?? '* * * * *',
  concurrency: Number(env.CONCURRENCY ?? 4),
  retry: { retries: 2, minTimeoutMs: 100 },
});

let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
  void runtime
    .stop()
    .then(() => store.close())
    .then(() => process.exit(0));
});

await runtime.start();
process.stdout.write('started\n');
const watch = setInterval(() => {
  if (stopping) return clearInterval(watch);
  void store.ledger.countOpen().then((open) => {
    if (open === 0 && !stopping) process.stdout.write('idle\n');
  });
}, 200);
