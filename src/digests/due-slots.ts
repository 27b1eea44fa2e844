import type { Store } from '../storage/open-store.js';
import type { Claim, Subscription } from '../storage/types.js';
import type { DeliveryResult } from './deliver.js';
import { scheduledDeliveryId } from './delivery-id.js';
import type { DigestLog } from './log.js';
import type { DigestMetrics } from './metrics.js';
import type { TickReport } from './runtime.js';
import { slotsBetween } from './slots.js';

/** Catch-up never looks further back than this, so a long outage records at most a few rows. */
const MAX_LOOKBACK_MS = 2 * 86_400_000;
const MAX_MISSED_PER_SUBSCRIPTION = 50;

export interface DueSlotDeps {
  store: Store;
  log: DigestLog;
  owner: string;
  leaseMs: number;
  graceMs: number;
  stats: DigestMetrics;
  /** Queues a claimed slot's delivery. */
  run(claim: Claim, sub: Subscription): Promise<DeliveryResult>;
}

/**
 * One subscription's slots since its cursor: claimed and queued when due, recorded skipped while
 * paused, recorded missed when older than the grace period; then the cursor moves on.
 */
export async function scheduleDueSlots(
  deps: DueSlotDeps,
  sub: Subscription,
  now: Date,
  report: TickReport,
  work: Promise<unknown>[],
): Promise<void> {
  const { store, stats, log, owner, leaseMs, graceMs, run } = deps;
  const from = Math.max(new Date(sub.checkedThrough).getTime(), now.getTime() - MAX_LOOKBACK_MS);
  const slots = slotsBetween(sub.cron, sub.timezone, new Date(from), now, 10_000);
  const lease = { owner, now, leaseMs };
  const tooOld = slots.filter((s) => now.getTime() - s.getTime() > graceMs);
  for (const slot of slots) {
    const key = { subscriptionId: sub.id, slot: slot.toISOString(), kind: 'scheduled' as const };
    const deliveryId = scheduledDeliveryId(sub.id, slot);
    if (sub.paused) {
      const reason = `paused: ${sub.pausedReason ?? ''}`;
      if (await store.ledger.record({ ...key, deliveryId }, 'skipped', reason, now))
        stats.count(sub.platform, 'paused');
      report.skipped++;
    } else if (tooOld.includes(slot)) {
      if (tooOld.indexOf(slot) >= tooOld.length - MAX_MISSED_PER_SUBSCRIPTION) {
        const reason = 'the bot was not running at that time';
        if (await store.ledger.record({ ...key, deliveryId }, 'missed', reason, now))
          stats.count(sub.platform, 'missed');
      }
      report.missed++;
    } else {
      const claim = await store.ledger.claim({ ...key, deliveryId }, lease);
      if (claim) {
        report.claimed++;
        work.push(run(claim, sub));
      }
    }
  }
  if (tooOld.length > 0)
    log.warn({ subscription: sub.id, missed: tooOld.length }, 'slots missed while not running');
  // Only after every due slot has a ledger row: a crash before this line re-finds them. Idle
  // subscriptions move their cursor hourly, not every tick, to spare the database a write a minute.
  if (slots.length > 0 || now.getTime() - new Date(sub.checkedThrough).getTime() > 3_600_000) {
    await store.subscriptions.advanceCursor(sub.id, now.toISOString());
  }
}
