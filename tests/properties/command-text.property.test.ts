/**
 * Any command text, from any user, on any platform: a reply within every platform limit, no
 * throw, no active mention. Runs the real dispatcher, handlers, knowledge base and digest
 * service, then the Slack, Discord and console renderers exactly as the adapters call them.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderForConsole } from '../../src/bots/console/render.js';
import { renderReply as renderDiscord } from '../../src/bots/discord/render.js';
import { fromSlackText } from '../../src/bots/slack/inbound-text.js';
import { renderReply as renderSlack } from '../../src/bots/slack/render.js';
import { encodeShare } from '../../src/bots/slack/share.js';
import { type CommandRequest, runCommand } from '../../src/commands/dispatch.js';
import type { ChannelCheck, CommandContext, Platform } from '../../src/commands/types.js';
import { digestsOnTempStore } from '../bots/slack/digest-store.js';
import { sharedKnowledge } from '../bots/slack/rig.js';
import { expectDiscordMessages, expectSlackMessages } from './platform-checks.js';

const WORDS = [
  'ask',
  'balloon',
  'assurance',
  'threats',
  'russia',
  'china',
  'compare',
  'digest',
  'sources',
  'help',
  'subscribe',
  'list',
  'pause',
  'resume',
  'remove',
  'send-now',
  'preview',
  'status',
  'daily',
  '08:00',
  'weekdays',
  'weekly',
  'mon',
  'every',
  '5',
  'minutes',
  'hours',
  'cron',
  '0 8 * * 1-5',
  'UTC',
  'America/New_York',
  'Mars/Base',
  '#news',
  '<#C01NEWS|news>',
  '<#C1>',
  'Xi',
  'Biden',
  'why?',
];
const HOSTILE = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '@everyone',
  '@here',
  '@channel',
  '<@U1>',
  '<@U1|bob>',
  '<@&1>',
  '<@!123456789012345678>',
  '<@123456789012345678>',
  '<!subteam^S1|@team>',
  '&lt;!here&gt;',
  '&amp;',
  '&',
  '<',
  '>',
  '*bold*',
  '_it_',
  '~s~',
  '`code`',
  '```',
  '> quote',
  '||spoiler||',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r\n',
  '\t',
  '\u202e',
  '\u200b',
  '\ud800',
  '😀',
  '👩‍👩‍👧',
  'ﷺ',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̥',
  'https://example.org/?q=<x>',
];
const token = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.nat({ max: 99_999 }).map(String),
);
const repeatTo = (unit: string, n: number) =>
  unit.length ? unit.repeat(Math.ceil(n / unit.length)).slice(0, n) : '';
const words = fc.array(token, { maxLength: 25 }).map((t) => t.join(' '));
const id = fc.oneof(
  fc.integer({ min: 1, max: 5 }).map(String),
  fc.constantFrom('0', '-1', '99999999999', '1e3'),
);
const channelRef = fc.constantFrom(
  '',
  '<#C01NEWS|news> ',
  '<#C02|<!channel>> ',
  '<#C03|@everyone> ',
  '#news ',
);
const schedule = fc.oneof(
  fc.constantFrom('daily 08:00', 'weekdays 07:15', 'weekly mon 09:30', 'every 5 minutes', 'every 2 hours'),
  fc.constantFrom('cron 0 8 * * 1-5', 'cron */1 * * * *', 'daily 25:99', 'every 0 minutes'),
  words,
);
const zone = fc.constantFrom('', ' America/New_York', ' UTC', ' Mars/Base', ' <!here>');
/** Commands whose arguments parse, so the handlers themselves meet hostile words. */
const wellFormed = fc.oneof(
  fc
    .constantFrom('assurance', 'balloon', 'digest', 'sources', 'help', '')
    .map((t) => ['election', t] as const),
  fc.constantFrom('russia', 'china', 'compare', '').map((f) => ['election', `threats ${f}`] as const),
  words.map((q) => ['election', `ask ${q.slice(0, 500)}`] as const),
  fc.tuple(channelRef, schedule, zone).map(([c, sch, z]) => ['digest', `subscribe ${c}${sch}${z}`] as const),
  fc.constantFrom('list', 'preview', 'status').map((t) => ['digest', t] as const),
  fc
    .tuple(fc.constantFrom('pause', 'resume', 'remove', 'send-now', 'status'), id)
    .map(([verb, n]) => ['digest', `${verb} ${n}`] as const),
);
/** Anything at all: unknown groups, raw noise, huge inputs up to 10 k characters. */
const anything = fc.tuple(
  fc.constantFrom('election', 'digest', 'elections', '', '<!channel>'),
  fc.oneof(
    words,
    fc.string({ unit: 'binary', maxLength: 600 }),
    fc
      .tuple(
        fc.constantFrom('ask ', 'subscribe ', 'threats ', ''),
        token,
        fc.integer({ min: 400, max: 10_000 }),
      )
      .map(([prefix, t, n]) => prefix + repeatTo(`${t} `, n)),
  ),
);
const command: fc.Arbitrary<readonly [string, string]> = fc.oneof(
  { weight: 3, arbitrary: wellFormed },
  { weight: 1, arbitrary: anything },
);
const commandText = command.map(([, text]) => text);
const channelCheck = fc.oneof(
  fc.constant({ ok: true } as const),
  fc.array(token, { maxLength: 8 }).map((t) => ({ ok: false, reason: t.join(' ') }) as const),
);

