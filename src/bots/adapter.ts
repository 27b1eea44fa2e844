import type { Reply } from '../commands/reply.js';
import type { Services } from '../commands/services.js';
import type { Platform } from '../commands/types.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../ops/metrics.js';
import type { OpsRoute } from '../ops/routes.js';

/**
 * The small interface every platform adapter implements. The core (digests, scheduler, CLI)
 * only ever talks to adapters through this; it never imports Bolt or discord.js.
 */
export interface Adapter {
  readonly platform: Platform;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Posts a reply publicly (split into several messages if the platform needs it).
   * `deliveryId` makes the post recognisable later: Discord nonce, Slack message metadata.
   * Throws PermanentChannelError, WorkspaceAuthError, or anything else for transient failures.
   */
  post(target: PostTarget, reply: Reply, options: PostOptions): Promise<PostResult>;
  /**
   * Did a post with this delivery id already land? `found` only when every message of a digest
   * split in several did; `unknown` when only some did, or where the platform cannot tell.
   */
  findDelivery(
    target: PostTarget,
    deliveryId: string,
    options?: FindDeliveryOptions,
  ): Promise<'found' | 'absent' | 'unknown'>;
  /**
   * How long after a delivery's first post attempt posting it again with the same `deliveryId`
   * cannot create a second message (Discord's enforced nonce). When `findDelivery` answers
   * `unknown`, the digests runtime reposts inside this window and marks the delivery uncertain
   * after it. 0: reposting is never known to be harmless.
   */
  readonly idempotentRepostMs: number;
  /** A direct message to a user of that workspace (e.g. "your subscription was paused"). */
  notifyUser(workspaceId: string, userId: string, reply: Reply): Promise<void>;
  /** False once the platform rejected our credentials; readiness probes report it. */
  healthy(): boolean;
}

export interface PostTarget {
  workspaceId: string;
  channelId: string;
}

export interface PostOptions {
  deliveryId: string;
}

export interface FindDeliveryOptions {
  /**
   * When the first attempt to post this delivery began (the ledger's `posting_started_at`):
   * nothing older can be part of it, so a platform that searches history can stop there.
   */
  since?: Date;
}

export interface PostResult {
  /** Platform ids of the messages created, in order. */
  messageIds: string[];
}

/** The channel is gone, archived, or closed to us: retrying will not help until someone acts. */
export class PermanentChannelError extends Error {
  override readonly name = 'PermanentChannelError';
  constructor(
    /** Platform error code (`channel_not_found`, `50013`, …), for logs and status. */
    readonly code: string,
    /** A sentence an admin can act on. */
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
  }
}

/** The token itself was rejected: stop posting to that workspace and report unhealthy. */
export class WorkspaceAuthError extends Error {
  override readonly name = 'WorkspaceAuthError';
  constructor(
    readonly code: string,
    readonly workspaceId: string,
  ) {
    super(`${code}: credentials rejected for workspace ${workspaceId}`);
  }
}

/** What every adapter factory receives from main: the core, never the other adapters. */
export interface AdapterDeps {
  config: Config;
  log: Logger;
  services: Services;
  metrics: Metrics;
  /** /healthz and /metrics, for an adapter that owns the HTTP server on PORT (Slack over HTTP). */
  opsRoutes: OpsRoute[];
  clock?: () => Date;
}
