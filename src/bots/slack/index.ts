import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import type { Adapter, AdapterDeps } from '../adapter.js';
import { WorkspaceAuthError } from '../adapter.js';
import {
  buildSlackApp,
  createSlackClient,
  createSlackPostingClient,
  DEFAULT_RETRY_CONFIG,
  slackClientOptions,
} from './app.js';
import { isTokenError, slackErrorCode } from './errors.js';
import { registerInbound } from './inbound.js';
import { SLACK_LIMITS, SLACK_POST_PACING } from './limits.js';
import { BOT_NAME } from './manifest.js';
import { createOutbound } from './outbound.js';
import { createPostPacer, type SlackPacing } from './pacing.js';

export interface SlackAdapterOptions {
  /** Web API retry schedule (tests pass a fast one). */
  retryConfig?: webApi.RetryOptions;
  /** How long a command may take before we ack empty and answer via response_url. */
  ackBudgetMs?: number;
  /** Interface to listen on; all interfaces by default. */
  host?: string;
  /** Web API request timeout (default 10 s; fault-injection tests use a short one). */
  requestTimeoutMs?: number;
  /** chat.postMessage pacing; defaults to SLACK_POST_PACING. */
  pacing?: Partial<SlackPacing>;
}

export interface SlackAdapter extends Adapter {
  /** HTTP mode: the port actually bound once started (PORT=0 picks a free one). Socket Mode: undefined. */
  readonly port: number | undefined;
}

export function createSlackAdapter(deps: AdapterDeps, options: SlackAdapterOptions = {}): SlackAdapter {
  const { config, log, metrics } = deps;
  if (!config.SLACK_BOT_TOKEN) throw new Error('createSlackAdapter needs SLACK_BOT_TOKEN');
  const botToken = config.SLACK_BOT_TOKEN;
  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  const clientOptions = slackClientOptions(
    config,
    log,
    options.retryConfig ?? DEFAULT_RETRY_CONFIG,
    options.requestTimeoutMs,
  );
  const client = createSlackClient(config, clientOptions);
  const postingClient = createSlackPostingClient(config, clientOptions);
  let authFailure: WorkspaceAuthError | undefined;
  let botName = BOT_NAME;
  let identity: { botId?: string; botUserId?: string } = {};
  const app = buildSlackApp({
    config,
    log,
    opsRoutes: deps.opsRoutes,
    clientOptions,
    authorize: async () => ({ botToken, ...identity }),
  });
  let server: Server | undefined;
  let started = false;

  const onAuthFailure = (error: WorkspaceAuthError) => {
    if (!authFailure)
      log.error(
        { code: error.code, workspace: error.workspaceId },
        'Slack rejected the bot token: posting stopped, /healthz reports unavailable',
      );
    authFailure = error;
  };
  for (const c of [client, postingClient]) {
    c.on(webApi.WebClientEvent.RATE_LIMITED, (retryAfter: number) => {
      metrics.rateLimited.inc({ platform: 'slack' });
      log.info({ retryAfter }, 'slack rate limited; the client waits and retries');
    });
  }

  registerInbound(app, {
    client,
    services: deps.services,
    log,
    metrics,
    adminUserIds: config.SLACK_ADMIN_USER_IDS ?? [],
    clock: deps.clock ?? (() => new Date()),
    ackBudgetMs: options.ackBudgetMs ?? SLACK_LIMITS.ackBudgetMs,
    botName: () => botName,
  });
  app.error(async (error) => {
    log.error({ err: error }, 'slack listener error');
  });
  const pacer = createPostPacer({ ...SLACK_POST_PACING, ...options.pacing });
  const outbound = createOutbound({ post: postingClient, read: client }, log, onAuthFailure, pacer);

  return {
    platform: 'slack',
    get port() {
      return (server?.address() as AddressInfo | null)?.port;
    },
    async start() {
      try {
        const me = await client.auth.test();
        if (me.user) botName = me.user;
        identity = { ...(me.bot_id && { botId: me.bot_id }), ...(me.user_id && { botUserId: me.user_id }) };
      } catch (error) {
        // A bad token is reported through healthy() rather than failing start-up, so /healthz says why.
        if (isTokenError(error))
          onAuthFailure(new WorkspaceAuthError(slackErrorCode(error) ?? 'invalid_auth', 'unknown'));
        else log.warn({ err: error }, 'slack auth.test failed; continuing');
      }
      const listen = { port: config.PORT, ...(options.host && { host: options.host }) };
      if (socketMode) {
        // Socket Mode has no inbound HTTP: main serves /healthz and /metrics on PORT itself
        // (one server, shared with Discord when both run).
        await app.start();
        started = true;
        log.info({ mode: 'socket' }, 'slack adapter started');
      } else {
        server = (await app.start(listen)) as Server;
        started = true;
        const port = (server.address() as AddressInfo | null)?.port;
        log.info({ mode: 'http', port }, 'slack adapter started: POST /slack/events, GET /healthz');
      }
    },
    async stop() {
      if (!started) return;
      started = false;
      await app.stop();
      server = undefined;
    },
    // Once the token is rejected, nothing more is sent: the token comes from the environment, so
    // only a restart with a new one can fix it, and repeated failures only add to Slack's load.
    post: async (target, reply, postOptions) => {
      if (authFailure) throw new WorkspaceAuthError(authFailure.code, target.workspaceId);
      return outbound.post(target, reply, postOptions);
    },
    findDelivery: (target, deliveryId, lookup) => outbound.findDelivery(target, deliveryId, lookup),
    // chat.postMessage has no idempotency key: only a conversations.history look can clear a repost.
    idempotentRepostMs: 0,
    notifyUser: async (workspaceId, userId, reply) => {
      if (authFailure) throw new WorkspaceAuthError(authFailure.code, workspaceId);
      return outbound.notifyUser(workspaceId, userId, reply);
    },
    healthy: () => authFailure === undefined,
  };
}
