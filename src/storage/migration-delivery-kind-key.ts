import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from './schema.js';

/**
 * `0003`: the ledger's unique key becomes (subscription, kind, slot). A manual `/digest send-now`
 * at an instant that is also a scheduled slot (08:00:00.000) is then its own delivery instead of
 * taking, or being refused, the scheduled one. PostgreSQL swaps the constraint; SQLite cannot
 * drop a table constraint, so it rebuilds the table inside one transaction.
 */
export function deliveryKindKey(dialect: DialectName): Migration {
  return {
    up: (db) => setKey(db, dialect, ['subscription_id', 'kind', 'slot']),
    down: (db) => setKey(db, dialect, ['subscription_id', 'slot']),
  };
}

const OLD_NAME = 'deliveries_subscription_slot';
const NEW_NAME = 'deliveries_subscription_kind_slot';
const COLUMNS = [
  'id',
  'subscription_id',
  'slot',
  'kind',
  'delivery_id',
  'status',
  'lease_owner',
  'lease_expires_at',
  'attempts',
  'message_ids',
  'error_code',
  'error_reason',
  'created_at',
  'updated_at',
  'posting_started_at',
] as const;
type Column = (typeof COLUMNS)[number];

async function setKey(db: Kysely<unknown>, dialect: DialectName, key: Column[]): Promise<void> {
  const name = key.includes('kind') ? NEW_NAME : OLD_NAME;
  const previous = name === NEW_NAME ? OLD_NAME : NEW_NAME;
  if (dialect === 'postgres') {
    await db.schema.alterTable('deliveries').dropConstraint(previous).execute();
    await db.schema.alterTable('deliveries').addUniqueConstraint(name, key).execute();
    return;
  }
  await db.transaction().execute(async (trx) => {
    await trx.schema
      .createTable('deliveries_rebuilt')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('subscription_id', 'integer', (c) => c.notNull().references('subscriptions.id'))
      .addColumn('slot', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('delivery_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_expires_at', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('message_ids', 'text')
      .addColumn('error_code', 'text')
      .addColumn('error_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('posting_started_at', 'text')
      .addUniqueConstraint(name, key)
      .execute();
    const columns = sql.join(COLUMNS.map((c) => sql.ref(c)));
    await sql`insert into deliveries_rebuilt (${columns}) select ${columns} from deliveries`.execute(trx);
    await trx.schema.dropTable('deliveries').execute();
    await trx.schema.alterTable('deliveries_rebuilt').renameTo('deliveries').execute();
    await trx.schema.createIndex('deliveries_status').on('deliveries').columns(['status']).execute();
  });
}
