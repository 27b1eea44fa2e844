import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { AuditEntry, NewAuditEntry, Platform } from './types.js';

/** Who changed what, when: every admin change and every automatic pause lands here. */
export interface AuditRepo {
  add(entry: NewAuditEntry): Promise<void>;
  listForWorkspace(platform: Platform, workspaceId: string): Promise<AuditEntry[]>;
}

export function auditRepo(db: Kysely<Database>): AuditRepo {
  return {
    async add(entry) {
      await db
        .insertInto('audit_log')
        .values({
          platform: entry.platform,
          workspace_id: entry.workspaceId,
          actor: entry.actor,
          action: entry.action,
          subscription_id: entry.subscriptionId,
          detail: JSON.stringify(entry.detail),
          at: entry.at,
        })
        .execute();
    },
    async listForWorkspace(platform, workspaceId) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('platform', '=', platform)
        .where('workspace_id', '=', workspaceId)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: Number(row.id),
        platform: row.platform as Platform,
        workspaceId: row.workspace_id,
        actor: row.actor,
        action: row.action,
        subscriptionId: row.subscription_id === null ? null : Number(row.subscription_id),
        detail: JSON.parse(row.detail) as Record<string, unknown>,
        at: row.at,
      }));
    },
  };
}
