import pRetry, { AbortError } from 'p-retry';
import { type Adapter, PermanentChannelError, type PostTarget, WorkspaceAuthError } from '../bots/adapter.js';
import { notice } from '../commands/reply.js';
import type { Knowledge } from '../knowledge/api.js';
import type { Outcome } from '../storage/ledger-repo.js';
import type { Store } from '../storage/open-store.js';
import type { Claim, DeliveryStatus, Platform, Subscription } from '../storage/types.js';
import { buildDigestReply, nothingNew } from './digest-reply.js';
import { FAILURE_CODES, transientFailureCode } from './failure-code.js';
import type { DigestLog } from './log.js';
import { repostIsHarmless, uncertainReason } from './repost.js';

export interface DeliverDeps {
  store: Store;
  adapters: ReadonlyMap<Platform, Adapter>;
  knowledge: Knowledge;
  log: DigestLog;
  owner: string;
  clock: () => Date;
  retry: { retries: number; minTimeoutMs: number };
  /** A scheduled slot older than this is recorded missed instead of posted late. */
  graceMs: number;
  /** Workspaces whose token was rejected: nothing more is posted there by this process. */
  blockedWorkspaces: Set<string>;
}

/** `paused`: recorded skipped because the subscription was paused; `lost`: another instance took over. */
export type DeliveryResult = DeliveryStatus | 'lost' | 'paused';

/** The earlier attempt may have landed, the platform cannot tell, and reposting is no longer harmless. */
class Uncertain extends Error {}

type Finish = (status: Outcome['status'], extra?: Omit<Outcome, 'status'>) => Promise<DeliveryResult>;

export const workspaceKey = (platform: Platform, workspaceId: string) => `${platform}:${workspaceId}`;

/**
 * Takes one claimed slot to a recorded outcome. Every path ends in the ledger (delivered, failed,
 * skipped, uncertain) or in a log line saying the claim passed to another instance: nothing is silent.
 */
