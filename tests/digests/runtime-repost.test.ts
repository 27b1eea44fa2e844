import { expect, it } from 'vitest';
import { scheduledDeliveryId } from '../../src/digests/delivery-id.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { forEachStore, postgresAvailable } from '../helpers/postgres.js';
import { harness } from './harness.js';

const pgAvailable = await postgresAvailable();
const SLOT = new Date('2026-05-04T08:00:00Z');

forEachStore(pgAvailable, (store) => {
  /** A dead instance began posting the 08:00 slot at `postingAt` and never finished. */
  async function diedWhilePosting(postingAt: Date) {
    const setup = harness(store(), '2026-05-04T07:00:00Z', { platform: 'discord' });
    await setup.subscribe('C-news', 'daily 08:00');
    const key = {
      subscriptionId: 1,
      slot: SLOT.toISOString(),
      kind: 'scheduled' as const,
      deliveryId: scheduledDeliveryId(1, SLOT),
    };
    const claim = await store().ledger.claim(key, { owner: 'dead', now: SLOT, leaseMs: 30_000 });
    if (!claim) throw new Error('unreachable');
    await store().ledger.markPosting(claim.delivery.id, 'dead', postingAt);
    await store().subscriptions.advanceCursor(1, SLOT.toISOString());
  }

  /** A Discord-like adapter: cannot look a post up, but a repeat inside two minutes is harmless. */
  function discordLike(start: string) {
    const h = harness(store(), start, { platform: 'discord', instanceId: 'survivor' });
    h.adapter.lookup = 'unknown';
    h.adapter.idempotentRepostMs = 120_000;
    return h;
  }

  it('reposts, with the same delivery id, an interrupted post taken over inside the platform’s nonce window', async () => {
    await diedWhilePosting(new Date('2026-05-04T08:00:05Z'));
    const h = discordLike('2026-05-04T08:01:00Z');
    await h.runtime.tick();
    expect(h.adapter.posts.map((p) => p.deliveryId)).toEqual([scheduledDeliveryId(1, SLOT)]);
    expect((await store().ledger.listAll()).map((r) => r.status)).toEqual(['delivered']);
  });

  it('marks uncertain, and explains in status, an interrupted post taken over after the window', async () => {
    await diedWhilePosting(new Date('2026-05-04T08:00:05Z'));
    const h = discordLike('2026-05-04T08:03:00Z');
    await h.runtime.tick();
    expect(h.adapter.posts).toHaveLength(0);
    const [status] = await h.runtime.service.status({ platform: 'discord', workspaceId: 'T1' }, h.clock.now);
    expect(status?.uncertain).toBe(1);
    expect(status?.uncertainDeliveries.map((d) => d.slot)).toEqual([SLOT.toISOString()]);
    expect(status?.lastProblem?.errorReason).toMatch(/Discord only guards against a duplicate for 2 minutes/);
    expect(status?.lastProblem?.errorReason).toMatch(/send-now/);
  });

  it('a window counts from the first attempt: a second takeover later does not repost', async () => {
    await diedWhilePosting(new Date('2026-05-04T08:00:05Z'));
    // A second holder picked it up at 08:01, marked it posting again, and died as well.
    const [row] = await store().ledger.claimAbandoned(
      ['discord'],
      { owner: 'second', now: new Date('2026-05-04T08:01:00Z'), leaseMs: 30_000 },
      10,
    );
    if (!row) throw new Error('expected a takeover');
    await store().ledger.markPosting(row.delivery.id, 'second', new Date('2026-05-04T08:01:00Z'));
    const h = discordLike('2026-05-04T08:02:30Z');
    await h.runtime.tick();
    expect(h.adapter.posts).toHaveLength(0);
    expect((await store().ledger.listAll()).map((r) => r.status)).toEqual(['uncertain']);
  });

  it('when storage fails mid-delivery, hands the claim back instead of recording a failure, and posts it on the next pass', async () => {
    const metrics = createMetrics();
    const h = harness(store(), '2026-05-04T07:59:00Z', { metrics });
    await h.subscribe('C-news', 'daily 08:00');
    const markPosting = store().ledger.markPosting;
    store().ledger.markPosting = async () => {
      throw new Error('connection terminated');
    };
    h.clock.now = new Date('2026-05-04T08:00:00Z');
    await h.runtime.tick();
    store().ledger.markPosting = markPosting;
    expect(h.adapter.posts).toHaveLength(0);
    expect((await store().ledger.listAll()).map((r) => r.status)).toEqual(['released']);
    h.clock.now = new Date('2026-05-04T08:01:00Z');
    await h.runtime.tick();
    expect(h.adapter.posts).toHaveLength(1);
    expect((await store().ledger.listAll()).map((r) => r.status)).toEqual(['delivered']);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/newsroom_digest_deliveries_total\{platform="slack",outcome="posted"\} 1/);
    expect(text).not.toMatch(/outcome="failed"/);
  });

  it('counts deliveries by outcome and keeps the paused gauge current', async () => {
    const metrics = createMetrics();
    const h = harness(store(), '2026-05-04T07:59:00Z', { metrics });
    await h.subscribe('C-ok', 'daily 08:00');
    await h.subscribe('C-paused', 'daily 08:00');
    await h.subscribe('C-gone', 'daily 08:00');
    await h.runtime.service.pause(h.actor(), 2);
    const gauge = async () =>
      /newsroom_paused_subscriptions (\d+)/.exec(await metrics.registry.metrics())?.[1];
    expect(await gauge()).toBe('1');
    const { PermanentChannelError } = await import('../../src/bots/adapter.js');
    h.adapter.failures.set('C-gone', [new PermanentChannelError('channel_not_found', 'gone')]);
    h.clock.now = new Date('2026-05-04T08:00:00Z');
    await h.runtime.tick();
    const text = await metrics.registry.metrics();
    for (const outcome of ['posted', 'paused', 'failed'])
      expect(text).toMatch(
        new RegExp(`newsroom_digest_deliveries_total\\{platform="slack",outcome="${outcome}"\\} 1`),
      );
    expect(await gauge()).toBe('2');
    await h.runtime.service.resume(h.actor(), 2);
    expect(await gauge()).toBe('1');
  });
});
