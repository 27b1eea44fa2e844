import type { Kysely, Selectable } from 'kysely';
import type { Database, DeliveriesTable } from './schema.js';
import type { Delivery, DeliveryKind, DeliveryStatus } from './types.js';

/** Read side of the delivery ledger: status views, tests and the worker's idle check. */
export interface LedgerReads {
  lastWithStatus(subscriptionId: number, statuses: readonly DeliveryStatus[]): Promise<Delivery | undefined>;
  countWithStatus(subscriptionId: number, status: DeliveryStatus): Promise<number>;
  /** Most recent first. */
  listWithStatus(subscriptionId: number, status: DeliveryStatus, limit: number): Promise<Delivery[]>;
  /** Claimed, posting or released rows: work some instance still has to finish. */
  countOpen(): Promise<number>;
  get(id: number): Promise<Delivery | undefined>;
  listForSubscription(subscriptionId: number): Promise<Delivery[]>;
  listAll(): Promise<Delivery[]>;
}

const OPEN: DeliveryStatus[] = ['claimed', 'posting', 'released'];

export function ledgerReads(db: Kysely<Database>): LedgerReads {
  return {
    async lastWithStatus(subscriptionId, statuses) {
      const row = await db
        .selectFrom('deliveries')
        .selectAll()
        .where('subscription_id', '=', subscriptionId)
        .where('status', 'in', [...statuses])
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row && toDelivery(row);
    },

    async countWithStatus(subscriptionId, status) {
      const row = await db
        .selectFrom('deliveries')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('subscription_id', '=', subscriptionId)
        .where('status', '=', status)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async listWithStatus(subscriptionId, status, limit) {
      const rows = await db
        .selectFrom('deliveries')
        .selectAll()
        .where('subscription_id', '=', subscriptionId)
        .where('status', '=', status)
        .orderBy('slot', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },

    async countOpen() {
      const row = await db
        .selectFrom('deliveries')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', 'in', OPEN)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async get(id) {
      const row = await db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toDelivery(row);
    },

    async listForSubscription(subscriptionId) {
      const rows = await db
        .selectFrom('deliveries')
        .selectAll()
        .where('subscription_id', '=', subscriptionId)
        .orderBy('slot')
        .execute();
      return rows.map(toDelivery);
    },

    async listAll() {
      const rows = await db.selectFrom('deliveries').selectAll().orderBy('id').execute();
      return rows.map(toDelivery);
    },
  };
}

export function toDelivery(row: Selectable<DeliveriesTable>): Delivery {
  return {
    id: Number(row.id),
    subscriptionId: Number(row.subscription_id),
    slot: row.slot,
    kind: row.kind as DeliveryKind,
    deliveryId: row.delivery_id,
    status: row.status as DeliveryStatus,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
    attempts: Number(row.attempts),
    postingStartedAt: row.posting_started_at,
    messageIds: row.message_ids ? (JSON.parse(row.message_ids) as string[]) : [],
    errorCode: row.error_code,
    errorReason: row.error_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