export async function deliver(deps: DeliverDeps, claim: Claim, sub: Subscription): Promise<DeliveryResult> {
  const { store, log, owner, clock } = deps;
  const d = claim.delivery;
  const ctx = { subscription: sub.id, slot: d.slot, deliveryId: d.deliveryId, platform: sub.platform };
  const finish: Finish = async (status, extra = {}) => {
    const ok = await store.ledger.finish(d.id, owner, { status, ...extra }, clock());
    if (!ok) log.warn(ctx, 'delivery claim was taken over before it finished; outcome not recorded');
    return ok ? status : ('lost' as const);
  };
  const adapter = deps.adapters.get(sub.platform);
  const target: PostTarget = { workspaceId: sub.workspaceId, channelId: sub.channelId };
  if (!adapter) return finish('failed', { errorCode: FAILURE_CODES.noAdapter });

  if (deps.blockedWorkspaces.has(workspaceKey(sub.platform, sub.workspaceId))) {
    return finish('failed', { errorCode: 'workspace_auth', errorReason: authReason(sub.platform) });
  }
  const skipPaused = async (s: Subscription) => {
    const reason = `paused: ${s.pausedReason ?? 'by an admin'}`;
    const r = await finish('skipped', { errorCode: 'paused', errorReason: reason });
    return r === 'skipped' ? ('paused' as const) : r;
  };
  if (d.kind === 'scheduled' && sub.paused) return skipPaused(sub);
  const uncertain = () =>
    finish('uncertain', {
      errorCode: 'interrupted',
      errorReason: uncertainReason(sub.platform, adapter.idempotentRepostMs),
    });
  if (claim.recoveredFrom === 'posting') {
    // The previous holder died while posting: look before posting again. Where the platform
    // cannot look (Discord), a repost is safe only inside its idempotency window.
    const since = d.postingStartedAt === null ? {} : { since: new Date(d.postingStartedAt) };
    const seen = await adapter.findDelivery(target, d.deliveryId, since);
    const harmless = repostIsHarmless(adapter, d.postingStartedAt, clock());
    log.info({ ...ctx, seen, repost: seen === 'unknown' && harmless }, 'recovering an interrupted delivery');
    if (seen === 'found') return finish('delivered');
    if (seen === 'unknown' && !harmless) return uncertain();
  }

  const age = clock().getTime() - new Date(d.slot).getTime();
  if (d.kind === 'scheduled' && age > deps.graceMs) {
    return finish('missed', { errorReason: 'picked up too long after its time; not posted late' });
  }

  const previous = await store.ledger.lastWithStatus(sub.id, ['delivered']);
  const since = previous ? new Date(previous.updatedAt) : null;
  const content = deps.knowledge.digest({ since });
  if (d.kind === 'scheduled' && sub.skipWhenEmpty && nothingNew(content, since)) {
    return finish('skipped', { errorReason: 'nothing new since the last digest' });
  }
  const reply = buildDigestReply(content, { since, timeZone: sub.timezone });

  // The pass (or a takeover) read the subscription earlier; an admin may have paused or removed it
  // since, and the latest instruction wins over the queued work.
  const current = await store.subscriptions.get(sub.id);
  if (!current || current.removedAt) {
    return finish('skipped', { errorCode: 'removed', errorReason: 'the subscription was removed' });
  }
  if (current.paused) return skipPaused(current);

  const postingAt = clock();
  if (!(await store.ledger.markPosting(d.id, owner, postingAt))) {
    log.warn(ctx, 'delivery claim was taken over before posting; not posting');
    return 'lost';
  }
  const startedAt = d.postingStartedAt ?? postingAt.toISOString();
  try {
    const result = await pRetry(
      async (attempt) => {
        if (attempt > 1) {
          // A timed-out post may still have landed; Discord's nonce covers a repeat, Slack needs a look.
          const seen = await adapter.findDelivery(target, d.deliveryId, { since: new Date(startedAt) });
          if (seen === 'found') return { messageIds: [] };
          if (seen === 'unknown' && !repostIsHarmless(adapter, startedAt, clock())) {
            throw new AbortError(new Uncertain());
          }
        }
        try {
          return await adapter.post(target, reply, { deliveryId: d.deliveryId });
        } catch (error) {
          if (error instanceof PermanentChannelError || error instanceof WorkspaceAuthError) {
            throw new AbortError(error);
          }
          throw error;
        }
      },
      {
        retries: deps.retry.retries,
        minTimeout: deps.retry.minTimeoutMs,
        randomize: true,
        onFailedAttempt: ({ error, attemptNumber, retriesLeft }) =>
          log.warn({ ...ctx, err: error, attemptNumber, retriesLeft }, 'digest post failed; retrying'),
      },
    );
    log.info({ ...ctx, messages: result.messageIds.length }, 'digest delivered');
    return finish('delivered', { messageIds: result.messageIds });
  } catch (error) {
    if (error instanceof Uncertain) return uncertain();
    if (error instanceof PermanentChannelError) return pauseForChannel(deps, sub, error, finish, ctx);
    if (error instanceof WorkspaceAuthError) {
      deps.blockedWorkspaces.add(workspaceKey(sub.platform, sub.workspaceId));
      log.error({ ...ctx, code: error.code }, 'credentials rejected: posting to this workspace stopped');
      return finish('failed', { errorCode: error.code, errorReason: authReason(sub.platform) });
    }
    // The raw error stays in the log; the ledger (and so /digest status) gets a typed code only.
    const errorCode = transientFailureCode(error);
    log.error({ ...ctx, err: error, errorCode }, 'digest post failed after retries');
    return finish('failed', { errorCode });
  }
}

async function pauseForChannel(
  deps: DeliverDeps,
  sub: Subscription,
  error: PermanentChannelError,
  finish: Finish,
  ctx: object,
): Promise<DeliveryResult> {
  const now = deps.clock();
  const reason = `${error.reason} (${error.code})`;
  deps.log.warn({ ...ctx, code: error.code }, 'channel refused the digest; subscription paused');
  const outcome = await finish('failed', { errorCode: error.code, errorReason: error.reason });
  await deps.store.subscriptions.setPaused(sub.id, true, reason, now);
  await deps.store.audit.add({
    platform: sub.platform,
    workspaceId: sub.workspaceId,
    actor: 'system',
    action: 'pause',
    subscriptionId: sub.id,
    detail: { localId: sub.localId, reason, code: error.code },
    at: now.toISOString(),
  });
  const message = notice(
    `Digest #${sub.localId} paused`,
    `The digest for <#${sub.channelId}> (${sub.schedule}) could not be posted: ${error.reason} ` +
      `Fix it, then run \`/digest resume ${sub.localId}\`.`,
  );
  await deps.adapters
    .get(sub.platform)
    ?.notifyUser(sub.workspaceId, sub.createdBy, message)
    .catch((err: unknown) =>
      deps.log.error({ ...ctx, err }, 'could not tell the subscriber’s admin about the pause'),
    );
  return outcome;
}

function authReason(platform: Platform): string {
  return `the ${platform} token was rejected; posting to this workspace is stopped until the bot is reconfigured`;
}
