import type { Kysely } from 'kysely';
import { type LedgerReads, ledgerReads, toDelivery } from './ledger-reads.js';
import type { Database } from './schema.js';
import type { Claim, DeliveryKind, DeliveryStatus, Platform } from './types.js';

export interface SlotKey {
  subscriptionId: number;
  slot: string;
  kind: DeliveryKind;
  deliveryId: string;
}

export interface Lease {
  owner: string;
  now: Date;
  leaseMs: number;
}

/** Terminal outcomes recorded by the holder of a claim. */
export interface Outcome {
  status: Extract<DeliveryStatus, 'delivered' | 'failed' | 'skipped' | 'uncertain' | 'missed'>;
  messageIds?: string[];
  errorCode?: string | null;
  errorReason?: string | null;
}

export interface LedgerRepo extends LedgerReads {
  /** Inserts the (subscription, kind, slot) row; the unique key decides which instance wins. */
  claim(key: SlotKey, lease: Lease): Promise<Claim | undefined>;
  /** Takes over claims whose holder's lease expired, and claims released on shutdown. */
  claimAbandoned(platforms: readonly Platform[], lease: Lease, limit: number): Promise<Claim[]>;
  /** Records a slot nobody will post (missed, or skipped while paused) unless it already has a row; true if it was new. */
  record(key: SlotKey, status: 'missed' | 'skipped', reason: string, now: Date): Promise<boolean>;
  /** Last step before calling the platform: false when this instance no longer holds the claim. */
  markPosting(id: number, owner: string, now: Date): Promise<boolean>;
  finish(id: number, owner: string, outcome: Outcome, now: Date): Promise<boolean>;
  /**
   * Gives up a claim this holder cannot finish (e.g. the database dropped mid-delivery): a claim
   * that never reached the platform is released, one that did expires now, so the next pass
   * takes it over through the usual recovery (look on the platform, or repost within its window).
   */
  abandon(id: number, owner: string, now: Date): Promise<void>;
  /** Shutdown: hands back claims that never reached the platform. */
  release(owner: string, now: Date): Promise<number>;
  renew(owner: string, lease: Lease): Promise<void>;
}

export function ledgerRepo(db: Kysely<Database>): LedgerRepo {
  const expiry = (lease: Lease) => new Date(lease.now.getTime() + lease.leaseMs).toISOString();

  return {
    ...ledgerReads(db),
    async claim(key, lease) {
      const now = lease.now.toISOString();
      const row = await db
        .insertInto('deliveries')
        .values({
          subscription_id: key.subscriptionId,
          slot: key.slot,
          kind: key.kind,
          delivery_id: key.deliveryId,
          status: 'claimed',
          lease_owner: lease.owner,
          lease_expires_at: expiry(lease),
          attempts: 1,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(['subscription_id', 'kind', 'slot']).doNothing())
        .returningAll()
        .executeTakeFirst();
      return row && { delivery: toDelivery(row), recoveredFrom: null };
    },

    async claimAbandoned(platforms, lease, limit) {
      if (platforms.length === 0) return [];
      const now = lease.now.toISOString();
      const candidates = await db
        .selectFrom('deliveries')
        .innerJoin('subscriptions', 'subscriptions.id', 'deliveries.subscription_id')
        .selectAll('deliveries')
        .where('subscriptions.platform', 'in', [...platforms])
        .where((eb) =>
          eb.or([
            eb('deliveries.status', '=', 'released'),
            eb.and([
              eb('deliveries.status', 'in', ['claimed', 'posting']),
              eb('deliveries.lease_expires_at', '<', now),
            ]),
          ]),
        )
        .orderBy('deliveries.id')
        .limit(limit)
        .execute();
      const claims: Claim[] = [];
      for (const row of candidates) {
        // Compare-and-set on the exact state we read: of several instances, one takes it over.
        const taken = await db
          .updateTable('deliveries')
          .set({
            status: row.status === 'released' ? 'claimed' : row.status,
            lease_owner: lease.owner,
            lease_expires_at: expiry(lease),
            attempts: row.attempts + 1,
            updated_at: now,
          })
          .where('id', '=', row.id)
          .where('status', '=', row.status)
          .where('attempts', '=', row.attempts)
          .returningAll()
          .executeTakeFirst();
        if (taken) {
          claims.push({ delivery: toDelivery(taken), recoveredFrom: row.status as Claim['recoveredFrom'] });
        }
      }
      return claims;
    },

    async record(key, status, reason, now) {
      const iso = now.toISOString();
      const result = await db
        .insertInto('deliveries')
        .values({
          subscription_id: key.subscriptionId,
          slot: key.slot,
          kind: key.kind,
          delivery_id: key.deliveryId,
          status,
          attempts: 0,
          error_reason: reason,
          created_at: iso,
          updated_at: iso,
        })
        .onConflict((oc) => oc.columns(['subscription_id', 'kind', 'slot']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async markPosting(id, owner, now) {
      const iso = now.toISOString();
      const result = await db
        .updateTable('deliveries')
        .set((eb) => ({
          status: 'posting',
          updated_at: iso,
          // The first attempt counts: a platform's dedupe window runs from the earliest possible post.
          posting_started_at: eb.fn.coalesce('posting_started_at', eb.val(iso)),
        }))
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .where('status', 'in', ['claimed', 'posting'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async finish(id, owner, outcome, now) {
      const result = await db
        .updateTable('deliveries')
        .set({
          status: outcome.status,
          message_ids: outcome.messageIds ? JSON.stringify(outcome.messageIds) : null,
          error_code: outcome.errorCode ?? null,
          error_reason: outcome.errorReason ?? null,
          lease_owner: null,
          lease_expires_at: null,
          updated_at: now.toISOString(),
        })
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .where('status', 'in', ['claimed', 'posting'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async abandon(id, owner, now) {
      const iso = now.toISOString();
      await db
        .updateTable('deliveries')
        .set({ status: 'released', lease_owner: null, lease_expires_at: null, updated_at: iso })
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .where('status', '=', 'claimed')
        .execute();
      await db
        .updateTable('deliveries')
        .set({ lease_expires_at: iso })
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .where('status', '=', 'posting')
        .execute();
    },

    async release(owner, now) {
      const result = await db
        .updateTable('deliveries')
        .set({ status: 'released', lease_owner: null, lease_expires_at: null, updated_at: now.toISOString() })
        .where('lease_owner', '=', owner)
        .where('status', '=', 'claimed')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async renew(owner, lease) {
      await db
        .updateTable('deliveries')
        .set({ lease_expires_at: expiry(lease) })
        .where('lease_owner', '=', owner)
        .where('status', 'in', ['claimed', 'posting'])
        .execute();
    },
  };
}
