import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeRateLimit, postLimiter } from './rate-limit.js';
import { FakeSocketMode } from './socket.js';
import {
  type ApiAnswer,
  decodeParams,
  type FakeChannel,
  type FakeUser,
  METHODS,
  type PostedMessage,
  type Workspace,
} from './web-api.js';

export type { FakeChannel, FakeRateLimit, FakeUser, PostedMessage };

export interface FakeSlackOptions {
  teamId?: string;
  botName?: string;
  /** When set, any other bearer token gets `invalid_auth`. */
  botToken?: string;
  /** When set, `apps.connections.open` requires it. */
  appToken?: string;
  users?: FakeUser[];
  channels?: FakeChannel[];
  strictChannels?: boolean;
  /** Simulated posting limits for chat.postMessage (off by default). */
  rateLimit?: FakeRateLimit;
  now?: () => number;
}

/** Injected failures: a Slack error code, an HTTP 500, or a 429 with `Retry-After` (seconds). */
export type Failure = { error: string } | { status: 500 } | { status: 429; retryAfter: number };

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  /** What the fake answered: `ok`, a Slack error code, `http_500` or `ratelimited`. */
  outcome: string;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

export interface SlackStats {
  posts: number;
  rateLimited: number;
  postsByChannel: Map<string, number>;
  rateLimitedByChannel: Map<string, number>;
}

/** A local Slack: Web API under `/api/`, response_url endpoints, and Socket Mode over WebSocket. */
export interface FakeSlack {
  /** SLACK_API_URL for the client under test (ends with `/api/`). */
  readonly apiUrl: string;
  readonly origin: string;
  readonly calls: ApiCall[];
  readonly posts: PostedMessage[];
  readonly responses: ResponseUrlPost[];
  readonly stats: SlackStats;
  readonly socket: FakeSocketMode;
  callsTo(method: string): ApiCall[];
  /** The next `times` calls of `method` (optionally only for one channel) fail this way. */
  fail(method: string, failure: Failure, options?: { times?: number; channel?: string }): void;
  /** Calls of `method` wait until the returned function is called. */
  hold(method: string): () => void;
  addUser(user: FakeUser): void;
  addChannel(channel: FakeChannel): void;
  /** A fresh response_url on this fake. */
  responseUrl(): string;
  /** Resolves when `predicate` holds, re-checked after every request the fake serves. */
  waitFor(predicate: () => boolean): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const now = options.now ?? Date.now;
  let tsCounter = 0;
  const ws: Workspace = {
    teamId: options.teamId ?? 'T01NEWS',
    botUserId: 'U00BOT',
    botName: options.botName ?? 'newsroom',
    users: new Map((options.users ?? []).map((u) => [u.id, u])),
    channels: new Map((options.channels ?? []).map((c) => [c.id, c])),
    posts: [],
    strictChannels: options.strictChannels ?? false,
    nextTs: () => `${Math.floor(now() / 1000)}.${String(++tsCounter).padStart(6, '0')}`,
  };
  const limiter = postLimiter(options.rateLimit, now);
  const failures: { method: string; failure: Failure; times: number; channel?: string }[] = [];
  const holds = new Map<string, Promise<void>>();
  const calls: ApiCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const stats: SlackStats = {
    posts: 0,
    rateLimited: 0,
    postsByChannel: new Map(),
    rateLimitedByChannel: new Map(),
  };
  const waiters = new Set<{ predicate: () => boolean; resolve: () => void }>();
  const socket = new FakeSocketMode();
  let responseCounter = 0;

  const settle = () => {
    for (const w of waiters) {
      if (w.predicate()) {
        waiters.delete(w);
        w.resolve();
      }
    }
  };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

  const answerApi = async (method: string, req: IncomingMessage, raw: string, res: ServerResponse) => {
    const params = decodeParams(req.headers['content-type'] ?? '', raw);
    await holds.get(method);
    const channel = typeof params.channel === 'string' ? params.channel : undefined;
    const send = (status: number, body: ApiAnswer, outcome: string, headers: Record<string, string> = {}) => {
      calls.push({ method, params, outcome });
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    const injected = failures.find((f) => f.method === method && (!f.channel || f.channel === channel));
    if (injected) {
      injected.times -= 1;
      if (injected.times <= 0) failures.splice(failures.indexOf(injected), 1);
      const f = injected.failure;
      if ('error' in f) return send(200, { ok: false, error: f.error }, f.error);
      if (f.status === 500) return send(500, { ok: false, error: 'internal_error' }, 'http_500');
      return rateLimited(f.retryAfter);
    }
    function rateLimited(retryAfter: number) {
      stats.rateLimited += 1;
      if (channel) bump(stats.rateLimitedByChannel, channel);
      send(429, { ok: false, error: 'ratelimited' }, 'ratelimited', { 'retry-after': String(retryAfter) });
    }
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? String(params.token ?? '');
    if (method === 'apps.connections.open') {
      if (options.appToken && bearer !== options.appToken)
        return send(200, { ok: false, error: 'invalid_auth' }, 'invalid_auth');
      return send(200, { ok: true, url: `${origin.replace(/^http/, 'ws')}/socket-mode` }, 'ok');
    }
    if (options.botToken && bearer !== options.botToken)
      return send(200, { ok: false, error: 'invalid_auth' }, 'invalid_auth');
    if (method === 'chat.postMessage' && channel && !limiter.allow(channel))
      return rateLimited(limiter.retryAfterSeconds);
    const handler = METHODS[method];
    const answer: ApiAnswer = handler ? handler(ws, params) : { ok: false, error: 'unknown_method' };
    if (method === 'chat.postMessage' && answer.ok && channel) {
      stats.posts += 1;
      bump(stats.postsByChannel, channel);
    }
    send(200, answer, answer.ok ? 'ok' : answer.error);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const done = () => settle();
      res.on('finish', done);
      if (path.startsWith('/api/')) {
        answerApi(path.slice('/api/'.length), req, raw, res).catch((error: unknown) => {
          res.writeHead(500).end(String(error));
        });
      } else if (path.startsWith('/response/')) {
        responses.push({ id: path.slice('/response/'.length), body: raw ? JSON.parse(raw) : {} });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      } else {
        res.writeHead(404).end('not found');
      }
    });
  });
  server.on('upgrade', (req, sock, head) => {
    if ((req.url ?? '').startsWith('/socket-mode')) socket.handleUpgrade(req, sock, head);
    else sock.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${origin}/api/`,
    origin,
    calls,
    posts: ws.posts,
    responses,
    stats,
    socket,
    callsTo: (method) => calls.filter((c) => c.method === method),
    fail: (method, failure, opts = {}) =>
      failures.push({
        method,
        failure,
        times: opts.times ?? 1,
        ...(opts.channel && { channel: opts.channel }),
      }),
    hold(method) {
      let release = () => {};
      holds.set(method, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        holds.delete(method);
        release();
      };
    },
    addUser: (user) => ws.users.set(user.id, user),
    addChannel: (channel) => ws.channels.set(channel.id, channel),
    responseUrl: () => `${origin}/response/${++responseCounter}`,
    waitFor(predicate) {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve) => waiters.add({ predicate, resolve }));
    },
    async close() {
      socket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
