import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/commands/reply.js';
import { snowflake } from '../../fakes/discord/index.js';
import { type DiscordWorld, startDiscordWorld } from './world.js';

/**
 * discord.js paces itself: it knows the 50 requests/s global limit and reads the X-RateLimit-*
 * headers of each bucket before it is exhausted. The bench measured zero 429s for 1,000 channels,
 * so the adapter adds no limiter of its own; these tests keep that true.
 */
const digest = (n: number): Reply => ({
  title: `Digest ${n}`,
  sections: [{ text: `Item ${n}: officials reviewed the assurance again.` }],
  tone: 'digest',
  shareable: false,
});

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('posting under Discord rate limits', () => {
  it('given a per-channel bucket of 3 per 200 ms, 12 posts to one channel land once each, in order, with no 429', async () => {
    world = await startDiscordWorld({
      connect: false,
      fake: { rateLimits: { bucket: { limit: 3, windowMs: 200 } } },
    });
    const guild = [...world.fake.state.guilds.values()][0];
    const target = { workspaceId: guild?.id ?? '', channelId: guild?.channels[0]?.id ?? '' };
    const w = world;
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => w.adapter.post(target, digest(i), { deliveryId: `d-${i}` })),
    );
    expect(w.fake.stats.rateLimited).toBe(0);
    expect(w.fake.state.messagesIn(target.channelId).map((m) => m.nonce)).toEqual(
      Array.from({ length: 12 }, (_, i) => `d-${i}`),
    );
  });

  it('given the 50/s global limit, a fan-out to 60 channels gets no 429 and posts once per channel', async () => {
    const channels = Array.from({ length: 60 }, (_, i) => ({ id: snowflake(5_000 + i), name: `c${i}` }));
    world = await startDiscordWorld({
      connect: false,
      fake: {
        guilds: [{ id: snowflake(4_000), name: 'big', channels }],
        // A client that did not pace would send all 60 at once and collect ten 429s whatever the
        // skew; 300 ms only absorbs the delay between discord.js sending and the fake (in the same busy
        // process) seeing a request.
        rateLimits: { globalPerSecond: 50, globalSkewMs: 300 },
      },
    });
    const w = world;
    await Promise.all(
      channels.map((c, i) =>
        w.adapter.post({ workspaceId: snowflake(4_000), channelId: c.id }, digest(i), {
          deliveryId: `f-${i}`,
        }),
      ),
    );
    expect(w.fake.stats.rateLimited).toBe(0);
    expect(channels.map((c) => w.fake.state.messagesIn(c.id).length)).toEqual(channels.map(() => 1));
  });
});
