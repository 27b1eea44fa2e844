import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { RateLimiter, type RateLimitOptions } from './rate-limits.js';
import { buildRoutes, type Route, type RouteResult } from './routes.js';
import type { FakeState } from './state.js';

/** A failure the next matching request(s) receive instead of the real answer. */
export interface Injection {
  method?: string;
  /** OpenAPI template (`/channels/{channel_id}/messages`) or a regex over the concrete path. */
  route: string | RegExp;
  status: number;
  /** Discord JSON error code (50013, 10003…). */
  code?: number;
  /** 429 only: seconds, sent both as `Retry-After` and `retry_after`. */
  retryAfter?: number;
  global?: boolean;
  times?: number;
}

export interface RestStats {
  rateLimited: number;
  requests: number;
}

const API_PREFIX = '/api/v10';

function compile(template: string): RegExp {
  const pattern = template.replace(/[.@]/g, (c) => `\\${c}`).replace(/\{(\w+)\}/g, '(?<$1>[^/]+)');
  return new RegExp(`^${pattern}$`);
}

/** HTTP side of the fake: routing, bot-token auth, injected failures and optional rate limits. */
export function createRestServer(
  state: FakeState,
  opts: { token: () => string; gatewayUrl: () => string; shards: number; rateLimits?: RateLimitOptions },
) {
  const routes = buildRoutes(state, { url: opts.gatewayUrl, shards: opts.shards }).map((route) => ({
    route,
    pattern: compile(route.template),
  }));
  const injections: Array<Injection & { left: number }> = [];
  const limiter = opts.rateLimits ? new RateLimiter(opts.rateLimits) : undefined;
  const stats: RestStats = { rateLimited: 0, requests: 0 };
  const listeners = new Set<() => void>();

  const respond = (res: ServerResponse, result: RouteResult, headers: Record<string, string> = {}) => {
    res.writeHead(result.status, {
      ...headers,
      ...(result.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    });
    res.end(result.body === undefined ? undefined : JSON.stringify(result.body));
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    const path = pathname.startsWith(API_PREFIX) ? pathname.slice(API_PREFIX.length) : pathname;
    const method = req.method ?? 'GET';
    const found = routes.find((r) => r.route.method === method && r.pattern.test(path));
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const record = (status: number) => {
      stats.requests += 1;
      state.requests.push({
        method,
        path,
        route: found?.route.template ?? path,
        query: url.searchParams,
        body,
        status,
      });
    };
    const result = run(found?.route, method, path, req, body, found?.pattern);
    record(result.result.status);
    respond(res, result.result, result.headers);
    for (const l of listeners) l();
  };

  const run = (
    route: Route | undefined,
    method: string,
    path: string,
    req: IncomingMessage,
    body: unknown,
    pattern?: RegExp,
  ): { result: RouteResult; headers?: Record<string, string> } => {
    if (!route || !pattern) return { result: { status: 404, body: { code: 0, message: '404: Not Found' } } };
    if (route.auth && req.headers.authorization !== `Bot ${opts.token()}`) {
      return { result: { status: 401, body: { code: 0, message: '401: Unauthorized' } } };
    }
    const injected = injections.find(
      (i) =>
        i.left > 0 &&
        (i.method ?? method) === method &&
        (typeof i.route === 'string' ? i.route === route.template : i.route.test(path)),
    );
    if (injected) {
      injected.left -= 1;
      return failure(injected);
    }
    const params = (pattern.exec(path)?.groups ?? {}) as Record<string, string>;
    if (limiter && route.auth) {
      const verdict = limiter.check(`${route.template}:${params.channel_id ?? params.guild_id ?? ''}`);
      if (verdict.retryAfter !== undefined) {
        return failure(
          { route: route.template, status: 429, retryAfter: verdict.retryAfter, global: verdict.global },
          verdict.headers,
        );
      }
      const ok = route.handle({ params, body: body as never, query: new URLSearchParams() });
      return { result: ok, headers: verdict.headers };
    }
    return { result: route.handle({ params, body: body as never, query: new URLSearchParams() }) };
  };

  const failure = (i: Injection, headers: Record<string, string> = {}) => {
    if (i.status !== 429) {
      return { result: { status: i.status, body: { code: i.code ?? 0, message: `fake ${i.status}` } } };
    }
    stats.rateLimited += 1;
    const retryAfter = i.retryAfter ?? 0.2;
    return {
      result: {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: retryAfter, global: Boolean(i.global) },
      },
      headers: {
        ...headers,
        'Retry-After': String(retryAfter),
        'X-RateLimit-Scope': i.global ? 'global' : 'user',
        ...(i.global ? { 'X-RateLimit-Global': 'true' } : {}),
      },
    };
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });

  return {
    server,
    stats,
    inject(i: Injection) {
      injections.push({ ...i, left: i.times ?? 1 });
    },
    /** Wakes `waitFor` probes, e.g. after a gateway packet. */
    notify() {
      for (const l of listeners) l();
    },
    onRequest(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
