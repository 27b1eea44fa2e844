import { afterEach, describe, expect, it } from 'vitest';
import { PermanentChannelError, WorkspaceAuthError } from '../../../src/bots/adapter.js';
import { deliveryNonce } from '../../../src/bots/discord/nonce.js';
import type { Reply } from '../../../src/commands/reply.js';
import { itWithDiscordSpec } from '../../helpers/discord-openapi.js';
import { embedsOf } from './seen.js';
import { type DiscordWorld, startDiscordWorld } from './world.js';

const MESSAGES_ROUTE = '/channels/{channel_id}/messages';

/** About 12,000 characters in 30 paragraphs: more than one Discord message can hold. */
function longDigest(): Reply {
  return {
    title: 'Election security digest',
    sections: Array.from({ length: 30 }, (_, i) => ({
      heading: `Point ${i + 1}`,
      text: `${'Officials reviewed the assurance and the balloon incident again. '.repeat(6)}[end of point ${i + 1}]`,
    })),
    footer: 'As of 2026-11-25',
    tone: 'digest',
    shareable: false,
  };
}

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function outboundWorld() {
  world = await startDiscordWorld({ connect: false });
  const guild = [...world.fake.state.guilds.values()][0];
  const target = { workspaceId: guild?.id ?? '', channelId: guild?.channels[0]?.id ?? '' };
  return { w: world, target, stored: () => world?.fake.state.messagesIn(target.channelId) ?? [] };
}

const endMarkers = (bodies: Array<Record<string, unknown>>) =>
  JSON.stringify(bodies.map((b) => embedsOf(b))).match(/end of point \d+/g) ?? [];

