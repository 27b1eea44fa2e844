import type { Kysely, Selectable } from 'kysely';
import type { Database, SubscriptionsTable } from './schema.js';
import type { NewSubscription, Platform, Subscription } from './types.js';
import { isUniqueViolation } from './unique-violation.js';

export type CreateResult =
  | { ok: true; subscription: Subscription }
  | { ok: false; duplicateOf: Subscription };

export interface SubscriptionsRepo {
  create(input: NewSubscription, now: Date): Promise<CreateResult>;
  get(id: number): Promise<Subscription | undefined>;
  findByLocalId(platform: Platform, workspaceId: string, localId: number): Promise<Subscription | undefined>;
  listForWorkspace(platform: Platform, workspaceId: string): Promise<Subscription[]>;
  /** Not removed (paused included: the scheduler records their slots as skipped). */
  listScheduled(platforms: readonly Platform[]): Promise<Subscription[]>;
  /** Paused and not removed, on these platforms: the paused-subscriptions gauge. */
  countPaused(platforms: readonly Platform[]): Promise<number>;
  setPaused(id: number, paused: boolean, reason: string | null, now: Date): Promise<void>;
  remove(id: number, now: Date): Promise<void>;
  /** Moves the cursor forward only: two instances may race, the later instant wins. */
  advanceCursor(id: number, through: string): Promise<void>;
}

export function subscriptionsRepo(db: Kysely<Database>): SubscriptionsRepo {
  const active = () => db.selectFrom('subscriptions').selectAll().where('removed_at', 'is', null);

  async function findDuplicate(input: NewSubscription): Promise<Subscription | undefined> {
    const row = await active()
      .where('platform', '=', input.platform)
      .where('workspace_id', '=', input.workspaceId)
      .where('channel_id', '=', input.channelId)
      .where('cron', '=', input.cron)
      .where('timezone', '=', input.timezone)
      .executeTakeFirst();
    return row && toSubscription(row);
  }

  return {
    async create(input, now) {
      // The next local id is max+1; a concurrent insert loses on the unique key and simply retries.
      for (let attempt = 0; attempt < 5; attempt++) {
        const existing = await findDuplicate(input);
        if (existing) return { ok: false, duplicateOf: existing };
        const max = await db
          .selectFrom('subscriptions')
          .select((eb) => eb.fn.max('local_id').as('max'))
          .where('platform', '=', input.platform)
          .where('workspace_id', '=', input.workspaceId)
          .executeTakeFirst();
        const iso = now.toISOString();
        try {
          const row = await db
            .insertInto('subscriptions')
            .values({
              platform: input.platform,
              workspace_id: input.workspaceId,
              local_id: Number(max?.max ?? 0) + 1,
              channel_id: input.channelId,
              schedule: input.schedule,
              cron: input.cron,
              timezone: input.timezone,
              skip_when_empty: input.skipWhenEmpty ? 1 : 0,
              created_by: input.createdBy,
              created_at: iso,
              paused: 0,
              checked_through: iso,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          return { ok: true, subscription: toSubscription(row) };
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      }
      throw new Error('could not allocate a subscription id after 5 attempts');
    },
    async get(id) {
      const row = await db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSubscription(row);
    },
    async findByLocalId(platform, workspaceId, localId) {
      const row = await active()
        .where('platform', '=', platform)
        .where('workspace_id', '=', workspaceId)
        .where('local_id', '=', localId)
        .executeTakeFirst();
      return row && toSubscription(row);
    },
    async listForWorkspace(platform, workspaceId) {
      const rows = await active()
        .where('platform', '=', platform)
        .where('workspace_id', '=', workspaceId)
        .orderBy('local_id')
        .execute();
      return rows.map(toSubscription);
    },
    async listScheduled(platforms) {
      if (platforms.length === 0) return [];
      const rows = await active()
        .where('platform', 'in', [...platforms])
        .orderBy('id')
        .execute();
      return rows.map(toSubscription);
    },
    async countPaused(platforms) {
      if (platforms.length === 0) return 0;
      const row = await active()
        .clearSelect()
        .select((eb) => eb.fn.countAll().as('n'))
        .where('platform', 'in', [...platforms])
        .where('paused', '=', 1)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async setPaused(id, paused, reason, now) {
      await db
        .updateTable('subscriptions')
        .set({
          paused: paused ? 1 : 0,
          paused_reason: paused ? reason : null,
          paused_at: paused ? now.toISOString() : null,
        })
        .where('id', '=', id)
        .execute();
    },
    async remove(id, now) {
      await db
        .updateTable('subscriptions')
        .set({ removed_at: now.toISOString() })
        .where('id', '=', id)
        .execute();
    },
    async advanceCursor(id, through) {
      await db
        .updateTable('subscriptions')
        .set({ checked_through: through })
        .where('id', '=', id)
        .where('checked_through', '<', through)
        .execute();
    },
  };
}

function toSubscription(row: Selectable<SubscriptionsTable>): Subscription {
  return {
    id: Number(row.id),
    platform: row.platform as Subscription['platform'],
    workspaceId: row.workspace_id,
    localId: Number(row.local_id),
    channelId: row.channel_id,
    schedule: row.schedule,
    cron: row.cron,
    timezone: row.timezone,
    skipWhenEmpty: Number(row.skip_when_empty) === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    paused: Number(row.paused) === 1,
    pausedReason: row.paused_reason,
    pausedAt: row.paused_at,
    removedAt: row.removed_at,
    checkedThrough: row.checked_through,
  };
}
