import PQueue from 'p-queue';
import { z } from 'zod';
import { AnsweredWindow } from './answered-window.js';

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
  /** chat.postMessage across the workspace within `workspaceWindowMs`. */
  workspacePosts: z.number().positive(),
  workspaceWindowMs: z.number().int().positive(),
  /** Share of each limit the even spacing uses: the rest absorbs clock and timer slack. */
  headroom: z.number().gt(0).max(1),
});
export type SlackPacing = z.infer<typeof slackPacingSchema>;

export interface PostPacer {
  /** Runs `send` once both the channel and the workspace have room; resolves with its result. */
  schedule<T>(channel: string, send: () => Promise<T>): Promise<T>;
}

interface Lane {
  /** One post at a time per channel, so its parts go out in order. */
  queue: PQueue;
  window: AnsweredWindow;
}

/**
 * Channel first, then workspace: a post waits for its channel's window, then for the next
 * workspace slot. Workspace slots are handed out in small evenly spaced slices (p-queue), and
 * never more than the limit within a window of their answers (AnsweredWindow).
 */
export function createPostPacer(pacing: SlackPacing, now: () => number = Date.now): PostPacer {
  const p = slackPacingSchema.parse(pacing);
  const perWindow = p.workspacePosts * p.headroom;
  const channelWindowMs = p.channelWindowMs / p.headroom;
  // About ten slices per window: fine enough to stay smooth, coarse enough that a timer firing a
  // millisecond late under load costs ~1% of the rate rather than ~10%.
  const perSlice = Math.max(1, Math.round(perWindow / 10));
  const admission = new PQueue({
    concurrency: 1,
    intervalCap: perSlice,
    interval: (p.workspaceWindowMs * perSlice) / perWindow,
  });
  // Counting from answers is exact whatever the jitter, so this cap needs no headroom: it only
  // bites when answers are slow, and then keeps Slack's count at the limit.
  const workspace = new AnsweredWindow(Math.max(1, Math.floor(p.workspacePosts)), p.workspaceWindowMs, now);
  const lanes = new Map<string, Lane>();
  let lastSweep = now();

  // Forget channels that have been quiet for a whole window, so memory follows activity.
  const sweep = () => {
    if (now() - lastSweep < channelWindowMs) return;
    lastSweep = now();
    for (const [channel, lane] of lanes) {
      if (lane.queue.size === 0 && lane.queue.pending === 0 && lane.window.idle) lanes.delete(channel);
    }
  };

  return {
    schedule(channel, send) {
      sweep();
      let lane = lanes.get(channel);
      if (!lane) {
        lane = {
          queue: new PQueue({ concurrency: 1 }),
          window: new AnsweredWindow(p.channelBurst, channelWindowMs, now),
        };
        lanes.set(channel, lane);
      }
      const own = lane;
      return own.queue.add(
        async () => {
          const channelAnswered = await own.window.acquire();
          const workspaceAnswered = await admission.add(() => workspace.acquire(), { throwOnTimeout: true });
          try {
            return await send();
          } finally {
            channelAnswered();
            workspaceAnswered();
          }
        },
        { throwOnTimeout: true },
      );
    },
  };
}
