import { App, type Authorize, HTTPReceiver, webApi } from '@slack/bolt';
import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import type { OpsRoute } from '../../ops/routes.js';
import { limitBodySize } from './body-limit.js';
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

export function slackClientOptions(
  config: Config,
  log: Logger,
  retryConfig: webApi.RetryOptions,
  timeoutMs = 10_000,
): webApi.WebClientOptions {
  return {
    retryConfig,
    rejectRateLimitedCalls: false,
    timeout: timeoutMs,
    logger: boltLogger(log),
    logLevel: boltLevel(log.level),
    ...(config.SLACK_API_URL && { slackApiUrl: config.SLACK_API_URL }),
  };
}

/** The Web API client for reads (users.info, conversations.*), where a repeat is harmless. */
export function createSlackClient(config: Config, options: webApi.WebClientOptions): webApi.WebClient {
  return new webApi.WebClient(config.SLACK_BOT_TOKEN, options);
}

/**
 * The client for posts. chat.postMessage has no idempotency key, so a request whose answer was
 * lost (timeout, reset) may already have landed: the client must not resend it on its own. Those
 * failures go back to the caller, which checks conversations.history first (the digests runtime
 * does). A 429 or an HTTP error means Slack refused the post, so the client's retry stays.
 */
export function createSlackPostingClient(config: Config, options: webApi.WebClientOptions): webApi.WebClient {
  // The client hands retryConfig to p-retry, whose onFailedAttempt aborts the retries by throwing;
  // the client's own type only names the retry-count fields.
  const retryConfig: webApi.RetryOptions & { onFailedAttempt: (error: Error) => void } = {
    ...options.retryConfig,
    onFailedAttempt: (error) => {
      if ((error as { code?: string }).code === webApi.ErrorCode.RequestError) throw error;
    },
  };
  return new webApi.WebClient(config.SLACK_BOT_TOKEN, { ...options, retryConfig });
}

export interface SlackAppOptions {
  config: Config;
  log: Logger;
  /** /healthz and /metrics, served next to /slack/events in HTTP mode. */
  opsRoutes: OpsRoute[];
  clientOptions: webApi.WebClientOptions;
  /**
   * Our own authorize: given a bare `token`, Bolt calls auth.test in its constructor and leaves
   * the rejection unhandled when the token is bad, which would crash the process.
   */
  authorize: Authorize<boolean>;
}

/** HTTP mode (POST /slack/events on PORT) by default; Socket Mode when an app-level token is set. */
export function buildSlackApp({ config, log, opsRoutes, clientOptions, authorize }: SlackAppOptions): App {
  const common = {
    authorize,
    logger: boltLogger(log),
    logLevel: boltLevel(log.level),
    clientOptions,
    convoStore: false as const,
  };
  if (config.SLACK_APP_TOKEN) {
    // Socket Mode has no inbound HTTP; main serves /healthz and /metrics on PORT in that case.
    return new App({ ...common, socketMode: true, appToken: config.SLACK_APP_TOKEN });
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET ?? '',
    port: config.PORT,
    customRoutes: opsRoutes.map((r) => ({ path: r.path, method: r.method, handler: r.handler })),
    logger: common.logger,
    logLevel: common.logLevel,
  });
  // Bolt's server calls this property for every request, so the size check runs before Bolt buffers.
  receiver.requestListener = limitBodySize(receiver.requestListener);
  return new App({ ...common, receiver });
}
