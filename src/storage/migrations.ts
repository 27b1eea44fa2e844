import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import { deliveryKindKey } from './migration-delivery-kind-key.js';
import type { DialectName } from './schema.js';

/**
 * Versioned, in-code migrations shared by both drivers. Append new entries; never edit an applied one.
 * The only dialect difference is how an auto-incrementing key is spelled.
 */
export function migrationProvider(dialect: DialectName): MigrationProvider {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const migrations: Record<string, Migration> = {
    '0001_digests': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('subscriptions')
          .addColumn('id', idType, (c) => c.primaryKey())
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('workspace_id', 'text', (c) => c.notNull())
          .addColumn('local_id', 'integer', (c) => c.notNull())
          .addColumn('channel_id', 'text', (c) => c.notNull())
          .addColumn('schedule', 'text', (c) => c.notNull())
          .addColumn('cron', 'text', (c) => c.notNull())
          .addColumn('timezone', 'text', (c) => c.notNull())
          .addColumn('skip_when_empty', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('paused_reason', 'text')
          .addColumn('paused_at', 'text')
          .addColumn('removed_at', 'text')
          .addColumn('checked_through', 'text', (c) => c.notNull())
          .addUniqueConstraint('subscriptions_local_id', ['platform', 'workspace_id', 'local_id'])
          .execute();
        // A duplicate is the same channel, schedule and zone among subscriptions not removed.
        await db.schema
          .createIndex('subscriptions_no_duplicates')
          .unique()
          .on('subscriptions')
          .columns(['platform', 'workspace_id', 'channel_id', 'cron', 'timezone'])
          .where(sql.ref('removed_at'), 'is', null)
          .execute();

        await db.schema
          .createTable('deliveries')
          .addColumn('id', idType, (c) => c.primaryKey())
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
          .addUniqueConstraint('deliveries_subscription_slot', ['subscription_id', 'slot'])
          .execute();
        await db.schema.createIndex('deliveries_status').on('deliveries').columns(['status']).execute();

        await db.schema
          .createTable('audit_log')
          .addColumn('id', idType, (c) => c.primaryKey())
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('workspace_id', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('subscription_id', 'integer')
          .addColumn('detail', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('audit_log').execute();
        await db.schema.dropTable('deliveries').execute();
        await db.schema.dropTable('subscriptions').execute();
      },
    },
    // When the first attempt to post a delivery began: Discord's nonce only dedupes for a few
    // minutes after it, so a recovered claim may be reposted only inside that window.
    '0002_posting_started_at': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('deliveries').addColumn('posting_started_at', 'text').execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.alterTable('deliveries').dropColumn('posting_started_at').execute();
      },
    },
    '0003_delivery_kind_in_key': deliveryKindKey(dialect),
  };
  return { getMigrations: async () => migrations };
}
