import type { Platform } from '../commands/types.js';

export type { Platform };

export interface Subscription {
  id: number;
  platform: Platform;
  workspaceId: string;
  localId: number;
  channelId: string;
  schedule: string;
  cron: string;
  timezone: string;
  skipWhenEmpty: boolean;
  createdBy: string;
  createdAt: string;
  paused: boolean;
  pausedReason: string | null;
  pausedAt: string | null;
  removedAt: string | null;
  checkedThrough: string;
}

export interface NewSubscription {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  schedule: string;
  cron: string;
  timezone: string;
  skipWhenEmpty: boolean;
  createdBy: string;
}

/**
 * claimed → posting → delivered is the happy path. `released` hands a never-posted claim back on
 * shutdown; `uncertain` means a post may have landed and the platform cannot tell us, so we do not
 * post again; `missed` is a slot older than the grace period when we came back.
 */
export const DELIVERY_STATUSES = [
  'claimed',
  'posting',
  'delivered',
  'failed',
  'skipped',
  'missed',
  'uncertain',
  'released',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export type DeliveryKind = 'scheduled' | 'manual';

export interface Delivery {
  id: number;
  subscriptionId: number;
  slot: string;
  kind: DeliveryKind;
  deliveryId: string;
  status: DeliveryStatus;
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
  attempts: number;
  /** When the first attempt to post began (kept across takeovers); null if never posted. */
  postingStartedAt: string | null;
  messageIds: string[];
  errorCode: string | null;
  errorReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A claim this instance now holds; `recoveredFrom` says what the previous holder left behind. */
export interface Claim {
  delivery: Delivery;
  recoveredFrom: 'claimed' | 'posting' | 'released' | null;
}

export interface AuditEntry {
  id: number;
  platform: Platform;
  workspaceId: string;
  actor: string;
  action: string;
  subscriptionId: number | null;
  detail: Record<string, unknown>;
  at: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;
