import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';
import { type HealthCheck, opsRoutes, probeCheck } from '../../src/ops/routes.js';
import { startOpsServer } from '../../src/ops/server.js';
import { openStore } from '../../src/storage/open-store.js';
import { health } from './expectations.js';

describe('/healthz: ready only when every check is up, each reported by name', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  const serve = async (checks: HealthCheck[]) => {
    server = await startOpsServer(
      opsRoutes(createMetrics(), () => checks),
      0,
      '127.0.0.1',
    );
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  it('answers 200 when all checks pass and 503 naming the one that failed', async () => {
    let slackUp = true;
    const base = await serve([() => ({ name: 'slack', ok: slackUp }), probeCheck('storage', async () => 1)]);
    expect(await health(base)).toEqual({
      status: 200,
      body: {
        status: 'ok',
        checks: [
          { name: 'slack', ok: true },
          { name: 'storage', ok: true },
        ],
      },
    });
    slackUp = false;
    const down = await health(base);
    expect(down.status).toBe(503);
    expect(down.body.checks).toContainEqual({ name: 'slack', ok: false });
  });

  it('counts a probe that throws or never answers as down, without hiding the other checks', async () => {
    const base = await serve([
      probeCheck('storage', () => Promise.reject(new Error('database is locked'))),
      probeCheck('hung', () => new Promise(() => {}), 10),
      () => {
        throw new Error('broken check');
      },
      () => ({ name: 'discord', ok: true }),
    ]);
    const down = await health(base);
    expect(down.status).toBe(503);
    expect(down.body.checks).toEqual([
      { name: 'storage', ok: false },
      { name: 'hung', ok: false },
      { name: 'check-2', ok: false },
      { name: 'discord', ok: true },
    ]);
  });

  it('the storage probe main uses fails once the database is closed', async () => {
    const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'ops-store-')) });
    const check = probeCheck('storage', () => store.ping());
    expect(await check()).toEqual({ name: 'storage', ok: true });
    await store.close();
    expect(await check()).toEqual({ name: 'storage', ok: false });
  });

  it('answers 404 for other paths on the small ops server', async () => {
    const base = await serve([]);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
