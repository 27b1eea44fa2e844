import { afterEach, beforeEach, expect, it } from 'vitest';
import { scheduledDeliveryId } from '../../src/digests/delivery-id.js';
import type { Store } from '../../src/storage/open-store.js';
import { CHANNEL, type Rig, startRig } from '../bots/slack/rig.js';
import { forEachDriver, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.js';
import { harness } from './harness.js';

const pgAvailable = await postgresAvailable();
const SLOT = new Date('2026-05-04T08:00:00Z');
const POSTING_AT = new Date('2026-05-04T08:00:05Z');
const DELIVERY = scheduledDeliveryId(1, SLOT);

/** The real Slack adapter against the fake Slack, driven by the digest runtime. */
forEachDriver(pgAvailable, (driver) => {
  let db: TestDatabase;
  let store: Store;
  let rig: Rig;
  const clock = { now: new Date('2026-05-04T07:00:00Z') };
  beforeEach(async () => {
    db = await freshDatabase(driver);
    store = db.store;
    rig = await startRig({ fake: { now: () => clock.now.getTime() } });
  });
  afterEach(async () => {
    await rig.close();
    await db.cleanup();
  });

  /** A dead instance began posting the 08:00 slot; `landed` of its 2 messages reached the channel. */
  async function diedWhilePosting(landed: number[]) {
    const setup = harness(store, '2026-05-04T07:00:00Z');
    await setup.subscribe(CHANNEL, 'daily 08:00');
    const key = { subscriptionId: 1, slot: SLOT.toISOString(), kind: 'scheduled' as const };
    const claim = await store.ledger.claim(
      { ...key, deliveryId: DELIVERY },
      { owner: 'dead', now: SLOT, leaseMs: 30_000 },
    );
    await store.ledger.markPosting(claim?.delivery.id ?? 0, 'dead', POSTING_AT);
    await store.subscriptions.advanceCursor(1, SLOT.toISOString());
    for (const part of landed) {
      rig.fake.posts.push({
        channel: CHANNEL,
        ts: `${POSTING_AT.getTime() / 1000 + part}.00000${part}`,
        text: `digest part ${part}`,
        metadata: {
          event_type: 'newsroom_delivery',
          event_payload: { delivery_id: DELIVERY, part, parts: 2 },
        },
        params: {},
      });
    }
    const h = harness(store, '2026-05-04T08:02:00Z', { instanceId: 'survivor', adapters: [rig.adapter] });
    clock.now = h.clock.now;
    return h;
  }

  it('given half of an interrupted two-message digest landed, the takeover posts nothing and status shows it uncertain', async () => {
    const h = await diedWhilePosting([1]);
    await h.runUntil('2026-05-04T08:05:00Z', 1);
    expect(rig.fake.callsTo('chat.postMessage')).toEqual([]);
    expect((await store.ledger.listAll()).map((r) => r.status)).toEqual(['uncertain']);
    const [status] = await h.runtime.service.status({ platform: 'slack', workspaceId: 'T1' }, h.clock.now);
    expect(status?.uncertain).toBe(1);
  });

  it('given every message of an interrupted digest landed, the takeover records it delivered and posts nothing', async () => {
    const h = await diedWhilePosting([1, 2]);
    await h.runUntil('2026-05-04T08:05:00Z', 1);
    expect(rig.fake.callsTo('chat.postMessage')).toEqual([]);
    expect((await store.ledger.listAll()).map((r) => r.status)).toEqual(['delivered']);
  });

  it('looks in history only from shortly before the first posting attempt', async () => {
    const h = await diedWhilePosting([]);
    await h.runUntil('2026-05-04T08:05:00Z', 1);
    const [look] = rig.fake.callsTo('conversations.history');
    const oldest = Number(look?.params.oldest);
    expect(oldest).toBeLessThan(POSTING_AT.getTime() / 1000);
    expect(oldest).toBeGreaterThan(POSTING_AT.getTime() / 1000 - 15 * 60);
    // Nothing had landed: it is posted now, once.
    expect(rig.fake.posts.filter((p) => p.metadata?.event_payload.delivery_id === DELIVERY)).toHaveLength(1);
  });
});
