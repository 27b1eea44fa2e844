import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../../src/bots/discord/render.js';
import { runCommand } from '../../../src/commands/dispatch.js';
import type { Brief, Knowledge } from '../../../src/knowledge/api.js';
import { loadKnowledge } from '../../../src/knowledge/index.js';
import { MEMBER_PERMISSIONS } from '../../fakes/discord/index.js';
import { testContext } from '../../helpers/context.js';
import { embedsOf, hasShareButton, isPrivate, seenText, shareCustomId, wouldPing } from './seen.js';
import { type DiscordWorld, startDiscordWorld } from './world.js';

/** About 12,000 characters: more than one Discord message can hold. */
const LONG_BRIEF: Brief = {
  title: 'The balloon, in full',
  points: Array.from({ length: 30 }, (_, i) => ({
    heading: `Point ${i + 1}`,
    text: `${'Officials tracked the balloon across the country and said so again. '.repeat(6)}[end of point ${i + 1}]`,
    citations: [],
  })),
  asOf: 'As of 2026-11-25',
};

/** The real knowledge base, except that the balloon brief is long. */
function longBalloonKnowledge(): Knowledge {
  const real = loadKnowledge();
  return Object.assign(Object.create(real) as Knowledge, {
    brief: (topic: Parameters<Knowledge['brief']>[0]) =>
      topic === 'balloon' ? LONG_BRIEF : real.brief(topic),
  });
}

const knowledge = longBalloonKnowledge();
let world: DiscordWorld;
let guildId: string;
let channelId: string;

beforeAll(async () => {
  world = await startDiscordWorld({ services: { knowledge } });
  const guild = [...world.fake.state.guilds.values()][0];
  guildId = guild?.id ?? '';
  channelId = guild?.channels[0]?.id ?? '';
});
afterAll(() => world.close());

/** How many messages the long balloon answer takes, rendered as the adapter renders it. */
async function expectedParts(): Promise<number> {
  const ctx = testContext({
    platform: 'discord',
    workspaceId: guildId,
    channelId,
    services: { knowledge, defaultTimezone: 'UTC' },
  });
  const { reply } = await runCommand({ group: 'election', subcommand: 'balloon', options: {} }, ctx);
  return renderReply(reply).length;
}

const all = (handle: { messages(): Record<string, unknown>[] }, n: number) =>
  world.fake.waitFor(() => (handle.messages().length >= n ? handle.messages() : undefined), `${n} messages`);

const ask = (subcommand: string, options: Record<string, string> = {}) =>
  world.fake.slashCommand({
    guildId,
    channelId,
    group: 'election',
    subcommand,
    options,
    permissions: MEMBER_PERMISSIONS,
  });

const click = (message: Record<string, unknown>, username = 'Dana', customId = shareCustomId(message)) =>
  world.fake.clickButton({
    guildId,
    channelId,
    user: { id: '300000000000000003', username },
    customId: customId ?? '',
    message,
  });

const endMarkers = (messages: Record<string, unknown>[]) => seenText(messages).match(/end of point \d+/g);

describe('Share to channel on an answer of several messages', () => {
  it('carries the Share button on the last part only', async () => {
    const parts = await expectedParts();
    expect(parts).toBeGreaterThan(1);
    const messages = await all(ask('balloon'), parts);
    expect(messages).toHaveLength(parts);
    expect(messages.map(hasShareButton)).toEqual(messages.map((_, i) => i === parts - 1));
    expect(messages.every(isPrivate)).toBe(true);
  });

  it('posts every part publicly, in order, marked as shared by that user, pinging nobody', async () => {
    const parts = await expectedParts();
    const answer = await all(ask('balloon'), parts);
    const shared = await all(click(answer.at(-1) ?? {}), parts);
    expect(shared).toHaveLength(parts);
    expect(shared.some(isPrivate)).toBe(false);
    expect(shared.some(wouldPing)).toBe(false);
    expect(shared.some(hasShareButton)).toBe(false);
    expect(embedsOf(shared[0] ?? {})[0]?.author?.name).toBe('Shared by Dana');
    expect(endMarkers(shared)).toEqual(Array.from({ length: 30 }, (_, i) => `end of point ${i + 1}`));
  });

  it('asks a short question again when shared, so the channel sees the same answer', async () => {
    const question = 'What did Xi tell Biden?';
    const answer = await ask('ask', { question }).firstReply();
    expect(shareCustomId(answer)).toMatch(/^share:/);
    const shared = await click(answer).firstReply();
    expect(isPrivate(shared)).toBe(false);
    expect(embedsOf(shared)[0]?.description).toBe(embedsOf(answer)[0]?.description);
  });

  it('names a sharer called @everyone as text, never as a mention', async () => {
    const answer = await ask('sources').firstReply();
    const shared = await click(answer, '@everyone').firstReply();
    expect(wouldPing(shared)).toBe(false);
    const author = embedsOf(shared)[0]?.author?.name ?? '';
    expect(author).toMatch(/^Shared by .*everyone$/);
    expect(author).not.toContain('Shared by @everyone');
  });
});

describe('Share to channel when the command does not fit in the button', () => {
  // 119 characters, and answered: longer than a button can carry.
  const longQuestion =
    'What did Xi Jinping tell Joe Biden about interfering in the United States elections when the two leaders met in person?';

  it('puts a button that reposts the message itself on the first part, and sharing reposts that part', async () => {
    const answer = await ask('ask', { question: longQuestion }).firstReply();
    expect(shareCustomId(answer)).toBe('newsroom:share');
    const shared = await click(answer).firstReply();
    expect(isPrivate(shared)).toBe(false);
    expect(wouldPing(shared)).toBe(false);
    expect(embedsOf(shared)[0]?.author?.name).toBe('Shared by Dana');
    expect(embedsOf(shared)[0]?.description).toBe(embedsOf(answer)[0]?.description);
  });
});

describe('a Share button whose value was tampered with', () => {
  it('refuses privately to run an admin command through it, and posts nothing publicly', async () => {
    const answer = await ask('sources').firstReply();
    const handle = click(answer, 'Mallory', 'share:["digest","remove",1]');
    const reply = await handle.firstReply();
    expect(isPrivate(reply)).toBe(true);
    expect(seenText([reply])).toMatch(/cannot be shared/);
    expect(handle.messages()).toHaveLength(1);
  });

  it('answers privately that a malformed value can no longer be shared', async () => {
    const answer = await ask('sources').firstReply();
    const reply = await click(answer, 'Mallory', 'share:{not json').firstReply();
    expect(isPrivate(reply)).toBe(true);
    expect(seenText([reply])).toMatch(/can no longer be shared/);
  });
});
