import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from './metrics.js';

export interface HealthResult {
  name: string;
  ok: boolean;
}

/**
 * Each part of the process that can be down reports here; /healthz is ready only when all are up.
 * A check may be asynchronous (a storage round trip); it then counts as down if it throws or
 * does not answer within the probe's budget.
 */
export type HealthCheck = () => HealthResult | Promise<HealthResult>;

export interface OpsRoute {
  path: string;
  method: 'GET';
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/** Orchestrators give probes a few seconds; a check still pending after this counts as down. */
export const HEALTH_CHECK_BUDGET_MS = 2_000;

/**
 * A named check around a probe that may throw or hang (a database round trip): it reports
 * down, under its own name, instead of failing or stalling the whole probe.
 */
export function probeCheck(
  name: string,
  probe: () => unknown,
  budgetMs = HEALTH_CHECK_BUDGET_MS,
): HealthCheck {
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(resolve, budgetMs, false);
    });
    const answered = Promise.resolve()
      .then(probe)
      .then(
        () => true,
        () => false,
      );
    try {
      return { name, ok: await Promise.race([answered, late]) };
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Runs every check; never rejects, so one broken check cannot hide the others. */
export async function runHealthChecks(
  checks: HealthCheck[],
): Promise<{ ok: boolean; checks: HealthResult[] }> {
  const results = await Promise.all(
    checks.map((check, i) =>
      Promise.resolve()
        .then(check)
        .catch((): HealthResult => ({ name: `check-${i}`, ok: false })),
    ),
  );
  return { ok: results.every((r) => r.ok), checks: results };
}

/** `/healthz` and `/metrics`, shaped so Bolt's `customRoutes` and a plain http server both take them. */
export function opsRoutes(metrics: Metrics, checks: () => HealthCheck[]): OpsRoute[] {
  return [
    {
      path: '/healthz',
      method: 'GET',
      handler: (_req, res) => {
        void runHealthChecks(checks()).then(({ ok, checks: results }) => {
          res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', checks: results }));
        });
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
