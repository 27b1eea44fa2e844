import type { Adapter } from '../src/bots/adapter.js';
import { createDiscordAdapter } from '../src/bots/discord/index.js';
import { createSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from '../src/bots/slack/index.js';
import { loadConfig } from '../src/config.js';
import type { Knowledge } from '../src/knowledge/api.js';
import { silentLogger } from '../src/log.js';
import { createMetrics, type Metrics } from '../src/ops/metrics.js';
import { opsRoutes } from '../src/ops/routes.js';

/** Credentials the fakes accept; they exist only on 127.0.0.1 for the length of a run. */
export const SLACK_SECRET = 'bench-signing-secret-0123456789abcdef';
export const SLACK_BOT_TOKEN = 'xoxb-111-222-benchbot';

function config(env: Record<string, string>) {
  const loaded = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', ...env });
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  return loaded.config;
}

export interface Ours<A> {
  adapter: A;
  metrics: Metrics;
}

/** Our real Slack adapter (HTTP mode on 127.0.0.1, random port) against a fake Web API. */
export async function startOurSlack(
  apiUrl: string,
  knowledge: Knowledge,
  options: SlackAdapterOptions = {},
): Promise<Ours<SlackAdapter>> {
  const metrics = createMetrics();
  const adapter = createSlackAdapter(
    {
      config: config({
        SLACK_BOT_TOKEN,
        SLACK_SIGNING_SECRET: SLACK_SECRET,
        SLACK_API_URL: apiUrl,
      }),
      log: silentLogger(),
      services: { knowledge, defaultTimezone: 'UTC' },
      metrics,
      opsRoutes: opsRoutes(metrics, () => []),
    },
    { host: '127.0.0.1', ...options },
  );
  await adapter.start();
  return { adapter, metrics };
}

/** Our real Discord adapter against a fake REST (+ gateway when `connect`). */
export async function startOurDiscord(
  fake: { token: string; restUrl: string; state: { applicationId: string } },
  knowledge: Knowledge,
  connect: boolean,
): Promise<Ours<Adapter>> {
  const metrics = createMetrics();
  const adapter = createDiscordAdapter({
    config: config({
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.state.applicationId,
      DISCORD_API_URL: fake.restUrl,
    }),
    log: silentLogger(),
    services: { knowledge, defaultTimezone: 'UTC' },
    metrics,
    opsRoutes: [],
  });
  if (connect) await adapter.start();
  return { adapter, metrics };
}
