import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/commands/reply.js';
import { type Rig, startRig, TEAM } from './rig.js';

/**
 * Pacing through the real adapter against a fake that enforces Slack-style limits. The windows are
 * shrunk (100 ms instead of 1 s) with the adapter's pacing configured to match, so the tests are
 * quick; what they check is behaviour: no 429s, every message once, in order. No timings.
 */
const digest = (n: number): Reply => ({
  title: `Digest ${n}`,
  sections: [{ text: `Item ${n}: officials reviewed the assurance again.` }],
  tone: 'digest',
  shareable: false,
});

const WINDOW_MS = 100;

describe('Slack chat.postMessage pacing', () => {
  let rig: Rig;
  afterEach(async () => rig?.close());

  it('given a fake enforcing 1 post per window per channel, 30 posts to one channel arrive once each, in order, with no 429', async () => {
    rig = await startRig({
      fake: { rateLimit: { perChannel: 1, windowMs: WINDOW_MS, retryAfterSeconds: 1 } },
      adapter: {
        pacing: {
          channelBurst: 1,
          channelWindowMs: WINDOW_MS,
          workspacePosts: 1_000,
          workspaceWindowMs: 1_000,
        },
      },
    });
    const target = { workspaceId: TEAM, channelId: 'C01NEWS' };
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => rig.adapter.post(target, digest(i), { deliveryId: `d-${i}` })),
    );
    expect(rig.fake.stats.rateLimited).toBe(0);
    expect(rig.fake.posts.map((p) => p.metadata?.event_payload.delivery_id)).toEqual(
      Array.from({ length: 30 }, (_, i) => `d-${i}`),
    );
  });

  it('given a burst allowance of 2 per window, 20 posts to one channel meet a fake allowing 2 with no 429', async () => {
    rig = await startRig({
      fake: { rateLimit: { perChannel: 2, windowMs: WINDOW_MS, retryAfterSeconds: 1 } },
      adapter: {
        pacing: {
          channelBurst: 2,
          channelWindowMs: WINDOW_MS,
          workspacePosts: 1_000,
          workspaceWindowMs: 1_000,
        },
      },
    });
    const target = { workspaceId: TEAM, channelId: 'C01NEWS' };
    for (let i = 0; i < 20; i++) await rig.adapter.post(target, digest(i), { deliveryId: `b-${i}` });
    expect(rig.fake.stats.rateLimited).toBe(0);
    expect(rig.fake.stats.posts).toBe(20);
  });

  it('given a workspace-wide limit, a fan-out to 60 channels stays under it: no 429, one post per channel', async () => {
    // 10 per 100 ms across the workspace, and the adapter is told the same.
    rig = await startRig({
      fake: { rateLimit: { perChannel: 1, workspace: 10, windowMs: WINDOW_MS, retryAfterSeconds: 1 } },
      adapter: {
        pacing: {
          channelBurst: 1,
          channelWindowMs: WINDOW_MS,
          workspacePosts: 10,
          workspaceWindowMs: WINDOW_MS,
        },
      },
    });
    const channels = Array.from({ length: 60 }, (_, i) => `C${String(i).padStart(4, '0')}`);
    await Promise.all(
      channels.map((channelId, i) =>
        rig.adapter.post({ workspaceId: TEAM, channelId }, digest(i), { deliveryId: `f-${i}` }),
      ),
    );
    expect(rig.fake.stats.rateLimited).toBe(0);
    expect([...rig.fake.stats.postsByChannel.entries()].sort()).toEqual(channels.map((c) => [c, 1]));
  });

  it('a channel waiting for its window does not hold up posts to other channels', async () => {
    rig = await startRig({
      fake: { rateLimit: { perChannel: 1, windowMs: WINDOW_MS, retryAfterSeconds: 1 } },
      adapter: {
        pacing: {
          channelBurst: 1,
          channelWindowMs: WINDOW_MS,
          workspacePosts: 1_000,
          workspaceWindowMs: 1_000,
        },
      },
    });
    const busy = Array.from({ length: 5 }, (_, i) =>
      rig.adapter.post({ workspaceId: TEAM, channelId: 'C01BUSY' }, digest(i), { deliveryId: `busy-${i}` }),
    );
    const other = rig.adapter.post({ workspaceId: TEAM, channelId: 'C02QUIET' }, digest(9), {
      deliveryId: 'quiet',
    });
    await Promise.all([...busy, other]);
    const order = rig.fake.posts.map((p) => p.metadata?.event_payload.delivery_id);
    expect(order.indexOf('quiet')).toBeLessThan(order.indexOf('busy-1'));
    expect(rig.fake.stats.rateLimited).toBe(0);
  });
});
