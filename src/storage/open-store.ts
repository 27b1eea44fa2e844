import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { type AuditRepo, auditRepo } from './audit-repo.js';
import { type LedgerRepo, ledgerRepo } from './ledger-repo.js';
import { migrationProvider } from './migrations.js';
import type { Database, DialectName } from './schema.js';
import { type SubscriptionsRepo, subscriptionsRepo } from './subscriptions-repo.js';

export interface StoreOptions {
  /** `postgres://…`: use PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL schema to use (created if missing); tests give each file its own. */
  pgSchema?: string;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
  /**
   * An idle PostgreSQL connection died (server restart, failover, pg_terminate_backend). The pool
   * drops it and opens another on next use; without a listener the pool's `error` event would
   * crash the process.
   */
  onConnectionError?: (error: Error) => void;
  /** SQLite: how long a writer waits for a lock held by another connection (default 5 s). */
  busyTimeoutMs?: number;
}

export interface Store {
  readonly dialect: DialectName;
  readonly subscriptions: SubscriptionsRepo;
  readonly ledger: LedgerRepo;
  readonly audit: AuditRepo;
  /** A round trip to the database, for readiness probes; rejects when it does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const SQLITE_FILE = 'newsroom.sqlite';

/** Opens the database and applies pending migrations before anything else touches it. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const { db, dialect } = options.databaseUrl
    ? openPostgres(options)
    : openSqlite(options.dataDir, options.busyTimeoutMs ?? 5000);
  try {
    if (dialect === 'postgres' && options.pgSchema) {
      await db.schema.createSchema(options.pgSchema).ifNotExists().execute();
    }
    await withMigrationLock(db, dialect, async () => {
      const migrator = new Migrator({
        db,
        provider: migrationProvider(dialect),
        // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
        ...(dialect === 'postgres' ? { migrationTableSchema: options.pgSchema ?? 'public' } : {}),
      });
      const { error, results } = await migrator.migrateToLatest();
      const failed = results?.find((r) => r.status === 'Error');
      if (error || failed) {
        throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
      }
    });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    dialect,
    subscriptions: subscriptionsRepo(db),
    ledger: ledgerRepo(db),
    audit: auditRepo(db),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

/**
 * Session-wide PostgreSQL advisory lock around migrations. Kysely's migrator introspects every
 * schema in the database, which fails if another schema is dropped meanwhile; whoever drops our
 * schemas (test cleanup) takes this same lock.
 */
export const MIGRATION_ADVISORY_LOCK = 0x6e657773;

async function withMigrationLock(db: Kysely<Database>, dialect: DialectName, body: () => Promise<void>) {
  if (dialect !== 'postgres') return body();
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_ADVISORY_LOCK})`.execute(conn);
    try {
      await body();
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_ADVISORY_LOCK})`.execute(conn);
    }
  });
}

function openSqlite(dataDir: string, busyTimeoutMs: number): { db: Kysely<Database>; dialect: DialectName } {
  mkdirSync(dataDir, { recursive: true });
  const database = new SQLite(join(dataDir, SQLITE_FILE));
  // WAL lets a second process read while one writes; busy_timeout makes writers queue, not fail.
  database.pragma('journal_mode = WAL');
  database.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  database.pragma('foreign_keys = ON');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), dialect: 'sqlite' };
}

function openPostgres(options: StoreOptions): { db: Kysely<Database>; dialect: DialectName } {
  const schema = options.pgSchema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  }
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    // One connection holds the migration lock while another migrates.
    max: Math.max(2, options.maxConnections ?? 5),
    // search_path per connection, so every query of this store lands in its own schema.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    // Names our sessions in pg_stat_activity (per schema, so a test can find exactly its own).
    application_name: schema ? `newsroom-bot/${schema}` : 'newsroom-bot',
  });
  const onError = (error: Error) => options.onConnectionError?.(error);
  pool.on('error', onError);
  // A connection can also die while checked out between two queries; pg then emits `error` on the
  // client itself, where nobody listens, and the process would crash. Its next query fails instead.
  pool.on('connect', (client) => client.on('error', onError));
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
}