let temp: Awaited<ReturnType<typeof digestsOnTempStore>>;
beforeAll(async () => {
  temp = await digestsOnTempStore();
});
afterAll(() => temp.close());

function context(platform: Platform, admin: boolean, check: ChannelCheck): CommandContext {
  return {
    platform,
    workspaceId: `${platform}-W1`,
    channelId: 'C01NEWS',
    userId: 'U01ASKER',
    now: new Date('2026-11-25T12:00:00Z'),
    isAdmin: async () => admin,
    checkChannel: async () => check,
    services: { knowledge: sharedKnowledge(), defaultTimezone: 'UTC', digests: temp.digests },
  };
}

describe('any command text → a reply within every platform limit (property)', () => {
  it('Slack, Discord and console: never throws, fits, pings nobody', async () => {
    await fc.assert(
      fc.asyncProperty(command, fc.boolean(), channelCheck, async ([g, text], admin, check) => {
        // Slack: the adapter decodes the escaped text, then renders with the share button's value.
        const slackText = fromSlackText(text);
        const slack = await runCommand({ group: g, text: slackText }, context('slack', admin, check));
        expectSlackMessages(
          renderSlack(
            slack.reply,
            slack.reply.shareable ? { shareValue: encodeShare(g || 'x', slackText) } : {},
          ),
        );
        expectSlackMessages(renderSlack(slack.reply, { sharedBy: 'U01ASKER' }));

        const discord = await runCommand({ group: g, text }, context('discord', admin, check));
        expectDiscordMessages(renderDiscord(discord.reply));
        expectDiscordMessages(renderDiscord(discord.reply, { sharedBy: text }));

        const terminal = renderForConsole(
          (await runCommand({ group: g, text }, context('console', admin, check))).reply,
        );
        expect(terminal.trim().length).toBeGreaterThan(0);
      }),
      { numRuns: 120 },
    );
  });

  it('Discord structured options (ask question, threats focus, any subcommand): fits, pings nobody', async () => {
    const question = fc.oneof(words, commandText);
    const sub = fc.oneof(
      fc.constantFrom(
        'subscribe',
        'pause',
        'resume',
        'remove',
        'send-now',
        'status',
        'list',
        'ask',
        'threats',
      ),
      token,
    );
    const request = fc.oneof(
      question.map(
        (q): CommandRequest => ({ group: 'election', subcommand: 'ask', options: { question: q } }),
      ),
      question.map(
        (f): CommandRequest => ({ group: 'election', subcommand: 'threats', options: { focus: f } }),
      ),
      fc.tuple(fc.constantFrom('election', 'digest'), sub, schedule, id, zone).map(
        ([g, name, sch, n, z]): CommandRequest => ({
          group: g,
          subcommand: name,
          options: { schedule: sch, id: Number(n), timezone: z.trim(), channel: 'C02' },
        }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(request, fc.boolean(), channelCheck, async (req, admin, check) => {
        const result = await runCommand(req, context('discord', admin, check));
        expectDiscordMessages(renderDiscord(result.reply));
      }),
      { numRuns: 120 },
    );
  });
});
