import type { Adapter } from '../../src/bots/adapter.js';
import { scheduledDeliveryId } from '../../src/digests/delivery-id.js';
import { createDigestRuntime, type DigestRuntime } from '../../src/digests/runtime.js';
import type { Metrics } from '../../src/ops/metrics.js';
import type { Store } from '../../src/storage/open-store.js';
import { silentLog } from './fake-knowledge.js';
import type { PlatformFake } from './platform-rig.js';
import { staticKnowledge } from './worker/static-knowledge.js';

const SLOT = new Date('2026-05-04T08:00:00Z');

export interface FaultScenario {
  runtime: DigestRuntime;
  /** Delivery ids of the one due slot of every channel: what must appear exactly once each. */
  expected: Map<string, number>;
  /** The 08:00 pass, during which faults strike; a pass that fails outright is left to recovery. */
  fanOut(): Promise<void>;
  /** Later passes, a minute apart, until nothing is open (or `maxPasses`). */
  recover(maxPasses?: number): Promise<void>;
}

/** Every channel of the fake subscribed to `daily 08:00`, on a real runtime with a virtual clock. */
export async function faultScenario(
  store: Store,
  fake: PlatformFake,
  adapter: Adapter,
  metrics?: Metrics,
): Promise<FaultScenario> {
  const clock = { now: new Date(SLOT.getTime() - 60_000) };
  const runtime = createDigestRuntime({
    store,
    adapters: [adapter],
    knowledge: staticKnowledge,
    clock: () => clock.now,
    graceMinutes: 30,
    minIntervalMinutes: 15,
    defaultTimezone: 'UTC',
    log: silentLog,
    instanceId: 'under-fault',
    leaseMs: 30_000,
    retry: { retries: 3, minTimeoutMs: 10 },
    ...(metrics && { metrics }),
  });
  const expected = new Map<string, number>();
  for (const channelId of fake.channels) {
    const actor = {
      platform: fake.platform,
      workspaceId: fake.workspaceId,
      userId: 'U-admin',
      now: clock.now,
    };
    const r = await runtime.service.subscribe(actor, { channelId, schedule: 'daily 08:00' });
    if (!r.ok) throw new Error(`subscribe failed: ${r.error}`);
    const sub = await store.subscriptions.findByLocalId(
      fake.platform,
      fake.workspaceId,
      r.subscription.localId,
    );
    if (!sub) throw new Error('unreachable');
    expected.set(scheduledDeliveryId(sub.id, SLOT), 1);
  }
  const pass = () =>
    runtime.tick().then(
      () => undefined,
      () => undefined,
    );
  return {
    runtime,
    expected,
    async fanOut() {
      clock.now = SLOT;
      await pass();
    },
    async recover(maxPasses = 5) {
      for (let i = 0; i < maxPasses; i++) {
        const open = await store.ledger.countOpen().catch(() => 1);
        const rows = await store.ledger.listAll().catch(() => []);
        if (open === 0 && rows.length === expected.size) return;
        clock.now = new Date(clock.now.getTime() + 60_000);
        await pass();
      }
    },
  };
}
