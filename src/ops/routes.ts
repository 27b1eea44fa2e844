import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from './metrics.js';

/** Each part of the process that can be down reports here; /healthz is ready only when all are up. */
export type HealthCheck = () => { name: string; ok: boolean };

export interface OpsRoute {
  path: string;
  method: 'GET';
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/** `/healthz` and `/metrics`, shaped so Bolt's `customRoutes` and a plain http server both take them. */
export function opsRoutes(metrics: Metrics, checks: () => HealthCheck[]): OpsRoute[] {
  return [
    {
      path: '/healthz',
      method: 'GET',
      handler: (_req, res) => {
        const results = checks().map((check) => check());
        const ok = results.every((r) => r.ok);
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', checks: results }));
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: (_req, res) => {
        metrics.registry.metrics().then(
          (body) => {
            res.writeHead(200, { 'content-type': metrics.registry.contentType });
            res.end(body);
          },
          () => {
            res.writeHead(500).end();
          },
        );
      },
    },
  ];
}
