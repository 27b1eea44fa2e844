/**
 * Any knowledge base an editor could write (random sources, facts quoting them, briefs) →
 * briefs, answers and digests render on Slack and Discord within every limit, never throw,
 * ping nobody, and every citation is verbatim in its source and readable in what is sent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReply as renderDiscord } from '../../src/bots/discord/render.js';
import { renderReply as renderSlack } from '../../src/bots/slack/render.js';
import { runCommand } from '../../src/commands/dispatch.js';
import type { Reply } from '../../src/commands/reply.js';
import type { CommandContext } from '../../src/commands/types.js';
import { buildDigestReply } from '../../src/digests/digest-reply.js';
import {
  type BriefsInput,
  buildKnowledge,
  defaultKnowledgeDir,
  type Fact,
  loadLexicon,
  type SourceRecord,
} from '../../src/knowledge/index.js';
import { TOPICS } from '../../src/knowledge/schema.js';
import { discordSeen, expectDiscordMessages, expectSlackMessages, slackText } from './platform-checks.js';

const WORD = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'the',
      'officials',
      'said',
      'China',
      'Russia',
      'balloon',
      'election',
      'Xi',
      'Biden',
      'vote',
      'in',
      'November',
      'U.S.',
      'cyber',
    ),
  },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-zA-Z]{1,12}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<!channel>',
      '@everyone',
      '@here',
      '<@U1>',
      '<@&1>',
      '<@123456789012345678>',
      '&',
      '<',
      '>',
      '*',
      '_',
      '~',
      '`',
      '||',
      '“quoted”',
      '’s',
      '😀',
      'Zä̈',
      '\u200b',
      '—',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((w) => !/\s/.test(w)),
  },
);
const sentence = fc.array(WORD, { minLength: 3, maxLength: 40 }).map((ws) => `${ws.join(' ')}.`);
const isoDay = fc
  .integer({ min: 0, max: 364 })
  .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
const short = fc.array(WORD, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));

/** A source, plus facts whose evidence is cut out of its own text (so always verbatim). */
const sourceWithFacts = (index: number) =>
  fc
    .record({
      sentences: fc.array(sentence, { minLength: 1, maxLength: 30 }),
      separator: fc.constantFrom(' ', '\n', '\n\n'),
      title: fc.option(short, { nil: null }),
      outlet: fc.option(short, { nil: null }),
      published: fc.option(isoDay, { nil: null }),
      added: isoDay,
    })
    .chain((s) => {
      const text = s.sentences.join(s.separator);
      const id = `src-${index}`;
      const source: SourceRecord = {
        id,
        text,
        meta: { title: s.title, outlet: s.outlet, published: s.published, added: s.added },
      };
      const span = fc
        .tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 8, max: 400 }))
        .map(([start, len]) => text.slice(Math.min(start, Math.max(0, text.length - 8)), start + len))
        .filter((q) => q.length >= 8);
      const fact = fc.record({
        topics: fc.uniqueArray(fc.constantFrom(...TOPICS), { minLength: 1, maxLength: 3 }),
        claim: fc.oneof(sentence, fc.constantFrom(...s.sentences)).filter((c) => c.length >= 10),
        evidence: fc.array(span, { minLength: 1, maxLength: 3 }),
        attribution: short,
        who: fc.option(short, { nil: undefined }),
        when: fc.option(short, { nil: undefined }),
        added: isoDay,
      });
      return fc.tuple(fc.constant(source), fc.array(fact, { maxLength: 12 }));
    });

