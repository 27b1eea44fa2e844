import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Store } from '../../src/storage/open-store.js';
import { forEachDriver, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.js';
import { harness } from './harness.js';

const pgAvailable = await postgresAvailable();

forEachDriver(pgAvailable, (driver) => {
  let db: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    db = await freshDatabase(driver);
    store = db.store;
  });
  afterEach(async () => db.cleanup());

  it('a send-now at the very instant of a scheduled slot posts besides it, after the slot was posted', async () => {
    const h = harness(store, '2026-05-04T07:59:00Z');
    await h.subscribe('C-news', 'daily 08:00');
    await h.runUntil('2026-05-04T08:00:00Z', 1);
    const sent = await h.runtime.service.sendNow(h.actor(), 1);
    expect(sent).toMatchObject({ ok: true, delivery: { status: 'delivered', kind: 'manual' } });
    expect(h.adapter.postsTo('C-news')).toHaveLength(2);
  });

  it('a send-now at the very instant of a scheduled slot does not take that slot from the scheduler', async () => {
    const h = harness(store, '2026-05-04T07:59:00Z');
    await h.subscribe('C-news', 'daily 08:00');
    h.clock.now = new Date('2026-05-04T08:00:00.000Z');
    expect(await h.runtime.service.sendNow(h.actor(), 1)).toMatchObject({ ok: true });
    await h.runtime.tick();
    const rows = await store.ledger.listAll();
    expect(rows.map((r) => [r.kind, r.status]).sort()).toEqual([
      ['manual', 'delivered'],
      ['scheduled', 'delivered'],
    ]);
    expect(h.adapter.postsTo('C-news')).toHaveLength(2);
  });
});
