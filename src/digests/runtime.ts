import cron, { type ScheduledTask } from 'node-cron';
import PQueue from 'p-queue';
import type { Adapter } from '../bots/adapter.js';
import type { Knowledge } from '../knowledge/api.js';
import type { Metrics } from '../ops/metrics.js';
import type { Store } from '../storage/open-store.js';
import type { Claim, Delivery, Platform, Subscription } from '../storage/types.js';
import { handBackCrashed } from './crashed.js';
import { type DeliveryResult, deliver } from './deliver.js';
import { manualDeliveryId } from './delivery-id.js';
import { scheduleDueSlots } from './due-slots.js';
import type { DigestLog } from './log.js';
import { digestMetrics } from './metrics.js';
import type { DigestService } from './service.js';
import { createDigestService } from './service-impl.js';

export interface DigestRuntimeOptions {
  store: Store;
  /** Only these platforms' subscriptions are scheduled by this process. */
  adapters: Adapter[];
  knowledge: Knowledge;
  clock?: () => Date;
  graceMinutes: number;
  minIntervalMinutes: number;
  defaultTimezone: string;
  log: DigestLog;
  /** Unique per process (e.g. hostname + pid + random): the lease owner in the ledger. */
  instanceId: string;
  /** Posts in flight at once across all channels (default 4). */
  concurrency?: number;
  /**
   * How long a claim stays ours without renewal (renewed every third of it). Default 45 s: a dead
   * process's claim is taken over within lease + one tick (≤ ~105 s) when idle, lease + one
   * heartbeat (≤ ~60 s) while a long fan-out is running, and posted ahead of queued slots, so
   * inside Discord's 120 s nonce window unless the posts already on the wire take longer.
   */
  leaseMs?: number;
  retry?: { retries: number; minTimeoutMs: number };
  /** node-cron expression of the process tick (default every minute). */
  tickCron?: string;
  /** How long `/digest send-now` waits for its post before answering "queued" (default 20 s). */
  sendNowWaitMs?: number;
  /** How long stop() waits for posts already on the wire (default 10 s). */
  stopTimeoutMs?: number;
  /** Deliveries by platform and outcome, and the paused-subscriptions gauge. */
  metrics?: Metrics;
}

export interface TickReport {
  claimed: number;
  recovered: number;
  missed: number;
  skipped: number;
}

export interface DigestRuntime {
  readonly service: DigestService;
  /** Catches up (grace → once, older → missed), then ticks on node-cron. */
  start(): Promise<void>;
  /** One scheduler pass at `now`; resolves when its deliveries have finished. */
  tick(now?: Date): Promise<TickReport>;
  /** Stops scheduling, releases queued claims, waits for posts in flight. Does not close the store. */
  stop(): Promise<void>;
  /** False once a workspace's credentials were rejected. */
  healthy(): boolean;
}

/** Queue order: an admin's send-now, then takeovers (Discord's nonce window is running), then slots. */
const PRIORITY = { manual: 2, recovered: 1, scheduled: 0 } as const;

