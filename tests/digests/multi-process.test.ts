import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/storage/open-store.js';
import { forEachDriver, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.js';
import {
  buildWorker,
  type FakePlatform,
  spawnWorker,
  startFakePlatform,
  until,
  type Worker,
} from './worker-process.js';

const pgAvailable = await postgresAvailable();

/** `n` subscriptions whose one slot fell a minute ago, created before it. */
async function seedDueSubscriptions(store: Store, n: number): Promise<string> {
  const now = Date.now();
  const slot = new Date(now - (now % 60_000) - 60_000);
  const cron = `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`;
  for (let i = 0; i < n; i++) {
    const created = await store.subscriptions.create(
      {
        platform: 'slack',
        workspaceId: 'T1',
        channelId: `C${i}`,
        schedule: `cron ${cron}`,
        cron,
        timezone: 'UTC',
        skipWhenEmpty: false,
        createdBy: 'U-admin',
      },
      new Date(slot.getTime() - 5 * 60_000),
    );
    if (!created.ok) throw new Error('seed failed');
  }
  return slot.toISOString();
}

async function stopWorker(worker: Worker) {
  worker.child.kill('SIGTERM');
  return worker.exited;
}

beforeAll(() => buildWorker(), 120_000);

describe('separate OS processes', () => {
  let db: TestDatabase;
  let fake: FakePlatform;
  const workers: Worker[] = [];
  afterEach(async () => {
    for (const w of workers.splice(0))
      if (w.child.exitCode === null && !w.child.killed) w.child.kill('SIGKILL');
    await fake?.close();
    await db?.cleanup();
  });

  forEachDriver(pgAvailable, (driver) => {
    it('a process killed at the 20th of 50 posts leaves a slot the next process completes, each exactly once', async () => {
      db = await freshDatabase(driver);
      const slot = await seedDueSubscriptions(db.store, 50);
      fake = await startFakePlatform();
      const env = { ...db.env, FAKE_PLATFORM_URL: fake.url, LEASE_MS: '1500', CONCURRENCY: '4' };

      const first = spawnWorker({ ...env, INSTANCE_ID: 'first' });
      workers.push(first);
      fake.onPost = (n) => {
        if (n !== 20) return true;
        first.child.kill('SIGKILL'); // the 20th post has landed; its answer never will
        return false;
      };
      expect((await first.exited).signal).toBe('SIGKILL');
      expect(fake.total()).toBeLessThan(50);
      fake.onPost = undefined;

      const second = spawnWorker({ ...env, INSTANCE_ID: 'second' });
      workers.push(second);
      await until(() => fake.received.size === 50 && second.lines.includes('idle'), 'the slot to complete');
      expect((await stopWorker(second)).code).toBe(0);

      expect([...fake.received.values()]).toEqual(Array(50).fill(1));
      const rows = await db.store.ledger.listAll();
      expect(rows.map((r) => [r.slot, r.status])).toEqual(Array(50).fill([slot, 'delivered']));
    });
  });

  describe.skipIf(!pgAvailable)('two processes on one PostgreSQL', () => {
    it('posts every (subscription, slot) of 120 exactly once', async () => {
      db = await freshDatabase('postgres');
      await seedDueSubscriptions(db.store, 120);
      fake = await startFakePlatform();
      const env = { ...db.env, FAKE_PLATFORM_URL: fake.url, CONCURRENCY: '8' };
      const a = spawnWorker({ ...env, INSTANCE_ID: 'a' });
      const b = spawnWorker({ ...env, INSTANCE_ID: 'b' });
      workers.push(a, b);
      await until(
        () => fake.received.size === 120 && a.lines.includes('idle') && b.lines.includes('idle'),
        'both processes to finish',
      );
      expect((await Promise.all([stopWorker(a), stopWorker(b)])).map((e) => e.code)).toEqual([0, 0]);
      expect(fake.total()).toBe(120);
      expect([...fake.received.values()].every((n) => n === 1)).toBe(true);
      expect((await db.store.ledger.listAll()).every((r) => r.status === 'delivered')).toBe(true);
    });
  });
});