const knowledgeInput = fc
  .array(fc.nat(), { minLength: 1, maxLength: 3 })
  .chain((ns) => fc.tuple(...ns.map((_, i) => sourceWithFacts(i))))
  .chain((parts) => {
    const sources = parts.map(([s]) => s);
    let n = 0;
    const facts: Fact[] = parts.flatMap(([s, fs]) =>
      fs.map((f) => ({ ...f, id: `fact-${n++}`, source: s.id }) as Fact),
    );
    const ids = facts.map((f) => f.id);
    const brief = (from: string[]) =>
      fc.record({
        title: short,
        points: fc.array(
          fc.record({
            heading: fc.option(short, { nil: undefined }),
            text: fc.option(
              fc.array(sentence, { maxLength: 4 }).map((x) => x.join(' ')),
              { nil: undefined },
            ),
            facts: fc.uniqueArray(fc.constantFrom(...from), { minLength: 1, maxLength: 4 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
      });
    const briefs: fc.Arbitrary<BriefsInput | undefined> =
      ids.length > 0
        ? fc.option(
            fc.record({
              assurance: brief(ids),
              balloon: brief(ids),
              russia: brief(ids),
              china: brief(ids),
              compare: brief(ids),
              digest: brief(ids),
            }),
            { nil: undefined },
          )
        : fc.constant(undefined);
    const question = fc.oneof(
      sentence,
      fc.constantFrom(...sources.flatMap((s) => s.text.split('\n'))),
      short,
    );
    return fc.record({
      sources: fc.constant(sources),
      facts: fc.constant(facts),
      briefs,
      questions: fc.array(question, { minLength: 1, maxLength: 3 }),
      since: fc.option(
        isoDay.map((d) => new Date(`${d}T00:00:00Z`)),
        { nil: null },
      ),
    });
  });

const NOW = new Date('2026-12-31T12:00:00Z');
/** The shipped query vocabulary, read once: the property varies the content, not the language rules. */
const lexicon = loadLexicon(defaultKnowledgeDir());
const strip = (s: string) => s.replace(/\u200B/g, '').replace(/\s+/g, ' ');

/** Quotes are exact substrings of their source, and a reader finds each one in what is sent. */
function expectVerbatim(reply: Reply, sources: SourceRecord[]): void {
  const slack = strip(slackText(renderSlack(reply)));
  const discord = strip(discordSeen(renderDiscord(reply)));
  for (const c of reply.sections.flatMap((s) => s.citations ?? [])) {
    const text = sources.find((s) => s.id === c.source)?.text;
    expect(text, `citation of unknown source ${c.source}`).toBeDefined();
    expect(text).toContain(c.quote);
    expect(slack).toContain(strip(c.quote));
    expect(discord).toContain(strip(c.quote));
  }
}

describe('any knowledge base → briefs, answers and digests within every platform limit (property)', () => {
  it('renders on Slack and Discord, pings nobody, quotes verbatim', async () => {
    await fc.assert(
      fc.asyncProperty(knowledgeInput, async (input) => {
        const knowledge = buildKnowledge({ ...input, lexicon, now: () => NOW });
        const ctx: CommandContext = {
          platform: 'slack',
          workspaceId: 'W1',
          channelId: 'C1',
          userId: 'U1',
          now: NOW,
          isAdmin: async () => false,
          checkChannel: async () => ({ ok: true }),
          services: { knowledge, defaultTimezone: 'UTC' },
        };
        const texts = [
          'assurance',
          'balloon',
          'threats russia',
          'threats china',
          'threats compare',
          'digest',
          'sources',
          ...input.questions.map((q) => `ask ${q.slice(0, 500)}`),
        ];
        const replies: Reply[] = [];
        for (const text of texts) {
          const result = await runCommand({ group: 'election', text }, ctx);
          expect(result.outcome, `${text}: ${String(result.error)}`).not.toBe('failed');
          replies.push(result.reply);
        }
        replies.push(
          buildDigestReply(knowledge.digest({ since: input.since }), {
            since: input.since,
            timeZone: 'America/New_York',
          }),
        );
        for (const reply of replies) {
          expectSlackMessages(renderSlack(reply, { shareValue: 'x' }));
          expectDiscordMessages(renderDiscord(reply));
          expectVerbatim(reply, input.sources);
        }
      }),
      { numRuns: 40 },
    );
  });
});
