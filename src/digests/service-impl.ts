import type { Knowledge } from '../knowledge/api.js';
import type { Store } from '../storage/open-store.js';
import type { Delivery, Subscription } from '../storage/types.js';
import { buildDigestReply } from './digest-reply.js';
import { parseSchedule } from './schedule.js';
import type { Actor, ChangeResult, DigestService, SendNowResult, StatusView } from './service.js';
import { toView } from './service.js';
import { nextSlot, smallestGapMinutes } from './slots.js';
import { canonicalTimeZone } from './time-zone.js';

export interface ServiceDeps {
  store: Store;
  knowledge: Knowledge;
  defaultTimezone: string;
  minIntervalMinutes: number;
  /** Posts one manual delivery through the runtime's queue; undefined when the platform is not running. */
  sendNow(sub: Subscription, now: Date): Promise<Delivery | undefined>;
}

export function createDigestService(deps: ServiceDeps): DigestService {
  const { store } = deps;
  const view = (sub: Subscription, now: Date) => toView(sub, nextSlot(sub.cron, sub.timezone, now));

  const audit = (actor: Actor, action: string, sub: Subscription, detail: Record<string, unknown> = {}) =>
    store.audit.add({
      platform: actor.platform,
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action,
      subscriptionId: sub.id,
      detail: { localId: sub.localId, ...detail },
      at: actor.now.toISOString(),
    });

  async function change(
    actor: Actor,
    localId: number,
    action: 'pause' | 'resume' | 'remove',
  ): Promise<ChangeResult> {
    const sub = await store.subscriptions.findByLocalId(actor.platform, actor.workspaceId, localId);
    if (!sub) return { ok: false, error: 'not_found' };
    if (action === 'remove') await store.subscriptions.remove(sub.id, actor.now);
    else await store.subscriptions.setPaused(sub.id, action === 'pause', 'paused by an admin', actor.now);
    await audit(actor, action, sub);
    const updated = (await store.subscriptions.get(sub.id)) ?? sub;
    return { ok: true, subscription: view(updated, actor.now) };
  }

  return {
    defaultTimezone: deps.defaultTimezone,
    minIntervalMinutes: deps.minIntervalMinutes,

    async subscribe(actor, request) {
      const parsed = parseSchedule(request.schedule);
      if (!parsed.ok) return { ok: false, error: 'invalid_schedule', detail: parsed.error };
      const zone = canonicalTimeZone(request.timezone ?? deps.defaultTimezone);
      if (!zone) return { ok: false, error: 'unknown_timezone', detail: request.timezone ?? '' };
      const { label, cron } = parsed.schedule;
      // Cron accepts dates no calendar has (31 February): such a subscription would never post.
      if (!nextSlot(cron, zone, actor.now)) return { ok: false, error: 'never_runs', detail: label };
      const gap = smallestGapMinutes(cron, zone, actor.now, deps.minIntervalMinutes);
      if (gap < deps.minIntervalMinutes) {
        return { ok: false, error: 'too_frequent', detail: `${gap}` };
      }
      const created = await store.subscriptions.create(
        {
          platform: actor.platform,
          workspaceId: actor.workspaceId,
          channelId: request.channelId,
          schedule: label,
          cron,
          timezone: zone,
          skipWhenEmpty: request.skipWhenEmpty ?? false,
          createdBy: actor.userId,
        },
        actor.now,
      );
      if (!created.ok) {
        return {
          ok: false,
          error: 'duplicate',
          detail: label,
          existing: view(created.duplicateOf, actor.now),
        };
      }
      await audit(actor, 'subscribe', created.subscription, {
        channelId: request.channelId,
        schedule: label,
        timezone: zone,
      });
      return { ok: true, subscription: view(created.subscription, actor.now) };
    },

    async list(scope, now) {
      const subs = await store.subscriptions.listForWorkspace(scope.platform, scope.workspaceId);
      return subs.map((s) => view(s, now));
    },

    pause: (actor, localId) => change(actor, localId, 'pause'),
    resume: (actor, localId) => change(actor, localId, 'resume'),
    remove: (actor, localId) => change(actor, localId, 'remove'),

    preview(_now, timeZone) {
      return buildDigestReply(deps.knowledge.digest({ since: null }), {
        since: null,
        timeZone: timeZone ?? deps.defaultTimezone,
      });
    },

    async sendNow(actor, localId): Promise<SendNowResult> {
      const sub = await store.subscriptions.findByLocalId(actor.platform, actor.workspaceId, localId);
      if (!sub) return { ok: false, error: 'not_found' };
      const subscription = view(sub, actor.now);
      if (sub.paused) return { ok: false, error: 'paused', subscription };
      await audit(actor, 'send-now', sub);
      const delivery = await deps.sendNow(sub, actor.now);
      if (!delivery) return { ok: false, error: 'not_running', subscription };
      return { ok: true, subscription, delivery };
    },

    async status(scope, now, localId) {
      const subs =
        localId === undefined
          ? await store.subscriptions.listForWorkspace(scope.platform, scope.workspaceId)
          : [await store.subscriptions.findByLocalId(scope.platform, scope.workspaceId, localId)].filter(
              (s): s is Subscription => s !== undefined,
            );
      const views: StatusView[] = [];
      for (const sub of subs) {
        views.push({
          ...view(sub, now),
          lastDelivery: await store.ledger.lastWithStatus(sub.id, ['delivered']),
          lastProblem: await store.ledger.lastWithStatus(sub.id, ['failed', 'uncertain', 'missed']),
          uncertain: await store.ledger.countWithStatus(sub.id, 'uncertain'),
          uncertainDeliveries: await store.ledger.listWithStatus(sub.id, 'uncertain', 5),
          missed: await store.ledger.countWithStatus(sub.id, 'missed'),
        });
      }
      return views;
    },
  };
}
