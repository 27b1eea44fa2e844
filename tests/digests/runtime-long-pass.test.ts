import { expect, it, vi } from 'vitest';
import { scheduledDeliveryId } from '../../src/digests/delivery-id.js';
import { forEachStore, postgresAvailable } from '../helpers/postgres.js';
import { harness } from './harness.js';

const pgAvailable = await postgresAvailable();
const SLOT = new Date('2026-05-04T08:00:00Z');

forEachStore(pgAvailable, (store) => {
  it('takes over a dead instance’s claim while a long pass is still posting, not only after it', async () => {
    const setup = harness(store(), '2026-05-04T07:00:00Z');
    await setup.subscribe('C-dead', 'daily 08:00');
    await setup.subscribe('C-slow', 'daily 08:00');
    // A dead instance claimed C-dead's slot; its lease runs out at 08:10, after this pass began.
    const key = { subscriptionId: 1, slot: SLOT.toISOString(), kind: 'scheduled' as const };
    await store().ledger.claim(
      { ...key, deliveryId: scheduledDeliveryId(1, SLOT) },
      { owner: 'dead', now: SLOT, leaseMs: 600_000 },
    );
    await store().subscriptions.advanceCursor(1, SLOT.toISOString());

    // Heartbeats every 100 ms of real time; the claims' clock is the harness's.
    const h = harness(store(), '2026-05-04T08:00:00Z', { instanceId: 'survivor', leaseMs: 300 });
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    let slowStarted = false;
    const post = h.adapter.post.bind(h.adapter);
    h.adapter.post = async (target, reply, options) => {
      if (target.channelId === 'C-slow') {
        slowStarted = true;
        await gate;
      }
      return post(target, reply, options);
    };
    const started = h.runtime.start(); // its first pass waits on C-slow
    await vi.waitFor(() => expect(slowStarted).toBe(true));
    h.clock.now = new Date('2026-05-04T08:11:00Z');
    await vi.waitFor(() => expect(h.adapter.postsTo('C-dead')).toHaveLength(1), { timeout: 5_000 });
    expect(h.adapter.postsTo('C-slow')).toHaveLength(0); // the pass is still waiting
    open();
    await started;
    await h.runtime.stop();
    expect(h.adapter.postsTo('C-slow')).toHaveLength(1);
    expect((await store().ledger.listAll()).map((r) => r.status)).toEqual(['delivered', 'delivered']);
  });
});
