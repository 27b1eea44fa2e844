import { expect, it } from 'vitest';
import { scheduledDeliveryId } from '../../src/digests/delivery-id.js';
import { forEachStore, postgresAvailable } from '../helpers/postgres.js';
import { type Harness, harness } from './harness.js';

const pgAvailable = await postgresAvailable();
const SLOT = new Date('2026-05-04T08:00:00Z');

/** Runs `before` just ahead of the first post to `channelId`, then posts as usual. */
function beforeFirstPostTo(h: Harness, channelId: string, before: () => Promise<unknown>) {
  const post = h.adapter.post.bind(h.adapter);
  let done = false;
  h.adapter.post = async (target, reply, options) => {
    if (!done && target.channelId === channelId) {
      done = true;
      await before();
    }
    return post(target, reply, options);
  };
}

forEachStore(pgAvailable, (store) => {
  /** A dead instance claimed the 08:00 slot of subscription 1 and never posted it. */
  async function deadInstanceClaimed() {
    const setup = harness(store(), '2026-05-04T07:00:00Z');
    await setup.subscribe('C-news', 'daily 08:00');
    const key = { subscriptionId: 1, slot: SLOT.toISOString(), kind: 'scheduled' as const };
    await store().ledger.claim(
      { ...key, deliveryId: scheduledDeliveryId(1, SLOT) },
      { owner: 'dead', now: SLOT, leaseMs: 60_000 },
    );
    await store().subscriptions.advanceCursor(1, SLOT.toISOString());
    return setup;
  }

  it('given a subscription removed after a dead instance claimed its slot, the takeover posts nothing and records skipped: removed', async () => {
    const setup = await deadInstanceClaimed();
    await setup.runtime.service.remove(setup.actor(), 1);
    const h = harness(store(), '2026-05-04T08:02:00Z', { instanceId: 'survivor' });
    await h.runUntil('2026-05-04T08:10:00Z', 1);
    expect(h.adapter.posts).toEqual([]);
    const rows = await store().ledger.listAll();
    expect(rows.map((r) => [r.status, r.errorCode])).toEqual([['skipped', 'removed']]);
  });

  it('given a subscription paused after a dead instance claimed its slot, the takeover posts nothing and records skipped: paused', async () => {
    const setup = await deadInstanceClaimed();
    await setup.runtime.service.pause(setup.actor(), 1);
    const h = harness(store(), '2026-05-04T08:02:00Z', { instanceId: 'survivor' });
    await h.runUntil('2026-05-04T08:10:00Z', 1);
    expect(h.adapter.posts).toEqual([]);
    const rows = await store().ledger.listAll();
    expect(rows.map((r) => [r.status, r.errorCode])).toEqual([['skipped', 'paused']]);
    expect(rows[0]?.errorReason).toContain('paused by an admin');
  });

  it('given an admin pauses one subscription while a pass is posting another, the paused one is not posted', async () => {
    const h = harness(store(), '2026-05-04T07:59:00Z', { concurrency: 1 });
    await h.subscribe('C-first', 'daily 08:00');
    await h.subscribe('C-second', 'daily 08:00');
    beforeFirstPostTo(h, 'C-first', () => h.runtime.service.pause(h.actor(), 2));
    await h.runUntil('2026-05-04T08:00:00Z', 1);
    expect(h.adapter.posts.map((p) => p.target.channelId)).toEqual(['C-first']);
    const second = await store().ledger.listForSubscription(2);
    expect(second.map((r) => [r.status, r.errorCode])).toEqual([['skipped', 'paused']]);
  });

  it('given an admin removes one subscription while a pass is posting another, the removed one is not posted', async () => {
    const h = harness(store(), '2026-05-04T07:59:00Z', { concurrency: 1 });
    await h.subscribe('C-first', 'daily 08:00');
    await h.subscribe('C-second', 'daily 08:00');
    beforeFirstPostTo(h, 'C-first', () => h.runtime.service.remove(h.actor(), 2));
    await h.runUntil('2026-05-04T08:00:00Z', 1);
    expect(h.adapter.posts.map((p) => p.target.channelId)).toEqual(['C-first']);
    const second = await store().ledger.listForSubscription(2);
    expect(second.map((r) => [r.status, r.errorCode])).toEqual([['skipped', 'removed']]);
  });
});
