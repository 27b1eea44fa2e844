import { once } from 'node:events';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What happens to a matching request on its way to a fake platform:
 * - `reset`: the connection drops before the platform sees it (never lands);
 * - `reset-after-forward`: the platform handles it, then the connection drops (landed, answer lost);
 * - `hang`: held until the client gives up, never forwarded (never lands);
 * - `hang-after-forward`: the platform handles it, the answer is held until the client gives up;
 * - `forward`: no fault, only the rule's `after` (e.g. to break the database mid fan-out).
 */
export type FaultAction = 'reset' | 'reset-after-forward' | 'hang' | 'hang-after-forward' | 'forward';

export interface ProxiedRequest {
  method: string;
  path: string;
}

export interface FaultRule {
  match(req: ProxiedRequest): boolean;
  action: FaultAction;
  /** How many matching requests it affects (default 1). */
  times?: number;
  /** Called once the fault has been applied (e.g. to kill the process that sent it). */
  after?: () => void;
}

export interface FaultProxy {
  /** Origin to use instead of the fake's (`http://127.0.0.1:port`), same paths. */
  readonly origin: string;
  add(rule: FaultRule): void;
  /** Requests the faults affected so far. */
  readonly applied: number;
  close(): Promise<void>;
}

export const isSlackPost = (r: ProxiedRequest) => r.path.endsWith('/chat.postMessage');
export const isDiscordPost = (r: ProxiedRequest) =>
  r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path);

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** A loopback HTTP proxy in front of a fake platform that injects transport faults by rule. */
export async function startFaultProxy(upstreamOrigin: string): Promise<FaultProxy> {
  const upstream = new URL(upstreamOrigin);
  const rules: Array<FaultRule & { left: number }> = [];
  const held: ServerResponse[] = [];
  let applied = 0;

  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
      const out = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host, 'content-length': String(body.length) },
        },
        async (res) => {
          const chunks: Buffer[] = [];
          for await (const c of res) chunks.push(c as Buffer);
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 502, headers, body: Buffer.concat(chunks) });
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const info = { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0] ?? '/' };
    const rule = rules.find((r) => r.left > 0 && r.match(info));
    if (rule) {
      rule.left -= 1;
      applied += 1;
    }
    const action = rule?.action;
    if (action === 'reset') {
      req.socket.destroy();
      return rule?.after?.();
    }
    if (action === 'hang') {
      held.push(res);
      return rule?.after?.();
    }
    const answer = await forward(req, body).catch(() => undefined);
    if (!answer) return void res.writeHead(502).end();
    if (action === 'reset-after-forward') {
      req.socket.destroy();
      return rule?.after?.();
    }
    if (action === 'hang-after-forward') {
      held.push(res);
      return rule?.after?.();
    }
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
    res.end(answer.body);
    if (action === 'forward') rule?.after?.();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');

  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    add: (rule) => rules.push({ ...rule, left: rule.times ?? 1 }),
    get applied() {
      return applied;
    },
    async close() {
      for (const res of held.splice(0)) res.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
