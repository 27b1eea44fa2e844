import { App, type webApi } from '@slack/bolt';
import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import type { OpsRoute } from '../../ops/routes.js';
import { boltLevel, boltLogger } from './bolt-logger.js';

/**
 * Retries belong to the Web API client: it waits out `Retry-After` on a 429 (pausing its whole
 * queue) and retries 5xx and network failures on this schedule.
 */
export const DEFAULT_RETRY_CONFIG: webApi.RetryOptions = {
  retries: 5,
  factor: 2,
  minTimeout: 1_000,
  maxTimeout: 30_000,
  randomize: true,
};

export interface SlackAppOptions {
  config: Config;
  log: Logger;
  /** /healthz and /metrics, served next to /slack/events in HTTP mode. */
  opsRoutes: OpsRoute[];
  retryConfig: webApi.RetryOptions;
}

/** HTTP mode (POST /slack/events on PORT) by default; Socket Mode when an app-level token is set. */
export function buildSlackApp({ config, log, opsRoutes, retryConfig }: SlackAppOptions): App {
  const logger = boltLogger(log);
  const clientOptions: webApi.WebClientOptions = {
    retryConfig,
    rejectRateLimitedCalls: false,
    timeout: 10_000,
    ...(config.SLACK_API_URL && { slackApiUrl: config.SLACK_API_URL }),
  };
  const common = {
    token: config.SLACK_BOT_TOKEN,
    logger,
    logLevel: boltLevel(log.level),
    clientOptions,
    convoStore: false as const,
  };
  if (config.SLACK_APP_TOKEN) {
    // Ops routes get their own small server in this mode (see index.ts), so none are passed here.
    return new App({ ...common, socketMode: true, appToken: config.SLACK_APP_TOKEN });
  }
  return new App({
    ...common,
    signingSecret: config.SLACK_SIGNING_SECRET,
    port: config.PORT,
    customRoutes: opsRoutes.map((r) => ({ path: r.path, method: r.method, handler: r.handler })),
  });
}
