import { expect, it } from 'vitest';
import { scheduledDeliveryId } from '../../src/digests/delivery-id.js';
import { forEachStore, postgresAvailable } from '../helpers/postgres.js';
import { harness } from './harness.js';

const pgAvailable = await postgresAvailable();

forEachStore(pgAvailable, (store) => {
  it('on start, delivers a slot missed within the grace period once and records older ones as missed', async () => {
    const setup = harness(store(), '2026-05-04T06:00:00Z');
    await setup.subscribe('C-recent', 'daily 08:00');
    await setup.subscribe('C-old', 'daily 07:00');
    // The process was down from 06:00 to 08:20: 08:00 is 20 min late (within 30), 07:00 is 80 min late.
    const h = harness(store(), '2026-05-04T08:20:00Z', { instanceId: 'restarted' });
    await h.runtime.start();
    await h.runtime.stop();
    expect(h.adapter.posts.map((p) => p.target.channelId)).toEqual(['C-recent']);
    const rows = await store().ledger.listAll();
    expect(rows.map((r) => r.status).sort()).toEqual(['delivered', 'missed']);
    const [old] = await h.runtime.service.status({ platform: 'slack', workspaceId: 'T1' }, h.clock.now, 2);
    expect(old).toMatchObject({ missed: 1, lastProblem: { status: 'missed' } });
  });

  it('after a long outage, records the missed slots without flooding the channel', async () => {
    const setup = harness(store(), '2026-05-04T06:00:00Z');
    await setup.subscribe('C-news', 'every 1 hour');
    const h = harness(store(), '2026-05-04T18:10:00Z', { instanceId: 'restarted' });
    await h.runtime.start();
    await h.runtime.stop();
    expect(h.adapter.posts).toHaveLength(1); // 18:00, within grace
    expect(await store().ledger.countWithStatus(1, 'missed')).toBe(11);
  });

  async function deadInstanceLeft(status: 'claimed' | 'posting') {
    const setup = harness(store(), '2026-05-04T07:00:00Z');
    await setup.subscribe('C-news', 'daily 08:00');
    const slot = new Date('2026-05-04T08:00:00Z');
    const claim = await store().ledger.claim(
      {
        subscriptionId: 1,
        slot: slot.toISOString(),
        kind: 'scheduled',
        deliveryId: scheduledDeliveryId(1, slot),
      },
      { owner: 'dead', now: slot, leaseMs: 60_000 },
    );
    if (!claim) throw new Error('unreachable');
    if (status === 'posting') await store().ledger.markPosting(claim.delivery.id, 'dead', slot);
    await store().subscriptions.advanceCursor(1, slot.toISOString());
    return harness(store(), '2026-05-04T08:02:00Z', { instanceId: 'survivor' });
  }

  it('takes over a dead instance’s claim that never reached the platform and posts it once', async () => {
    const h = await deadInstanceLeft('claimed');
    await h.runUntil('2026-05-04T08:10:00Z', 1);
    expect(h.adapter.posts).toHaveLength(1);
  });

  it('does not post again when the interrupted post is found on the platform', async () => {
    const h = await deadInstanceLeft('posting');
    // The dead instance's post landed before it died.
    h.adapter.posts.push({
      target: { workspaceId: 'T1', channelId: 'C-news' },
      reply: { title: 'x', sections: [], tone: 'digest', shareable: false },
      deliveryId: scheduledDeliveryId(1, new Date('2026-05-04T08:00:00Z')),
    });
    await h.runUntil('2026-05-04T08:10:00Z', 1);
    expect(h.adapter.posts).toHaveLength(1);
    expect((await store().ledger.listAll()).map((r) => r.status)).toEqual(['delivered']);
  });

  it('posts an interrupted delivery the platform confirms is absent', async () => {
    const h = await deadInstanceLeft('posting');
    await h.runUntil('2026-05-04T08:10:00Z', 1);
    expect(h.adapter.posts).toHaveLength(1);
  });

  it('marks an interrupted delivery uncertain, without posting, where the platform cannot tell', async () => {
    const h = await deadInstanceLeft('posting');
    h.adapter.lookup = 'unknown';
    await h.runUntil('2026-05-04T08:10:00Z', 1);
    expect(h.adapter.posts).toHaveLength(0);
    const [status] = await h.runtime.service.status({ platform: 'slack', workspaceId: 'T1' }, h.clock.now);
    expect(status).toMatchObject({ uncertain: 1, lastProblem: { status: 'uncertain' } });
  });

  it('on stop, hands back claims that were still queued so another instance posts them', async () => {
    const h = harness(store(), '2026-05-04T07:59:00Z', { concurrency: 1 });
    for (let i = 0; i < 5; i++) await h.subscribe(`C${i}`, 'daily 08:00');
    let stopped: Promise<void> | undefined;
    const post = h.adapter.post.bind(h.adapter);
    h.adapter.post = async (target, reply, options) => {
      stopped ??= h.runtime.stop(); // SIGTERM arrives during the first post
      return post(target, reply, options);
    };
    h.clock.now = new Date('2026-05-04T08:00:00Z');
    await h.runtime.tick();
    await stopped;
    expect(h.adapter.posts).toHaveLength(1);
    const other = harness(store(), '2026-05-04T08:00:30Z', { instanceId: 'other' });
    await other.runtime.tick();
    expect(other.adapter.posts).toHaveLength(4);
    expect((await store().ledger.listAll()).every((r) => r.status === 'delivered')).toBe(true);
  });

  it('send-now posts right away and records a manual delivery', async () => {
    const h = harness(store(), '2026-05-04T10:00:00Z');
    await h.subscribe('C-news', 'daily 08:00');
    const result = await h.runtime.service.sendNow(h.actor(), 1);
    expect(result).toMatchObject({ ok: true, delivery: { status: 'delivered', kind: 'manual' } });
    expect(h.adapter.posts).toHaveLength(1);
    expect(await h.runtime.service.sendNow(h.actor(), 9)).toEqual({ ok: false, error: 'not_found' });
  });
});
