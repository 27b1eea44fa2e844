import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestService, SubscribeRequest } from '../../../src/digests/service.js';
import { ADMIN_PERMISSIONS, PERMISSIONS, snowflake } from '../../fakes/discord/index.js';
import { isPrivate, seenText } from './seen.js';
import { type DiscordWorld, startDiscordWorld } from './world.js';

const A = snowflake(10);
const NEWS = snowflake(11);
const NO_SEND = snowflake(12);
const NO_EMBED = snowflake(13);
const VOICE = snowflake(14);
const CATEGORY = snowflake(15);
const FORUM = snowflake(16);
const THREAD = snowflake(17);
const B = snowflake(21);
const ELSEWHERE = snowflake(22);

/** Records subscriptions; enough of the digest service for /digest subscribe. */
function recordingDigests(calls: SubscribeRequest[]): DigestService {
  const unused = async () => {
    throw new Error('not used in this test');
  };
  return {
    defaultTimezone: 'UTC',
    minIntervalMinutes: 15,
    async subscribe(actor, request) {
      calls.push(request);
      return {
        ok: true,
        subscription: {
          localId: calls.length,
          channelId: request.channelId,
          schedule: request.schedule,
          timezone: request.timezone ?? 'UTC',
          paused: false,
          pausedReason: null,
          createdBy: actor.userId,
          nextRun: undefined,
        },
      };
    },
    list: async () => [],
    pause: unused,
    resume: unused,
    remove: unused,
    preview: () => ({ title: 'p', sections: [], tone: 'digest', shareable: false }),
    sendNow: unused,
    status: async () => [],
  };
}

let world: DiscordWorld;
const calls: SubscribeRequest[] = [];

beforeAll(async () => {
  world = await startDiscordWorld({
    fake: {
      guilds: [
        {
          id: A,
          channels: [
            { id: NEWS, name: 'news' },
            { id: NO_SEND, name: 'quiet', botDeny: PERMISSIONS.SendMessages },
            { id: NO_EMBED, name: 'plain', botDeny: PERMISSIONS.EmbedLinks },
            { id: VOICE, name: 'studio', type: 2 },
            { id: CATEGORY, name: 'Newsroom', type: 4 },
            { id: FORUM, name: 'tips', type: 15 },
            { id: THREAD, name: 'balloon follow-up', type: 11, parentId: NEWS },
          ],
        },
        { id: B, channels: [{ id: ELSEWHERE, name: 'elsewhere' }] },
      ],
    },
    services: { digests: recordingDigests(calls) },
  });
});
afterAll(() => world.close());

/** `/digest subscribe` run in `from`, naming `channel` as the target (or none: the current one). */
async function subscribe(channel: string | undefined, from = NEWS) {
  const handle = world.fake.slashCommand({
    guildId: A,
    channelId: from,
    group: 'digest',
    subcommand: 'subscribe',
    options: { schedule: 'daily 08:00', ...(channel ? { channel: { channel } } : {}) },
    permissions: ADMIN_PERMISSIONS,
  });
  const first = await handle.firstReply();
  expect(isPrivate(first)).toBe(true);
  return seenText([first]);
}

describe('/digest subscribe: the target channel, checked at run time', () => {
  it('refuses a channel of another guild and stores nothing', async () => {
    const before = calls.length;
    expect(await subscribe(ELSEWHERE)).toMatch(/not in this server/i);
    expect(calls.length).toBe(before);
  });

  it('names Send Messages when the bot cannot send there', async () => {
    const text = await subscribe(NO_SEND);
    expect(text).toMatch(/Send Messages/);
    expect(text).not.toMatch(/Embed Links/);
  });

  it('names Embed Links when the bot cannot embed there', async () => {
    expect(await subscribe(NO_EMBED)).toMatch(/Embed Links/);
  });

  it('refuses a channel Discord does not know', async () => {
    expect(await subscribe(snowflake(999))).toMatch(/cannot see that channel/i);
  });

  const unpostable: Array<[string, string, RegExp]> = [
    ['a voice channel', VOICE, /“studio” is a voice channel/],
    ['a category', CATEGORY, /“Newsroom” is a category/],
    ['a forum', FORUM, /“tips” is a forum/],
  ];
  for (const [kind, id, says] of unpostable) {
    it(`refuses ${kind}, saying what it is and what to pick instead, and stores nothing`, async () => {
      const before = calls.length;
      const text = await subscribe(id);
      expect(text).toMatch(says);
      expect(text).toMatch(/Pick a text or announcement channel/);
      expect(calls.length).toBe(before);
    });
  }

  it('refuses a thread as the target and points to its parent channel', async () => {
    const before = calls.length;
    const text = await subscribe(THREAD);
    expect(text).toMatch(/cannot go to a thread/i);
    expect(text).toContain(`<#${NEWS}>`);
    expect(calls.length).toBe(before);
  });

  it('refuses when run inside a thread without naming a channel (the default is that thread)', async () => {
    const before = calls.length;
    expect(await subscribe(undefined, THREAD)).toMatch(/cannot go to a thread/i);
    expect(calls.length).toBe(before);
  });

  it('subscribes a channel of this guild where the bot can post', async () => {
    const before = calls.length;
    const text = await subscribe(NEWS);
    expect(calls.length).toBe(before + 1);
    expect(calls.at(-1)?.channelId).toBe(NEWS);
    expect(text).toContain(`<#${NEWS}>`);
  });
});
