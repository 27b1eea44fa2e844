import { setTimeout as sleep } from 'node:timers/promises';
import PQueue from 'p-queue';
import { z } from 'zod';

/**
 * How fast chat.postMessage may go. Slack documents about 1 message per second per channel (short
 * bursts allowed) plus a workspace-wide limit, and its client only *reacts* to a 429, by pausing
 * every call for `Retry-After`. Pacing below the limits keeps a 1,000-channel digest fan-out
 * from tripping them at all.
 */
export const slackPacingSchema = z.object({
  /** Posts one channel may receive within `channelWindowMs` (1 = strictly one per window). */
  channelBurst: z.number().int().min(1),
  channelWindowMs: z.number().int().positive(),
  /** chat.postMessage per second across the workspace. */
  workspacePostsPerSecond: z.number().positive(),
  /** Share of each limit we use: the rest absorbs network jitter between our clock and Slack's. */
  headroom: z.number().gt(0).max(1),
});
export type SlackPacing = z.infer<typeof slackPacingSchema>;

export interface PostPacer {
  /** Runs `send` once both the channel and the workspace have room; resolves with its result. */
  schedule<T>(channel: string, send: () => Promise<T>): Promise<T>;
}

interface Lane {
  /** One post at a time per channel, so "sent" below is always the true send order. */
  queue: PQueue;
  /** When the most recent posts to this channel were answered (at most `channelBurst` kept). */
  sent: number[];
}

/**
 * Channel limit first, then the workspace's: a post waits for its channel, then takes the next
 * workspace slot, and its channel window counts from the moment Slack answered it, so neither a
 * long wait for the workspace nor network jitter can squeeze two posts to one channel together.
 * The workspace side cannot wait for answers without serialising every post, so it spaces
 * requests evenly and relies on `headroom` for jitter.
 */
export function createPostPacer(pacing: SlackPacing, now: () => number = Date.now): PostPacer {
  const p = slackPacingSchema.parse(pacing);
  const windowMs = p.channelWindowMs / p.headroom;
  // One post per interval, spread evenly: a fixed window of N would allow 2N across its boundary.
  const workspace = new PQueue({ intervalCap: 1, interval: 1000 / (p.workspacePostsPerSecond * p.headroom) });
  const lanes = new Map<string, Lane>();
  let lastSweep = now();

  const sweep = (t: number) => {
    if (t - lastSweep < windowMs) return;
    lastSweep = t;
    for (const [channel, lane] of lanes) {
      const idle = lane.queue.size === 0 && lane.queue.pending === 0;
      if (idle && lane.sent.every((at) => t - at >= windowMs)) lanes.delete(channel);
    }
  };

  const roomIn = (lane: Lane): number => {
    if (lane.sent.length < p.channelBurst) return 0;
    return Math.max(0, (lane.sent[0] as number) + windowMs - now());
  };

  return {
    schedule(channel, send) {
      sweep(now());
      let lane = lanes.get(channel);
      if (!lane) {
        lane = { queue: new PQueue({ concurrency: 1 }), sent: [] };
        lanes.set(channel, lane);
      }
      const own = lane;
      return own.queue.add(
        async () => {
          for (let wait = roomIn(own); wait > 0; wait = roomIn(own)) await sleep(wait);
          return workspace.add(
            async () => {
              own.sent.push(now());
              if (own.sent.length > p.channelBurst) own.sent.shift();
              try {
                return await send();
              } finally {
                // Counted from the answer, not the request: Slack saw the post no later than that,
                // even when the client retried it after a 429 or a slow connection.
                own.sent[own.sent.length - 1] = now();
              }
            },
            { throwOnTimeout: true },
          );
        },
        { throwOnTimeout: true },
      );
    },
  };
}
