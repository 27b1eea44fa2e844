import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe } from 'vitest';
import { MIGRATION_ADVISORY_LOCK, openStore, type Store } from '../../src/storage/open-store.js';

/**
 * PostgreSQL for tests comes from TEST_DATABASE_URL. Under CI=true an unreachable database fails
 * the suite; elsewhere the PostgreSQL variants skip and say so on the console.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

async function probe(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

let availability: Promise<boolean> | undefined;

/** True when PostgreSQL tests should run; throws under CI when they cannot. */
export function postgresAvailable(): Promise<boolean> {
  availability ??= (async () => {
    const ci = process.env.CI === 'true';
    if (!TEST_DATABASE_URL) {
      if (ci) throw new Error('CI=true but TEST_DATABASE_URL is not set: PostgreSQL tests cannot run');
      console.warn('⚠ PostgreSQL tests SKIPPED: TEST_DATABASE_URL is not set');
      return false;
    }
    const problem = await probe(TEST_DATABASE_URL);
    if (problem) {
      if (ci) throw new Error(`CI=true but PostgreSQL at TEST_DATABASE_URL is unreachable: ${problem}`);
      console.warn(`⚠ PostgreSQL tests SKIPPED: TEST_DATABASE_URL unreachable (${problem})`);
      return false;
    }
    return true;
  })();
  return availability;
}

/** A schema name no other test file or run uses. */
export function uniqueSchema(prefix = 't'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  if (!TEST_DATABASE_URL) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    // Same lock as migrations: Kysely's introspection breaks on a schema dropped mid-query.
    await client.query('select pg_advisory_lock($1)', [MIGRATION_ADVISORY_LOCK]);
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

export type DriverName = 'sqlite' | 'postgres';
export const DRIVERS: DriverName[] = ['sqlite', 'postgres'];

/** A fresh, empty, migrated store: its own temp dir (SQLite) or its own schema (PostgreSQL). */
export interface TestDatabase {
  store: Store;
  /** What another process needs to open the same database. */
  env: Record<string, string>;
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

export async function freshDatabase(driver: DriverName): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsroom-db-'));
  const schema = uniqueSchema();
  const options =
    driver === 'postgres' ? { databaseUrl: TEST_DATABASE_URL, dataDir, pgSchema: schema } : { dataDir };
  const open = () => openStore(options);
  const store = await open();
  return {
    store,
    open,
    env:
      driver === 'postgres'
        ? { DATABASE_URL: TEST_DATABASE_URL ?? '', PG_SCHEMA: schema, DATA_DIR: dataDir }
        : { DATA_DIR: dataDir },
    async cleanup() {
      await store.close().catch(() => {});
      if (driver === 'postgres') await dropSchema(schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `body` once per driver. Call with the result of `await postgresAvailable()` so the decision
 * (and the CI failure) happens when the file is collected.
 */
export function forEachDriver(pgAvailable: boolean, body: (driver: DriverName) => void): void {
  for (const driver of DRIVERS) {
    describe.skipIf(driver === 'postgres' && !pgAvailable)(driver, () => body(driver));
  }
}

/**
 * `forEachDriver` with a fresh, migrated store for every test, cleaned up after it; `store()` is
 * the current test's.
 */
export function forEachStore(
  pgAvailable: boolean,
  body: (store: () => Store, driver: DriverName) => void,
): void {
  forEachDriver(pgAvailable, (driver) => {
    let db: TestDatabase | undefined;
    beforeEach(async () => {
      db = await freshDatabase(driver);
    });
    afterEach(async () => {
      await db?.cleanup();
      db = undefined;
    });
    body(() => {
      if (!db) throw new Error('store() is only available while a test runs');
      return db.store;
    }, driver);
  });
}
