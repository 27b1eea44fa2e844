import { afterEach, describe, expect, it } from 'vitest';
import { PermanentChannelError, WorkspaceAuthError } from '../../../src/bots/adapter.js';
import { renderReply } from '../../../src/bots/slack/render.js';
import type { Reply } from '../../../src/commands/reply.js';
import { CHANNEL, type Rig, startRig, TEAM } from './rig.js';

const target = { workspaceId: TEAM, channelId: CHANNEL };

const shortDigest: Reply = {
  title: 'Election security digest',
  sections: [
    {
      heading: 'China’s pledge',
      text: 'Xi told Biden China would not interfere <!channel> & more.',
      citations: [{ quote: 'China would not interfere', source: 'article', attribution: 'President Xi' }],
    },
  ],
  footer: 'As of today',
  tone: 'digest',
  shareable: false,
};

/** A digest well past one message: 14 sections of ~2,000 characters. */
const longDigest: Reply = {
  title: 'Election security digest',
  sections: Array.from({ length: 14 }, (_, i) => ({
    heading: `Point ${i + 1}`,
    text: `Paragraph ${i + 1}. ${'Officials remain concerned about interference. '.repeat(42)}`,
  })),
  tone: 'digest',
  shareable: false,
};

describe('Slack outbound posting (digests) against the fake Web API', () => {
  let rig: Rig;
  afterEach(async () => rig?.close());

  it('posts Block Kit with a fallback text, escaped, with the delivery id in metadata', async () => {
    rig = await startRig();
    const result = await rig.adapter.post(target, shortDigest, { deliveryId: 'sub-7@2026-11-25T08:00Z' });
    expect(result.messageIds).toHaveLength(1);
    const [post] = rig.fake.posts;
    expect(post?.channel).toBe(CHANNEL);
    expect(post?.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Election security digest', emoji: false } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*China’s pledge*\nXi told Biden China would not interfere &lt;!channel&gt; &amp; more.',
        },
      },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: '“China would not interfere” — President Xi (article)' }],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'As of today' }] },
    ]);
    expect(post?.text).toContain('Election security digest');
    expect(post?.text).toContain('&lt;!channel&gt;');
    expect(post?.metadata).toEqual({
      event_type: 'newsroom_delivery',
      event_payload: { delivery_id: 'sub-7@2026-11-25T08:00Z', part: 1, parts: 1 },
    });
    expect(post?.params.link_names).toBeUndefined();
    expect(post?.params.unfurl_links).toBe(false);
  });

  it('splits a long digest into several messages, in order, each carrying the delivery id', async () => {
    rig = await startRig({ adapter: { pacing: { channelBurst: 100, workspacePosts: 1_000 } } });
    const expected = renderReply(longDigest);
    expect(expected.length).toBeGreaterThan(1);
    const result = await rig.adapter.post(target, longDigest, { deliveryId: 'd-long' });
    expect(result.messageIds).toHaveLength(expected.length);
    expect(rig.fake.posts.map((p) => ({ blocks: p.blocks, text: p.text }))).toEqual(expected);
    expect(rig.fake.posts.map((p) => p.metadata?.event_payload)).toEqual(
      expected.map((_, i) => ({ delivery_id: 'd-long', part: i + 1, parts: expected.length })),
    );
    for (const p of rig.fake.posts) expect(p.text?.length).toBeGreaterThan(0);
  });

  it('waits out a 429 with Retry-After and posts exactly once', async () => {
    rig = await startRig();
    rig.fake.fail('chat.postMessage', { status: 429, retryAfter: 1 });
    await rig.adapter.post(target, shortDigest, { deliveryId: 'd-429' });
    expect(rig.fake.callsTo('chat.postMessage').map((c) => c.outcome)).toEqual(['ratelimited', 'ok']);
    expect(rig.fake.posts).toHaveLength(1);
    expect(await rig.metrics.registry.getSingleMetricAsString('newsroom_rate_limited_total')).toMatch(
      /newsroom_rate_limited_total\{platform="slack"\} 1/,
    );
  });

  it('retries a 500 through the client and posts once', async () => {
    rig = await startRig();
    rig.fake.fail('chat.postMessage', { status: 500 });
    await rig.adapter.post(target, shortDigest, { deliveryId: 'd-500' });
    expect(rig.fake.callsTo('chat.postMessage').map((c) => c.outcome)).toEqual(['http_500', 'ok']);
    expect(rig.fake.posts).toHaveLength(1);
  });

  for (const code of ['channel_not_found', 'not_in_channel', 'is_archived']) {
    it(`surfaces ${code} as a PermanentChannelError, without retrying`, async () => {
      rig = await startRig();
      rig.fake.fail('chat.postMessage', { error: code });
      const error = await rig.adapter
        .post(target, shortDigest, { deliveryId: 'd-x' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PermanentChannelError);
      expect((error as PermanentChannelError).code).toBe(code);
      expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(1);
      expect(rig.fake.posts).toHaveLength(0);
      expect(rig.adapter.healthy()).toBe(true);
    });
  }

  it('reports the real fake state: posting to a channel the bot left is not_in_channel', async () => {
    rig = await startRig();
    const error = await rig.adapter
      .post({ workspaceId: TEAM, channelId: 'C02OUTSIDE' }, shortDigest, { deliveryId: 'd-y' })
      .catch((e: unknown) => e);
    expect((error as PermanentChannelError).code).toBe('not_in_channel');
  });

  it('turns a revoked token into WorkspaceAuthError and reports unhealthy on /healthz', async () => {
    rig = await startRig();
    rig.fake.fail('chat.postMessage', { error: 'token_revoked' });
    const error = await rig.adapter.post(target, shortDigest, { deliveryId: 'd-z' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkspaceAuthError);
    expect(error).toMatchObject({ code: 'token_revoked', workspaceId: TEAM });
    expect(rig.adapter.healthy()).toBe(false);
    const health = await fetch(`${rig.base}/healthz`);
    expect(health.status).toBe(503);
    // Nothing more is sent with a rejected token.
    await expect(rig.adapter.post(target, shortDigest, { deliveryId: 'd-z2' })).rejects.toBeInstanceOf(
      WorkspaceAuthError,
    );
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('starts but reports unhealthy when Slack rejects the bot token at start-up', async () => {
    rig = await startRig({ fake: { botToken: 'xoxb-some-other-token' } });
    expect(rig.fake.callsTo('auth.test').map((c) => c.outcome)).toEqual(['invalid_auth']);
    expect(rig.adapter.healthy()).toBe(false);
    expect((await fetch(`${rig.base}/healthz`)).status).toBe(503);
  });

  it('finds an earlier delivery by its id in message metadata', async () => {
    rig = await startRig();
    await rig.adapter.post(target, shortDigest, { deliveryId: 'd-landed' });
    expect(await rig.adapter.findDelivery(target, 'd-landed')).toBe('found');
    expect(await rig.adapter.findDelivery(target, 'd-never')).toBe('absent');
    expect(rig.fake.callsTo('conversations.history')[0]?.params.include_all_metadata).toBe(true);
  });

  /** Messages of other senders in the channel, `seconds` apart from `from` (ms since the epoch). */
  function chatter(count: number, from: number, seconds = 1) {
    for (let i = 0; i < count; i++) {
      const ts = `${Math.floor(from / 1000) + i * seconds}.${String(900_000 + i).padStart(6, '0')}`;
      rig.fake.posts.push({ channel: CHANNEL, ts, text: `chatter ${i}`, params: {} });
    }
  }

  it('finds a delivery that more than one page of later messages pushed back', async () => {
    const clock = { now: Date.parse('2026-05-04T08:00:00Z') };
    rig = await startRig({ fake: { now: () => clock.now } });
    await rig.adapter.post(target, shortDigest, { deliveryId: 'd-buried' });
    chatter(450, clock.now + 1_000);
    const since = new Date('2026-05-04T08:00:00Z');
    expect(await rig.adapter.findDelivery(target, 'd-buried', { since })).toBe('found');
    expect(rig.fake.callsTo('conversations.history')).toHaveLength(3);
  });

  it('searches from a few minutes before the first attempt, not the whole channel', async () => {
    const clock = { now: Date.parse('2026-05-04T06:00:00Z') };
    rig = await startRig({ fake: { now: () => clock.now } });
    // The same id posted two hours before this delivery's first attempt cannot be this delivery.
    await rig.adapter.post(target, shortDigest, { deliveryId: 'd-early' });
    const since = new Date('2026-05-04T08:00:00Z');
    expect(await rig.adapter.findDelivery(target, 'd-early', { since })).toBe('absent');
    const oldest = Number(rig.fake.callsTo('conversations.history')[0]?.params.oldest);
    expect(oldest).toBeLessThan(since.getTime() / 1000);
    expect(oldest).toBeGreaterThan(since.getTime() / 1000 - 15 * 60);
  });

  it('answers unknown, not found, when only some messages of a split digest landed', async () => {
    rig = await startRig({ adapter: { pacing: { channelBurst: 100, workspacePosts: 1_000 } } });
    await rig.adapter.post(target, longDigest, { deliveryId: 'd-split' });
    expect(rig.fake.posts.length).toBeGreaterThan(1);
    expect(await rig.adapter.findDelivery(target, 'd-split')).toBe('found');
    rig.fake.posts.pop(); // the last part never landed
    expect(await rig.adapter.findDelivery(target, 'd-split')).toBe('unknown');
  });

  it('stops after a bounded number of history pages and answers unknown rather than absent', async () => {
    const clock = { now: Date.parse('2026-05-04T08:00:00Z') };
    rig = await startRig({ fake: { now: () => clock.now } });
    chatter(3_000, clock.now);
    const since = new Date(clock.now);
    expect(await rig.adapter.findDelivery(target, 'd-lost', { since })).toBe('unknown');
    const pages = rig.fake.callsTo('conversations.history').length;
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThan(3_000 / 200);
  });

  it('says unknown when history cannot be read for a transient reason', async () => {
    rig = await startRig({ adapter: { retryConfig: { retries: 0 } } });
    rig.fake.fail('conversations.history', { status: 500 });
    expect(await rig.adapter.findDelivery(target, 'd-landed')).toBe('unknown');
  });

  it('sends a direct message by posting to the user id', async () => {
    rig = await startRig();
    await rig.adapter.notifyUser(TEAM, 'U01ADMIN', {
      title: 'Subscription paused',
      sections: [{ text: 'Digest 3 was paused: the bot was removed from #news.' }],
      tone: 'notice',
      shareable: false,
    });
    expect(rig.fake.posts.map((p) => p.channel)).toEqual(['U01ADMIN']);
    expect(rig.fake.posts[0]?.metadata).toBeUndefined();
  });

  it('still lands every message once when Slack is stricter than our pacing (the client waits out 429s)', async () => {
    // Our pacing allows 3 per second to a channel; this fake allows 1: the client's reactive path takes over.
    rig = await startRig({
      fake: { rateLimit: { perChannel: 1, retryAfterSeconds: 1 } },
      adapter: { pacing: { channelBurst: 3, channelWindowMs: 1_000 } },
    });
    for (const id of ['d-1', 'd-2', 'd-3']) await rig.adapter.post(target, shortDigest, { deliveryId: id });
    expect(rig.fake.stats.rateLimited).toBeGreaterThan(0);
    expect(rig.fake.posts.map((p) => p.metadata?.event_payload.delivery_id)).toEqual(['d-1', 'd-2', 'd-3']);
  });
});
