import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { openStore, SQLITE_FILE, type Store } from '../../src/storage/open-store.js';
import {
  forEachDriver,
  freshDatabase,
  postgresAvailable,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../helpers/postgres.js';
import { faultScenario } from './fault-scenario.js';
import { adapterFor, CHAT_PLATFORMS, type PlatformFake, startPlatformFake } from './platform-rig.js';

const pgAvailable = await postgresAvailable();
const CHANNELS = 6;

/**
 * The database goes away in the middle of a fan-out. PostgreSQL: every connection of the bot's
 * pool is terminated (`pg_terminate_backend`), as in a server restart or failover. SQLite cannot
 * restart under an open file; the nearest fault is a lock held by another connection, so every
 * write fails with SQLITE_BUSY until it is released.
 */
forEachDriver(pgAvailable, (driver) => {
  let db: TestDatabase | undefined;
  let store: Store | undefined;
  let fake: PlatformFake | undefined;
  afterEach(async () => {
    await fake?.close();
    if (store !== db?.store) await store?.close();
    await db?.cleanup();
  });

  async function breakDatabase(database: TestDatabase): Promise<() => Promise<void>> {
    if (driver === 'postgres') {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
        [`newsroom-bot/${database.env.PG_SCHEMA}`],
      );
      await client.end();
      return async () => {};
    }
    const locker = new SQLite(`${database.env.DATA_DIR}/${SQLITE_FILE}`, { timeout: 2_000 });
    locker.exec('BEGIN IMMEDIATE');
    return async () => {
      locker.exec('ROLLBACK');
      locker.close();
    };
  }

  for (const platform of CHAT_PLATFORMS) {
    it(`${platform}: when the database drops after the 2nd of ${CHANNELS} posts, every digest is still posted exactly once`, async () => {
      db = await freshDatabase(driver);
      const database = db;
      // SQLite writers normally wait 5 s for a lock; a short wait makes the fault bite at once.
      store =
        driver === 'sqlite'
          ? await openStore({ dataDir: database.env.DATA_DIR ?? '', busyTimeoutMs: 10 })
          : db.store;
      fake = await startPlatformFake(platform, CHANNELS);
      const scenario = await faultScenario(store, fake, adapterFor(fake));
      let broken: Promise<() => Promise<void>> | undefined;
      let landed = 0;
      fake.proxy.add({
        match: fake.isPost,
        action: 'forward',
        times: 2,
        after: () => {
          if (++landed === 2) broken = breakDatabase(database);
        },
      });
      await scenario.fanOut();
      expect(broken).toBeDefined();
      await (await broken)?.();
      await scenario.recover();
      expect(fake.delivered()).toEqual(scenario.expected);
      const rows = await store.ledger.listAll();
      expect(rows.map((r) => r.status)).toEqual(Array(CHANNELS).fill('delivered'));
    });
  }
});
