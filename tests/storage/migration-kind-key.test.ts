import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterEach, expect, it, onTestFinished } from 'vitest';
import { migrationProvider } from '../../src/storage/migrations.js';
import { SQLITE_FILE } from '../../src/storage/open-store.js';
import {
  type DriverName,
  forEachDriver,
  freshDatabase,
  postgresAvailable,
  type TestDatabase,
} from '../helpers/postgres.js';

const pgAvailable = await postgresAvailable();
const SLOT = '2026-05-04T08:00:00.000Z';
const lease = { owner: 'a', now: new Date(SLOT), leaseMs: 60_000 };

/** Moves the database of `db` to `target` with Kysely's migrator, outside openStore. */
async function migrateTo(driver: DriverName, db: TestDatabase, target: string) {
  const raw =
    driver === 'sqlite'
      ? new Kysely<unknown>({
          dialect: new SqliteDialect({ database: new SQLite(join(db.env.DATA_DIR ?? '', SQLITE_FILE)) }),
        })
      : new Kysely<unknown>({
          dialect: new PostgresDialect({
            pool: new pg.Pool({
              connectionString: db.env.DATABASE_URL,
              options: `-c search_path=${db.env.PG_SCHEMA}`,
            }),
          }),
        });
  try {
    const migrator = new Migrator({
      db: raw,
      provider: migrationProvider(driver),
      ...(driver === 'postgres' ? { migrationTableSchema: db.env.PG_SCHEMA } : {}),
    });
    const { error } = await migrator.migrateTo(target);
    if (error) throw error;
  } finally {
    await raw.destroy();
  }
}

forEachDriver(pgAvailable, (driver) => {
  let db: TestDatabase;
  afterEach(async () => db.cleanup());

  it('upgrading a ledger keyed on (subscription, slot) keeps its rows and lets a manual send share a scheduled instant', async () => {
    db = await freshDatabase(driver);
    const created = await db.store.subscriptions.create(
      {
        platform: 'slack',
        workspaceId: 'T1',
        channelId: 'C1',
        schedule: 'daily 08:00',
        cron: '0 8 * * *',
        timezone: 'UTC',
        skipWhenEmpty: false,
        createdBy: 'U1',
      },
      new Date(SLOT),
    );
    if (!created.ok) throw new Error('unreachable');
    const subscriptionId = created.subscription.id;
    await db.store.close();

    await migrateTo(driver, db, '0002_posting_started_at');
    const before = await db.open();
    const scheduled = { subscriptionId, slot: SLOT, kind: 'scheduled' as const, deliveryId: 'd1' };
    expect(await before.ledger.claim(scheduled, lease)).toBeDefined();
    await before.close();

    const store = await db.open(); // applies 0003
    onTestFinished(() => store.close());
    expect((await store.ledger.listAll()).map((r) => [r.slot, r.kind, r.deliveryId])).toEqual([
      [SLOT, 'scheduled', 'd1'],
    ]);
    const manual = { subscriptionId, slot: SLOT, kind: 'manual' as const, deliveryId: 'm1' };
    expect(await store.ledger.claim(manual, lease)).toBeDefined();
    expect(await store.ledger.claim({ ...scheduled, deliveryId: 'd1-again' }, lease)).toBeUndefined();
    expect(await store.ledger.claim({ ...manual, deliveryId: 'm1-again' }, lease)).toBeUndefined();
  });
});
