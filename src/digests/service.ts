import type { Reply } from '../commands/reply.js';
import type { Delivery, Platform, Subscription } from '../storage/types.js';

/** The workspace a request comes from: every lookup is confined to it. */
export interface Scope {
  platform: Platform;
  workspaceId: string;
}

export interface Actor extends Scope {
  userId: string;
  now: Date;
}

export interface SubscriptionView {
  localId: number;
  channelId: string;
  schedule: string;
  timezone: string;
  paused: boolean;
  pausedReason: string | null;
  createdBy: string;
  /** Undefined only for schedules with no future slot. */
  nextRun: Date | undefined;
}

export interface StatusView extends SubscriptionView {
  lastDelivery: Delivery | undefined;
  lastProblem: Delivery | undefined;
  uncertain: number;
  /** The most recent uncertain deliveries (up to 5), each with its explanation in `errorReason`. */
  uncertainDeliveries: Delivery[];
  missed: number;
}

export type SubscribeError =
  | 'invalid_schedule'
  | 'unknown_timezone'
  | 'too_frequent'
  | 'never_runs'
  | 'duplicate';
export type SubscribeResult =
  | { ok: true; subscription: SubscriptionView }
  | { ok: false; error: SubscribeError; detail: string; existing?: SubscriptionView };

export type ChangeResult = { ok: true; subscription: SubscriptionView } | { ok: false; error: 'not_found' };

export type SendNowResult =
  | { ok: true; subscription: SubscriptionView; delivery: Delivery }
  | { ok: false; error: 'not_found' | 'paused' | 'not_running'; subscription?: SubscriptionView };

export interface SubscribeRequest {
  channelId: string;
  schedule: string;
  timezone?: string;
  skipWhenEmpty?: boolean;
}

/** What the /digest handlers use (through `ctx.services.digests`). Replies are the handlers' job. */
export interface DigestService {
  readonly defaultTimezone: string;
  readonly minIntervalMinutes: number;
  subscribe(actor: Actor, request: SubscribeRequest): Promise<SubscribeResult>;
  list(scope: Scope, now: Date): Promise<SubscriptionView[]>;
  pause(actor: Actor, localId: number): Promise<ChangeResult>;
  resume(actor: Actor, localId: number): Promise<ChangeResult>;
  remove(actor: Actor, localId: number): Promise<ChangeResult>;
  /** Renders today's digest without posting or recording anything. */
  preview(now: Date, timeZone?: string): Reply;
  sendNow(actor: Actor, localId: number): Promise<SendNowResult>;
  status(scope: Scope, now: Date, localId?: number): Promise<StatusView[]>;
}

export function toView(sub: Subscription, nextRun: Date | undefined): SubscriptionView {
  return {
    localId: sub.localId,
    channelId: sub.channelId,
    schedule: sub.schedule,
    timezone: sub.timezone,
    paused: sub.paused,
    pausedReason: sub.pausedReason,
    createdBy: sub.createdBy,
    nextRun,
  };
}
