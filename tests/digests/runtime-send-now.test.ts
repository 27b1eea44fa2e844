import { expect, it, vi } from 'vitest';
import { forEachStore, postgresAvailable } from '../helpers/postgres.js';
import { harness } from './harness.js';

const pgAvailable = await postgresAvailable();

forEachStore(pgAvailable, (store) => {
  it('a send-now at the very instant of a scheduled slot posts besides it, after the slot was posted', async () => {
    const h = harness(store(), '2026-05-04T07:59:00Z');
    await h.subscribe('C-news', 'daily 08:00');
    await h.runUntil('2026-05-04T08:00:00Z', 1);
    const sent = await h.runtime.service.sendNow(h.actor(), 1);
    expect(sent).toMatchObject({ ok: true, delivery: { status: 'delivered', kind: 'manual' } });
    expect(h.adapter.postsTo('C-news')).toHaveLength(2);
  });

  it('a send-now goes ahead of the scheduled posts already waiting in the queue', async () => {
    const h = harness(store(), '2026-05-04T07:59:00Z', { concurrency: 1 });
    for (const channel of ['C-a', 'C-b', 'C-c', 'C-manual']) await h.subscribe(channel, 'daily 08:00');
    await h.runtime.service.pause(h.actor(), 4); // C-manual only gets the send-now
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const post = h.adapter.post.bind(h.adapter);
    h.adapter.post = async (target, reply, options) => {
      if (target.channelId === 'C-a') await gate;
      return post(target, reply, options);
    };
    // The gate opens only once the send-now's claim exists and its post has joined the queue.
    const claim = store().ledger.claim.bind(store().ledger);
    store().ledger.claim = async (key, lease) => {
      const c = await claim(key, lease);
      if (key.kind === 'manual') setImmediate(open);
      return c;
    };
    h.clock.now = new Date('2026-05-04T08:00:00Z');
    const pass = h.runtime.tick();
    await vi.waitFor(async () => expect(await store().ledger.countOpen()).toBe(3));
    await h.runtime.service.resume(h.actor(), 4);
    const sent = h.runtime.service.sendNow(h.actor(), 4);
    await Promise.all([pass, sent]);
    expect(h.adapter.posts.map((p) => p.target.channelId)).toEqual(['C-a', 'C-manual', 'C-b', 'C-c']);
  });

  it('a send-now at the very instant of a scheduled slot does not take that slot from the scheduler', async () => {
    const h = harness(store(), '2026-05-04T07:59:00Z');
    await h.subscribe('C-news', 'daily 08:00');
    h.clock.now = new Date('2026-05-04T08:00:00.000Z');
    expect(await h.runtime.service.sendNow(h.actor(), 1)).toMatchObject({ ok: true });
    await h.runtime.tick();
    const rows = await store().ledger.listAll();
    expect(rows.map((r) => [r.kind, r.status]).sort()).toEqual([
      ['manual', 'delivered'],
      ['scheduled', 'delivered'],
    ]);
    expect(h.adapter.postsTo('C-news')).toHaveLength(2);
  });
});
