import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import type { Adapter, AdapterDeps } from './bots/adapter.js';
import { type ConsoleAdapter, createConsoleAdapter } from './bots/console/index.js';
import { createDiscordAdapter } from './bots/discord/index.js';
import { createSlackAdapter } from './bots/slack/index.js';
import type { Services } from './commands/services.js';
import { type Config, secretsOf } from './config.js';
import { createDigestRuntime } from './digests/runtime.js';
import { loadKnowledge } from './knowledge/index.js';
import { createLogger, type Logger } from './log.js';
import { createMetrics } from './ops/metrics.js';
import { type HealthCheck, opsRoutes, probeCheck } from './ops/routes.js';
import { startOpsServer } from './ops/server.js';
import { openStore } from './storage/open-store.js';

export interface BotIO {
  stdin: Readable;
  stdout: Writable;
  interactive: boolean;
}

export interface RunningBot {
  adapters: Adapter[];
  log: Logger;
  /** Resolves when the bot has nothing left to do on its own (console input ended). */
  finished: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Builds the core once (knowledge, storage, scheduler) and starts the adapters the configuration
 * asks for — the start-up matrix of commands.md. Throws only for start-up failures.
 */
export async function startBot(config: Config, io: BotIO): Promise<RunningBot> {
  const log = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  const metrics = createMetrics();
  const knowledge = loadKnowledge();
  const store = await openStore({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    // A dropped connection is retried by the pool; the log says so instead of the process dying.
    onConnectionError: (err) => log.warn({ err }, 'database connection lost'),
  });
  const services: Services = { knowledge, defaultTimezone: config.DEFAULT_TIMEZONE };

  const adapters: Adapter[] = [];
  const checks: HealthCheck[] = [probeCheck('storage', () => store.ping())];
  const deps: AdapterDeps = {
    config,
    log,
    services,
    metrics,
    opsRoutes: opsRoutes(metrics, () => checks),
  };

  let consoleAdapter: ConsoleAdapter | undefined;
  if (config.slack) adapters.push(createSlackAdapter(deps));
  if (config.discord) adapters.push(createDiscordAdapter(deps));
  if (adapters.length === 0) {
    consoleAdapter = createConsoleAdapter(deps, {
      input: io.stdin,
      output: io.stdout,
      interactive: io.interactive,
    });
    adapters.push(consoleAdapter);
  }
  for (const adapter of adapters) checks.push(() => ({ name: adapter.platform, ok: adapter.healthy() }));

  // One scheduler for every adapter of this process; it only claims slots of these platforms.
  const digests = createDigestRuntime({
    store,
    adapters,
    knowledge,
    graceMinutes: config.DIGEST_GRACE_MINUTES,
    minIntervalMinutes: config.DIGEST_MIN_INTERVAL_MINUTES,
    defaultTimezone: config.DEFAULT_TIMEZONE,
    log: log.child({ component: 'digests' }),
    instanceId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    metrics,
  });
  // Handlers reach the service through the same object the adapters already hold.
  services.digests = digests.service;
  checks.push(() => ({ name: 'digests', ok: digests.healthy() }));

  // Slack over HTTP serves /healthz and /metrics itself; otherwise a chat platform gets its own small
  // server, up before the adapters connect so probes see "not ready yet" rather than nothing.
  let opsServer: Server | undefined;
  const chatPlatformRuns = config.slack !== null || config.discord;
  try {
    if (chatPlatformRuns && config.slack?.mode !== 'http') {
      opsServer = await startOpsServer(deps.opsRoutes, config.PORT);
      const address = opsServer.address();
      log.info({ port: typeof address === 'object' ? address?.port : address }, 'ops server listening');
    }
    for (const adapter of adapters) {
      try {
        await adapter.start();
      } catch (error) {
        // Rejected credentials keep the process up and unready, so /healthz says why (as Slack does).
        if (adapter.healthy()) throw error;
        log.error({ err: error, platform: adapter.platform }, 'platform rejected our credentials');
      }
    }
    await digests.start();
  } catch (error) {
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await store.close();
    opsServer?.close();
    throw error;
  }
  log.info({ adapters: adapters.map((a) => a.platform) }, 'newsroom bot started');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // Stop taking new work first, then let in-flight deliveries finish or release, then close storage.
      await digests.stop();
      for (const adapter of adapters) await adapter.stop();
      await store.close();
      await new Promise<void>((resolve) => (opsServer ? opsServer.close(() => resolve()) : resolve()));
      log.info('newsroom bot stopped');
    })();
    return stopping;
  };

  const finished = consoleAdapter ? consoleAdapter.finished : new Promise<void>(() => {});
  return { adapters, log, finished, stop };
}
