import type { Claim, Subscription } from '../storage/types.js';
import type { DeliverDeps, DeliveryResult } from './deliver.js';
import { FAILURE_CODES } from './failure-code.js';

/** Takeovers after which a delivery that keeps crashing (not the platform failing) is recorded failed. */
const MAX_ATTEMPTS = 5;

/**
 * The database (or the content) failed mid-delivery. Marking it failed would lose a digest the
 * platform never saw, so the claim goes back to the ledger for the next pass, which recovers it
 * like a dead instance's. Only a delivery that keeps crashing is finally recorded failed.
 */
export async function handBackCrashed(
  deps: Pick<DeliverDeps, 'store' | 'log' | 'owner' | 'clock'>,
  claim: Claim,
  sub: Subscription,
  err: unknown,
): Promise<DeliveryResult> {
  const { store, log, owner, clock } = deps;
  const d = claim.delivery;
  const ctx = { err, subscription: sub.id, slot: d.slot, attempts: d.attempts };
  if (d.attempts < MAX_ATTEMPTS) {
    log.error(ctx, 'digest delivery crashed; handing the claim back for the next pass');
    await store.ledger.abandon(d.id, owner, clock()).catch(() => undefined);
    return 'lost';
  }
  log.error(ctx, 'digest delivery crashed again; recording it failed');
  const failed = await store.ledger
    .finish(d.id, owner, { status: 'failed', errorCode: FAILURE_CODES.internal }, clock())
    .catch(() => false);
  return failed ? 'failed' : 'lost';
}
