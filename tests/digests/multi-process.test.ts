import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scheduledDeliveryId } from '../../src/digests/delivery-id.js';
import type { Store } from '../../src/storage/open-store.js';
import { forEachDriver, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.js';
import { CHAT_PLATFORMS, type ChatPlatform, type PlatformFake, startPlatformFake } from './platform-rig.js';
import { buildWorker, spawnWorker, until, type Worker } from './worker-process.js';

/**
 * Separate OS processes running the real runtime, node-cron tick and the real Slack or Discord
 * adapter against the fakes in this process (through a fault proxy that can withhold an answer).
 */
const pgAvailable = await postgresAvailable();
/** Fake channels take posts as fast as we send them; the adapter's workspace pacing is tested elsewhere. */
const FAST_SLACK = JSON.stringify({ workspacePosts: 200, workspaceWindowMs: 1000 });

/** One subscription per channel of the fake, whose one slot fell a minute ago; the delivery ids. */
async function seedDueSubscriptions(store: Store, fake: PlatformFake): Promise<Map<string, number>> {
  const now = Date.now();
  const slot = new Date(now - (now % 60_000) - 60_000);
  const cron = `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`;
  const expected = new Map<string, number>();
  for (const channelId of fake.channels) {
    const created = await store.subscriptions.create(
      {
        platform: fake.platform,
        workspaceId: fake.workspaceId,
        channelId,
        schedule: `cron ${cron}`,
        cron,
        timezone: 'UTC',
        skipWhenEmpty: false,
        createdBy: 'U-admin',
      },
      new Date(slot.getTime() - 5 * 60_000),
    );
    if (!created.ok) throw new Error('seed failed');
    expected.set(scheduledDeliveryId(created.subscription.id, slot), 1);
  }
  return expected;
}

async function stopWorker(worker: Worker) {
  worker.child.kill('SIGTERM');
  return worker.exited;
}

const visible = (fake: PlatformFake) => [...fake.delivered().values()].reduce((a, b) => a + b, 0);

beforeAll(() => buildWorker(), 120_000);

describe('separate OS processes', () => {
  let db: TestDatabase | undefined;
  let fake: PlatformFake | undefined;
  const workers: Worker[] = [];
  afterEach(async () => {
    for (const w of workers.splice(0)) {
      if (w.child.exitCode === null && !w.child.killed) w.child.kill('SIGKILL');
      await w.exited;
    }
    await fake?.close();
    await db?.cleanup();
  });

  forEachDriver(pgAvailable, (driver) => {
    it.each(CHAT_PLATFORMS)(
      '%s: a process killed at the 20th of 50 posts leaves it to the next process, and each slot is posted exactly once',
      async (platform: ChatPlatform) => {
        db = await freshDatabase(driver);
        fake = await startPlatformFake(platform, 50);
        const expected = await seedDueSubscriptions(db.store, fake);
        const env = {
          ...db.env,
          ...fake.env,
          LEASE_MS: '1500',
          CONCURRENCY: '4',
          SLACK_PACING: FAST_SLACK,
        };

        const first = spawnWorker({ ...env, INSTANCE_ID: 'first' });
        workers.push(first);
        let posts = 0;
        const isPost = fake.isPost;
        fake.proxy.add({
          // The 20th post lands on the platform; its answer never reaches the process, which dies.
          match: (r) => isPost(r) && ++posts === 20,
          action: 'hang-after-forward',
          after: () => first.child.kill('SIGKILL'),
        });
        expect((await first.exited).signal).toBe('SIGKILL');
        expect(visible(fake)).toBeLessThan(50);
        const left = await db.store.ledger.listAll();
        expect(left.some((r) => r.status === 'posting')).toBe(true);

        const second = spawnWorker({ ...env, INSTANCE_ID: 'second' });
        workers.push(second);
        await until(
          async () => visible(fake as PlatformFake) >= 50 && (await db?.store.ledger.countOpen()) === 0,
          'the slot to complete',
          40_000,
        );
        expect((await stopWorker(second)).code).toBe(0);

        expect(fake.delivered()).toEqual(expected);
        const rows = await db.store.ledger.listAll();
        expect(rows.map((r) => r.status)).toEqual(Array(50).fill('delivered'));
      },
      60_000,
    );
  });

  describe.skipIf(!pgAvailable)('two processes on one PostgreSQL', () => {
    it('discord: posts every (subscription, slot) of 120 exactly once', async () => {
      db = await freshDatabase('postgres');
      fake = await startPlatformFake('discord', 120);
      const expected = await seedDueSubscriptions(db.store, fake);
      const env = { ...db.env, ...fake.env, CONCURRENCY: '8' };
      const a = spawnWorker({ ...env, INSTANCE_ID: 'a' });
      const b = spawnWorker({ ...env, INSTANCE_ID: 'b' });
      workers.push(a, b);
      await until(
        async () => visible(fake as PlatformFake) >= 120 && (await db?.store.ledger.countOpen()) === 0,
        'both processes to finish',
        40_000,
      );
      expect((await Promise.all([stopWorker(a), stopWorker(b)])).map((e) => e.code)).toEqual([0, 0]);
      expect(fake.delivered()).toEqual(expected);
      const rows = await db.store.ledger.listAll();
      expect(rows.every((r) => r.status === 'delivered')).toBe(true);
      const owners = new Set(rows.map((r) => r.leaseOwner));
      expect(rows).toHaveLength(120);
      expect(owners).toEqual(new Set([null]));
    }, 60_000);
  });
});
