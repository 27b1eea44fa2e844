import type { Generated } from 'kysely';

/**
 * One logical schema for SQLite and PostgreSQL. Instants are stored as fixed-width UTC ISO strings
 * (`2026-03-08T07:30:00.000Z`) so they compare correctly as text on both drivers, and flags as
 * 0/1 integers because SQLite has no boolean type.
 */
export interface SubscriptionsTable {
  id: Generated<number>;
  platform: string;
  workspace_id: string;
  /** The short number admins type (`/digest pause 3`), unique within a workspace, never reused. */
  local_id: number;
  channel_id: string;
  /** Normalised schedule as the admin wrote it, e.g. `daily 08:00`. */
  schedule: string;
  cron: string;
  timezone: string;
  skip_when_empty: number;
  created_by: string;
  created_at: string;
  paused: number;
  paused_reason: string | null;
  paused_at: string | null;
  removed_at: string | null;
  /** Scheduler cursor: every slot up to this instant has been claimed, skipped or recorded missed. */
  checked_through: string;
}

export interface DeliveriesTable {
  id: Generated<number>;
  subscription_id: number;
  /**
   * Scheduled instant (UTC ISO), or the request instant of a manual send; with `subscription_id`
   * and `kind` the unique key of the ledger, so a manual send never takes a scheduled slot's row.
   */
  slot: string;
  kind: string;
  /** ≤ 25 chars: Discord nonce and Slack metadata id. */
  delivery_id: string;
  status: string;
  lease_owner: string | null;
  lease_expires_at: string | null;
  attempts: number;
  /** First call to the platform for this delivery, by any holder; null until then. */
  posting_started_at: string | null;
  message_ids: string | null;
  error_code: string | null;
  error_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  platform: string;
  workspace_id: string;
  actor: string;
  action: string;
  subscription_id: number | null;
  detail: string;
  at: string;
}

export interface Database {
  subscriptions: SubscriptionsTable;
  deliveries: DeliveriesTable;
  audit_log: AuditLogTable;
}

export type DialectName = 'sqlite' | 'postgres';
