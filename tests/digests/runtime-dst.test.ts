import { expect, it } from 'vitest';
import { forEachStore, postgresAvailable } from '../helpers/postgres.js';
import { harness } from './harness.js';

const pgAvailable = await postgresAvailable();
const NY = 'America/New_York';

forEachStore(pgAvailable, (store) => {
  async function deliveredSlots(localChannel: string, h: ReturnType<typeof harness>): Promise<string[]> {
    const subs = await store().subscriptions.listForWorkspace('slack', 'T1');
    const sub = subs.find((s) => s.channelId === localChannel);
    const rows = await store().ledger.listForSubscription(sub?.id ?? -1);
    expect(h.adapter.postsTo(localChannel)).toHaveLength(rows.filter((r) => r.status === 'delivered').length);
    return rows.filter((r) => r.status === 'delivered').map((r) => r.slot);
  }

  it('posts a daily 02:30 New York digest once on spring-forward day, at 03:30 EDT', async () => {
    const h = harness(store(), '2026-03-07T12:00:00Z');
    await h.subscribe('C-news', 'daily 02:30', NY);
    await h.runUntil('2026-03-09T03:00:00Z');
    expect(await deliveredSlots('C-news', h)).toEqual(['2026-03-08T07:30:00.000Z']);
  });

  it('posts a daily 02:30 New York digest once on fall-back day', async () => {
    const h = harness(store(), '2026-10-31T12:00:00Z');
    await h.subscribe('C-news', 'daily 02:30', NY);
    await h.subscribe('C-early', 'daily 01:30', NY);
    await h.runUntil('2026-11-01T12:00:00Z');
    expect(await deliveredSlots('C-news', h)).toEqual(['2026-11-01T07:30:00.000Z']);
    // 01:30 happens twice that night; the first (EDT) one is used.
    expect(await deliveredSlots('C-early', h)).toEqual(['2026-11-01T05:30:00.000Z']);
  });

  it('posts weekdays 07:30 on Friday and Monday, nothing on Saturday or Sunday', async () => {
    const h = harness(store(), '2026-03-06T00:00:00Z'); // Friday
    await h.subscribe('C-news', 'weekdays 07:30', NY);
    await h.runUntil('2026-03-10T00:00:00Z', 10);
    expect(await deliveredSlots('C-news', h)).toEqual([
      '2026-03-06T12:30:00.000Z',
      '2026-03-09T11:30:00.000Z',
    ]);
  });

  it('posts each slot at or after its time, never before', async () => {
    const h = harness(store(), '2026-03-07T12:00:00Z');
    await h.subscribe('C-news', 'daily 02:30', NY);
    const seen: Array<[string, number]> = [];
    const post = h.adapter.post.bind(h.adapter);
    h.adapter.post = async (target, reply, options) => {
      seen.push([options.deliveryId, h.clock.now.getTime()]);
      return post(target, reply, options);
    };
    await h.runUntil('2026-03-08T12:00:00Z', 7);
    const rows = await store().ledger.listAll();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.[1]).toBeGreaterThanOrEqual(new Date(rows[0]?.slot ?? 0).getTime());
  });
});
