import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/storage/open-store.js';
import type { NewSubscription } from '../../src/storage/types.js';
import { forEachDriver, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.js';

const pgAvailable = await postgresAvailable();
const NOW = new Date('2026-03-01T12:00:00.000Z');
const lease = (owner: string, now = NOW, leaseMs = 60_000) => ({ owner, now, leaseMs });

function sub(overrides: Partial<NewSubscription> = {}): NewSubscription {
  return {
    platform: 'slack',
    workspaceId: 'T1',
    channelId: 'C1',
    schedule: 'daily 08:00',
    cron: '0 8 * * *',
    timezone: 'UTC',
    skipWhenEmpty: false,
    createdBy: 'U1',
    ...overrides,
  };
}

forEachDriver(pgAvailable, (driver) => {
  let db: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    db = await freshDatabase(driver);
    store = db.store;
  });
  afterEach(async () => {
    await db.cleanup();
  });

  describe('readiness', () => {
    it('answers a ping while open and rejects once closed', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await expect(store.ping()).rejects.toThrow();
    });
  });

  describe('subscriptions', () => {
    it('numbers subscriptions per workspace, starting at 1, and never reuses a removed number', async () => {
      const a = await store.subscriptions.create(sub(), NOW);
      const b = await store.subscriptions.create(sub({ channelId: 'C2' }), NOW);
      const other = await store.subscriptions.create(sub({ workspaceId: 'T2' }), NOW);
      expect([a, b, other].map((r) => r.ok && r.subscription.localId)).toEqual([1, 2, 1]);
      if (!b.ok) throw new Error('unreachable');
      await store.subscriptions.remove(b.subscription.id, NOW);
      const c = await store.subscriptions.create(sub({ channelId: 'C3' }), NOW);
      expect(c.ok && c.subscription.localId).toBe(3);
      expect(await store.subscriptions.findByLocalId('slack', 'T1', 2)).toBeUndefined();
      expect((await store.subscriptions.listForWorkspace('slack', 'T1')).map((s) => s.localId)).toEqual([
        1, 3,
      ]);
    });

    it('refuses a duplicate (same channel, schedule and zone) but allows it again after removal', async () => {
      const first = await store.subscriptions.create(sub(), NOW);
      const dup = await store.subscriptions.create(sub({ schedule: 'cron 0 8 * * *' }), NOW);
      expect(dup.ok).toBe(false);
      if (!first.ok) throw new Error('unreachable');
      await store.subscriptions.remove(first.subscription.id, NOW);
      expect((await store.subscriptions.create(sub(), NOW)).ok).toBe(true);
    });

    it('keeps the pause reason and clears it on resume', async () => {
      const created = await store.subscriptions.create(sub(), NOW);
      if (!created.ok) throw new Error('unreachable');
      const { id } = created.subscription;
      await store.subscriptions.setPaused(id, true, 'channel_not_found', NOW);
      expect(await store.subscriptions.get(id)).toMatchObject({
        paused: true,
        pausedReason: 'channel_not_found',
      });
      await store.subscriptions.setPaused(id, false, null, NOW);
      expect(await store.subscriptions.get(id)).toMatchObject({ paused: false, pausedReason: null });
    });

    it('only moves the scheduler cursor forward', async () => {
      const created = await store.subscriptions.create(sub(), NOW);
      if (!created.ok) throw new Error('unreachable');
      const { id } = created.subscription;
      await store.subscriptions.advanceCursor(id, '2026-03-02T00:00:00.000Z');
      await store.subscriptions.advanceCursor(id, '2026-03-01T18:00:00.000Z');
      expect((await store.subscriptions.get(id))?.checkedThrough).toBe('2026-03-02T00:00:00.000Z');
    });
  });

  describe('delivery ledger', () => {
    async function subscriptionId(): Promise<number> {
      const created = await store.subscriptions.create(sub(), NOW);
      if (!created.ok) throw new Error('unreachable');
      return created.subscription.id;
    }
    const key = (subscriptionId: number, slot = '2026-03-01T08:00:00.000Z') => ({
      subscriptionId,
      slot,
      kind: 'scheduled' as const,
      deliveryId: `d-${subscriptionId}`,
    });

    it('lets exactly one instance claim a (subscription, slot)', async () => {
      const id = await subscriptionId();
      const results = await Promise.all(
        ['a', 'b', 'c', 'd'].map((o) => store.ledger.claim(key(id), lease(o))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.ledger.listAll()).toHaveLength(1);
    });

    it('hands an expired claim to one other instance and says it may have posted', async () => {
      const id = await subscriptionId();
      const claim = await store.ledger.claim(key(id), lease('dead', NOW, 1_000));
      if (!claim) throw new Error('unreachable');
      expect(await store.ledger.markPosting(claim.delivery.id, 'dead', NOW)).toBe(true);
      expect(await store.ledger.claimAbandoned(['slack'], lease('b', NOW), 10)).toEqual([]);
      const later = new Date(NOW.getTime() + 5_000);
      const [b, c] = await Promise.all([
        store.ledger.claimAbandoned(['slack'], lease('b', later), 10),
        store.ledger.claimAbandoned(['slack'], lease('c', later), 10),
      ]);
      const won = [...(b ?? []), ...(c ?? [])];
      expect(won).toHaveLength(1);
      expect(won[0]?.recoveredFrom).toBe('posting');
      expect(await store.ledger.finish(claim.delivery.id, 'dead', { status: 'delivered' }, later)).toBe(
        false,
      );
    });

    it('does not hand claims of one platform to an instance running another', async () => {
      const id = await subscriptionId();
      await store.ledger.claim(key(id), lease('a', NOW, 1));
      const later = new Date(NOW.getTime() + 5_000);
      expect(await store.ledger.claimAbandoned(['console'], lease('b', later), 10)).toEqual([]);
    });

    it('releases unposted claims on shutdown but keeps those already posting', async () => {
      const id = await subscriptionId();
      const one = await store.ledger.claim(key(id, '2026-03-01T08:00:00.000Z'), lease('a'));
      const two = await store.ledger.claim(key(id, '2026-03-02T08:00:00.000Z'), lease('a'));
      if (!one || !two) throw new Error('unreachable');
      await store.ledger.markPosting(two.delivery.id, 'a', NOW);
      expect(await store.ledger.release('a', NOW)).toBe(1);
      const taken = await store.ledger.claimAbandoned(['slack'], lease('b'), 10);
      expect(taken.map((c) => [c.delivery.slot, c.recoveredFrom])).toEqual([
        ['2026-03-01T08:00:00.000Z', 'released'],
      ]);
    });

    it('records outcomes, message ids and errors for status', async () => {
      const id = await subscriptionId();
      const claim = await store.ledger.claim(key(id), lease('a'));
      if (!claim) throw new Error('unreachable');
      await store.ledger.finish(
        claim.delivery.id,
        'a',
        { status: 'delivered', messageIds: ['m1', 'm2'] },
        NOW,
      );
      await store.ledger.record(key(id, '2026-03-02T08:00:00.000Z'), 'missed', 'bot was offline', NOW);
      await store.ledger.record(key(id), 'missed', 'must not overwrite', NOW);
      const last = await store.ledger.lastWithStatus(id, ['delivered']);
      expect(last).toMatchObject({ status: 'delivered', messageIds: ['m1', 'm2'] });
      expect(await store.ledger.countWithStatus(id, 'missed')).toBe(1);
      expect(await store.ledger.countOpen()).toBe(0);
    });
  });

  describe('audit log', () => {
    it('keeps who did what, when, per workspace', async () => {
      const at = NOW.toISOString();
      const base = { platform: 'slack' as const, actor: 'U1', subscriptionId: 1, at };
      await store.audit.add({
        ...base,
        workspaceId: 'T1',
        action: 'subscribe',
        detail: { schedule: 'daily 08:00' },
      });
      await store.audit.add({ ...base, workspaceId: 'T2', action: 'pause', detail: {} });
      const entries = await store.audit.listForWorkspace('slack', 'T1');
      expect(entries).toEqual([
        expect.objectContaining({
          actor: 'U1',
          action: 'subscribe',
          detail: { schedule: 'daily 08:00' },
          at,
        }),
      ]);
    });
  });
});

describe('migrations', () => {
  it('reopening an existing database applies nothing twice', async () => {
    const db = await freshDatabase('sqlite');
    await db.store.close();
    const again = await db.open();
    expect(await again.subscriptions.listScheduled(['slack'])).toEqual([]);
    await again.close();
    await db.cleanup();
  });
});