describe('posting a digest through discord.js REST', () => {
  it('posts a long digest as several messages that arrive once, in order, despite a per-route 429', async () => {
    const { w, target, stored } = await outboundWorld();
    w.fake.inject({ method: 'POST', route: MESSAGES_ROUTE, status: 429, retryAfter: 0.2, times: 1 });
    const result = await w.adapter.post(target, longDigest(), { deliveryId: 'sub-7:2026-11-25T08:00Z' });
    const messages = stored();
    expect(messages.length).toBeGreaterThan(1);
    expect(result.messageIds).toEqual(messages.map((m) => m.id));
    expect(endMarkers(messages.map((m) => m.body))).toEqual(
      Array.from({ length: 30 }, (_, i) => `end of point ${i + 1}`),
    );
    expect(w.fake.stats.rateLimited).toBe(1);
    expect((await w.metrics.rateLimited.get()).values[0]?.value).toBe(1);
  });

  it('waits out a global 429 and still posts exactly once', async () => {
    const { w, target, stored } = await outboundWorld();
    w.fake.inject({
      method: 'POST',
      route: MESSAGES_ROUTE,
      status: 429,
      retryAfter: 0.2,
      global: true,
      times: 1,
    });
    await w.adapter.post(
      target,
      { title: 'Short', sections: [{ text: 'one' }], tone: 'digest', shareable: false },
      { deliveryId: 'd1' },
    );
    expect(stored()).toHaveLength(1);
    expect(w.fake.state.requests.filter((r) => r.route === MESSAGES_ROUTE).map((r) => r.status)).toEqual([
      429, 200,
    ]);
  });

  it('posting the same delivery twice is stored once: every part carries an enforced nonce', async () => {
    const { w, target, stored } = await outboundWorld();
    const first = await w.adapter.post(target, longDigest(), { deliveryId: 'sub-7:2026-11-25T08:00Z' });
    const second = await w.adapter.post(target, longDigest(), { deliveryId: 'sub-7:2026-11-25T08:00Z' });
    expect(second.messageIds).toEqual(first.messageIds);
    expect(stored()).toHaveLength(first.messageIds.length);
    const bodies = w.fake.state.requests
      .filter((r) => r.route === MESSAGES_ROUTE)
      .map((r) => r.body as Record<string, unknown>);
    for (const body of bodies) {
      expect(body.enforce_nonce).toBe(true);
      expect(String(body.nonce).length).toBeLessThanOrEqual(25);
      expect(body.allowed_mentions).toEqual({ parse: [] });
    }
    expect(new Set(bodies.map((b) => b.nonce)).size).toBe(first.messageIds.length);
  });

  for (const [status, code] of [
    [403, 50013],
    [403, 50001],
    [404, 10003],
  ] as const) {
    it(`surfaces ${status} ${code} as a PermanentChannelError without retrying`, async () => {
      const { w, target, stored } = await outboundWorld();
      w.fake.inject({ method: 'POST', route: MESSAGES_ROUTE, status, code, times: 5 });
      const error = await w.adapter.post(target, longDigest(), { deliveryId: 'd2' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PermanentChannelError);
      expect(error).toMatchObject({ code: String(code) });
      expect((error as PermanentChannelError).reason.length).toBeGreaterThan(10);
      expect(w.fake.state.requests.filter((r) => r.route === MESSAGES_ROUTE)).toHaveLength(1);
      expect(stored()).toHaveLength(0);
      expect(w.adapter.healthy()).toBe(true);
    });
  }

  it('a 401 throws WorkspaceAuthError, marks the adapter unhealthy and stops further requests', async () => {
    const { w, target } = await outboundWorld();
    w.fake.revokeToken();
    const digest = { title: 'x', sections: [{ text: 'y' }], tone: 'digest' as const, shareable: false };
    await expect(w.adapter.post(target, digest, { deliveryId: 'd3' })).rejects.toBeInstanceOf(
      WorkspaceAuthError,
    );
    expect(w.adapter.healthy()).toBe(false);
    await expect(w.adapter.post(target, digest, { deliveryId: 'd4' })).rejects.toBeInstanceOf(
      WorkspaceAuthError,
    );
    expect(w.fake.state.requests.filter((r) => r.status === 401)).toHaveLength(1);
  });

  it('sends a direct message to a user', async () => {
    const { w } = await outboundWorld();
    await w.adapter.notifyUser('g', '400000000000000004', {
      title: 'Digest paused',
      sections: [{ text: 'The bot lost access to #news.' }],
      tone: 'notice',
      shareable: false,
    });
    const [dmId] = [...w.fake.state.dmChannels.keys()];
    expect(w.fake.state.dmChannels.get(dmId ?? '')).toBe('400000000000000004');
    expect(JSON.stringify(w.fake.state.messagesIn(dmId ?? '')[0]?.body)).toContain('lost access');
  });

  const notice = {
    title: 'Digest paused',
    sections: [{ text: 'x' }],
    tone: 'notice' as const,
    shareable: false,
  };

  it('a 401 while opening a direct message is the same token failure as a 401 on a post', async () => {
    const { w, target } = await outboundWorld();
    w.fake.revokeToken();
    await expect(w.adapter.notifyUser('g', '400000000000000004', notice)).rejects.toBeInstanceOf(
      WorkspaceAuthError,
    );
    expect(w.adapter.healthy()).toBe(false);
    await expect(w.adapter.post(target, notice, { deliveryId: 'd5' })).rejects.toBeInstanceOf(
      WorkspaceAuthError,
    );
    expect(w.fake.state.requests.filter((r) => r.status === 401)).toHaveLength(1);
  });

  it('a user who refuses direct messages (50007) is a permanent failure, not a token problem', async () => {
    const { w } = await outboundWorld();
    w.fake.inject({ method: 'POST', route: MESSAGES_ROUTE, status: 403, code: 50007 });
    const error = await w.adapter.notifyUser('g', '400000000000000004', notice).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentChannelError);
    expect(error).toMatchObject({ code: '50007' });
    expect(w.adapter.healthy()).toBe(true);
  });

  it('respects a rate-limited fake (per-channel bucket + global cap): every message arrives once', async () => {
    world = await startDiscordWorld({
      connect: false,
      fake: { rateLimits: { globalPerSecond: 50, bucket: { limit: 3, windowMs: 300 } } },
    });
    const w = world;
    const guild = [...w.fake.state.guilds.values()][0];
    const target = { workspaceId: guild?.id ?? '', channelId: guild?.channels[0]?.id ?? '' };
    const posts = Array.from({ length: 8 }, (_, i) =>
      w.adapter.post(
        target,
        { title: `Digest ${i}`, sections: [{ text: `body ${i}` }], tone: 'digest', shareable: false },
        { deliveryId: `bench-${i}` },
      ),
    );
    await Promise.all(posts);
    const titles = w.fake.state.messagesIn(target.channelId).map((m) => embedsOf(m.body)[0]?.title);
    expect(titles.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `Digest ${i}`).sort());
  });

  itWithDiscordSpec('every message body it sends validates against the Discord spec', async (spec) => {
    const { w, target } = await outboundWorld();
    await w.adapter.post(target, longDigest(), {
      deliveryId: 'a-very-long-delivery-id-that-needs-hashing:2026-11-25',
    });
    const sent = w.fake.state.requests.filter((r) => r.body !== undefined);
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.flatMap((r) => spec.validate(r.method, r.route, r.body))).toEqual([]);
  });
});

describe('delivery nonces', () => {
  it('are stable, distinct per part, and at most 25 characters even for long delivery ids', () => {
    const long = 'subscription-1234567890:2026-11-25T08:00:00.000Z';
    expect(deliveryNonce(long, 0)).toBe(deliveryNonce(long, 0));
    expect(deliveryNonce(long, 0)).not.toBe(deliveryNonce(long, 1));
    expect(deliveryNonce(long, 3).length).toBeLessThanOrEqual(25);
    expect(deliveryNonce('short:1', 0)).toBe('short:1');
  });
});