export function createDigestRuntime(options: DigestRuntimeOptions): DigestRuntime {
  const { store, log, instanceId: owner } = options;
  const clock = options.clock ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 45_000;
  const graceMs = options.graceMinutes * 60_000;
  const adapters = new Map<Platform, Adapter>(options.adapters.map((a) => [a.platform, a]));
  const platforms = [...adapters.keys()];
  const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  const blockedWorkspaces = new Set<string>();
  const stats = digestMetrics(options.metrics, () => store.subscriptions.countPaused(platforms));
  const deps = {
    store,
    adapters,
    knowledge: options.knowledge,
    log,
    owner,
    clock,
    graceMs,
    blockedWorkspaces,
    retry: options.retry ?? { retries: 3, minTimeoutMs: 1_000 },
  };
  let task: ScheduledTask | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let stopping = false;
  let ticking: Promise<unknown> = Promise.resolve();
  const slotDeps = { store, log, owner, leaseMs, graceMs, stats, run };
  let recovering = false;

  function run(
    claim: Claim,
    sub: Subscription,
    priority: number = PRIORITY.scheduled,
  ): Promise<DeliveryResult> {
    return queue
      .add(
        async () => {
          // Queued when stop() began: leave the claim for release() so another instance can take it.
          if (stopping) return 'lost' as const;
          try {
            return await deliver(deps, claim, sub);
          } catch (err) {
            return handBackCrashed(deps, claim, sub, err);
          }
        },
        { priority },
      )
      .then((r) => r ?? 'lost')
      .then((r) => {
        stats.countResult(sub.platform, r);
        if (r === 'failed') void stats.refreshPaused(); // a refusing channel pauses its subscription
        return r;
      });
  }

  /** Takes over other (dead or stopped) instances' claims; their posts go ahead of queued slots. */
  async function recover(now: Date, work: Promise<unknown>[]): Promise<number> {
    let recovered = 0;
    for (const claim of await store.ledger.claimAbandoned(platforms, { owner, now, leaseMs }, 500)) {
      // Removed subscriptions come back too: deliver() re-reads it and records the slot skipped.
      const sub = await store.subscriptions.get(claim.delivery.subscriptionId);
      if (!sub) continue;
      recovered++;
      log.info(
        { subscription: sub.id, slot: claim.delivery.slot, from: claim.recoveredFrom },
        'taking over a claim',
      );
      work.push(run(claim, sub, PRIORITY.recovered));
    }
    return recovered;
  }

  /**
   * While posts are queued, a pass may be waiting on a long fan-out and the next tick with it, so
   * each heartbeat also looks for abandoned claims. Our own claims are renewed first: a takeover
   * must never find them expired.
   */
  async function heartbeatOnce(): Promise<void> {
    const renewed = await store.ledger.renew(owner, { owner, now: clock(), leaseMs }).then(
      () => true,
      (err: unknown) => {
        log.error({ err }, 'could not renew delivery claims');
        return false;
      },
    );
    if (!renewed || stopping || recovering) return;
    recovering = true;
    await recover(clock(), [])
      .catch((err: unknown) => log.error({ err }, 'could not take over abandoned claims'))
      .finally(() => {
        recovering = false;
      });
  }

  async function pass(now: Date): Promise<TickReport> {
    const report: TickReport = { claimed: 0, recovered: 0, missed: 0, skipped: 0 };
    if (stopping || platforms.length === 0) return report;
    const work: Promise<unknown>[] = [];
    for (const sub of await store.subscriptions.listScheduled(platforms)) {
      await scheduleDueSlots(slotDeps, sub, now, report, work);
    }
    report.recovered += await recover(now, work);
    await Promise.all(work);
    await stats.refreshPaused();
    return report;
  }

  function tick(now = clock()): Promise<TickReport> {
    // Passes never overlap: a slow pass delays the next instead of racing it.
    const next = ticking.then(() => pass(now));
    ticking = next.catch((err: unknown) => log.error({ err }, 'digest scheduler pass failed'));
    return next;
  }

  async function sendNow(sub: Subscription, now: Date): Promise<Delivery | undefined> {
    if (!adapters.has(sub.platform) || stopping) return undefined;
    const slot = now.toISOString();
    const claim = await store.ledger.claim(
      { subscriptionId: sub.id, slot, kind: 'manual', deliveryId: manualDeliveryId(sub.id, now) },
      { owner, now, leaseMs },
    );
    if (!claim) return undefined;
    // Ahead of the fan-out, but an admin's command still must not outlive its interaction: after
    // the wait the reply says "queued" and the post goes on (or, if stopped, the next pass posts it).
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      run(claim, sub, PRIORITY.manual),
      new Promise((resolve) => {
        timer = setTimeout(resolve, options.sendNowWaitMs ?? 20_000);
      }),
    ]);
    clearTimeout(timer);
    return store.ledger.get(claim.delivery.id);
  }

  const core = createDigestService({
    store,
    knowledge: options.knowledge,
    defaultTimezone: options.defaultTimezone,
    minIntervalMinutes: options.minIntervalMinutes,
    sendNow,
  });
  // The paused gauge follows admins' changes at once, not only at the next pass.
  const refreshingAfter =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      const result = await f(...args);
      await stats.refreshPaused();
      return result;
    };
  const service: DigestService = {
    ...core,
    pause: refreshingAfter(core.pause),
    resume: refreshingAfter(core.resume),
    remove: refreshingAfter(core.remove),
  };

  return {
    service,
    async start() {
      stopping = false;
      heartbeat = setInterval(() => {
        if (queue.size + queue.pending > 0) void heartbeatOnce();
      }, leaseMs / 3);
      heartbeat.unref();
      const report = await tick();
      log.info({ ...report, platforms }, 'digest scheduler started');
      // tick() has already logged a failed pass; a rejection reaching node-cron would be printed
      // again by it, with console.error, outside our logger. The promise still tells noOverlap when done.
      const quietly = () => undefined;
      task = cron.schedule(options.tickCron ?? '* * * * *', () => tick().then(quietly, quietly), {
        name: `digests-${owner}`,
        noOverlap: true,
      });
    },
    tick,
    async stop() {
      stopping = true;
      await task?.destroy();
      task = undefined;
      const drained = await Promise.race([
        ticking.then(() => queue.onIdle()).then(() => true),
        new Promise<false>((r) => setTimeout(r, options.stopTimeoutMs ?? 10_000, false).unref()),
      ]);
      const released = await store.ledger.release(owner, clock());
      if (!drained)
        log.warn({ pending: queue.pending }, 'stopped with posts still in flight; their leases will expire');
      if (heartbeat) clearInterval(heartbeat);
      log.info({ released }, 'digest scheduler stopped');
    },
    healthy: () => blockedWorkspaces.size === 0,
  };
}
