import { expect } from 'vitest';

/** The four metric families the issue names; dashboards and alerts depend on these names. */
export const METRIC_FAMILIES = [
  ['newsroom_command_duration_seconds', 'histogram'],
  ['newsroom_digest_deliveries_total', 'counter'],
  ['newsroom_paused_subscriptions', 'gauge'],
  ['newsroom_rate_limited_total', 'counter'],
] as const;

export interface Health {
  status: string;
  checks: { name: string; ok: boolean }[];
}

export async function health(base: string): Promise<{ status: number; body: Health }> {
  const res = await fetch(`${base}/healthz`);
  return { status: res.status, body: (await res.json()) as Health };
}

export function checksByName(body: Health): Record<string, boolean> {
  return Object.fromEntries(body.checks.map((c) => [c.name, c.ok]));
}

/** Scrapes /metrics as Prometheus would and checks the families and one latency sample. */
export async function expectMetrics(base: string, platform: string, command: string): Promise<void> {
  const res = await fetch(`${base}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await res.text();
  for (const [name, type] of METRIC_FAMILIES) expect(text).toContain(`# TYPE ${name} ${type}`);
  const count = new RegExp(
    `^newsroom_command_duration_seconds_count\\{platform="${platform}",command="${command}",outcome="ok"\\} 1$`,
    'm',
  );
  expect(text).toMatch(count);
}
