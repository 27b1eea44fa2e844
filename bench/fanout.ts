import PQueue from 'p-queue';
import type { Adapter } from '../src/bots/adapter.js';
import type { Reply } from '../src/commands/reply.js';
import { buildDigestReply } from '../src/digests/digest-reply.js';
import type { Knowledge } from '../src/knowledge/api.js';
import { round } from './stats.js';

export interface FanOutResult {
  channels: number;
  /** Messages the digest renders to on this platform, per channel. */
  partsPerChannel: number;
  posts: number;
  wallSeconds: number;
  /** Posts ÷ the enforced rate: no schedule can finish sooner. */
  theoreticalSeconds: number;
  /** theoretical ÷ wall. */
  efficiency: number;
  rateLimited: number;
  rateLimitedShare: number;
  duplicates: number;
  missing: number;
  failures: number;
  limits: string;
}

/** Today's digest as every subscription without a previous delivery would get it. */
export function digestReply(knowledge: Knowledge): Reply {
  return buildDigestReply(knowledge.digest({ since: null }), { since: null, timeZone: 'UTC' });
}

export interface FanOutRun {
  adapter: Adapter;
  targets: { workspaceId: string; channelId: string }[];
  reply: Reply;
  /** Posts in flight at once, like the digest runtime's queue. */
  concurrency: number;
  /** Give up after this long (counted as failures). */
  timeoutMs: number;
}

/** Posts the digest to every target through adapter.post, each with its own delivery id. */
export async function fanOut(run: FanOutRun): Promise<{ wallMs: number; failures: number }> {
  const queue = new PQueue({ concurrency: run.concurrency });
  let failures = 0;
  const started = performance.now();
  const all = run.targets.map((target, i) =>
    queue.add(async () => {
      try {
        await run.adapter.post(target, run.reply, { deliveryId: `bench-${i}@2026-11-25T08:00Z` });
      } catch {
        failures += 1;
      }
    }),
  );
  const finished = await Promise.race([
    Promise.all(all).then(() => true),
    new Promise<false>((resolve) => setTimeout(resolve, run.timeoutMs, false).unref()),
  ]);
  if (!finished) {
    failures += queue.size + queue.pending;
    queue.clear();
  }
  return { wallMs: performance.now() - started, failures };
}

export function summarizeFanOut(input: {
  channels: number;
  partsPerChannel: number;
  posts: number;
  wallMs: number;
  postsPerSecond: number;
  rateLimited: number;
  duplicates: number;
  missing: number;
  failures: number;
  limits: string;
}): FanOutResult {
  const theoreticalSeconds = (input.channels * input.partsPerChannel) / input.postsPerSecond;
  const wallSeconds = input.wallMs / 1000;
  return {
    channels: input.channels,
    partsPerChannel: input.partsPerChannel,
    posts: input.posts,
    wallSeconds: round(wallSeconds, 2),
    theoreticalSeconds: round(theoreticalSeconds, 2),
    efficiency: round(theoreticalSeconds / wallSeconds, 3),
    rateLimited: input.rateLimited,
    rateLimitedShare: round(input.rateLimited / Math.max(1, input.posts), 4),
    duplicates: input.duplicates,
    missing: input.missing,
    failures: input.failures,
    limits: input.limits,
  };
}
