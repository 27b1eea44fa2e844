import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLACK_LIMITS as L } from '../../../src/bots/slack/limits.js';
import { renderPlain, renderReply, renderUnits, type SlackMessage } from '../../../src/bots/slack/render.js';
import { decodeShare, encodeShare } from '../../../src/bots/slack/share.js';
import type { Reply } from '../../../src/commands/reply.js';
import { activeMentions, blocksOf, hasShareButton, visibleText } from '../../fakes/slack/payload.js';
import { answerReplies } from '../../properties/answer-replies.js';

const reply = (over: Partial<Reply> = {}): Reply => ({
  title: 'Title',
  sections: [{ text: 'Body' }],
  tone: 'answer',
  shareable: true,
  ...over,
});
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i % 10}`).join(' ');
/** n characters of words, not ending in a space. */
const exactly = (n: number) => `${words(n).slice(0, n - 1)}z`;
type Loose = { type: string; text?: { text: string }; elements?: { text?: unknown; type: string }[] };
const loose = (m: SlackMessage) => m.blocks as unknown as Loose[];

/** Every limit of limits.ts, checked on one message. */
function assertWithinLimits(m: SlackMessage) {
  expect(m.blocks.length).toBeLessThanOrEqual(L.blocksPerMessage);
  expect(m.text.length).toBeGreaterThan(0);
  expect(m.text.length).toBeLessThanOrEqual(L.fallbackText);
  expect(JSON.stringify(m.blocks).length + m.text.length).toBeLessThanOrEqual(L.messageChars);
  for (const b of loose(m)) {
    if (b.type === 'header') expect(b.text?.text.length).toBeLessThanOrEqual(L.headerText);
    if (b.type === 'section') {
      expect(b.text?.text.length).toBeGreaterThan(0);
      expect(b.text?.text.length).toBeLessThanOrEqual(L.sectionText);
    }
    if (b.type === 'context') {
      expect(b.elements?.length).toBeLessThanOrEqual(L.contextElements);
      for (const e of b.elements ?? [])
        expect(String(e.text).length).toBeLessThanOrEqual(L.contextElementText);
    }
    if (b.type === 'actions') {
      for (const e of b.elements ?? [])
        expect((e.text as { text: string }).text.length).toBeLessThanOrEqual(L.buttonText);
    }
  }
}

describe('Block Kit renderer at and just past each Slack limit', () => {
  it('keeps a header of exactly 150 characters and cuts one of 151 at a word', () => {
    const at = renderReply(reply({ title: exactly(L.headerText) }))[0] as SlackMessage;
    expect(loose(at)[0]?.text?.text).toBe(exactly(L.headerText));
    const past = loose(renderReply(reply({ title: exactly(L.headerText + 1) }))[0] as SlackMessage)[0];
    expect(past?.text?.text.length).toBeLessThanOrEqual(L.headerText);
    expect(past?.text?.text.endsWith('…')).toBe(true);
  });

  it('puts 3,000 characters in one section and splits 3,001 into two without losing words', () => {
    const at = renderReply(reply({ sections: [{ text: exactly(L.sectionText) }] }))[0] as SlackMessage;
    expect(loose(at).filter((b) => b.type === 'section')).toHaveLength(1);
    const text = exactly(L.sectionText + 1);
    const past = renderReply(reply({ sections: [{ text }] }))[0] as SlackMessage;
    const sections = loose(past).filter((b) => b.type === 'section');
    expect(sections).toHaveLength(2);
    expect(sections.map((s) => s.text?.text).join(' ')).toBe(text);
    assertWithinLimits(past);
  });

  it('counts the escaped length: 3,000 ampersands still fit, in several sections', () => {
    const [message] = renderReply(reply({ sections: [{ text: '& '.repeat(1_500).trim() }] }));
    assertWithinLimits(message as SlackMessage);
    expect(loose(message as SlackMessage).filter((b) => b.type === 'section').length).toBeGreaterThan(1);
  });

  it('escapes user text exactly once in blocks and in the fallback', () => {
    const [m] = renderReply(
      reply({ title: 'T', sections: [{ text: 'a <!channel> & b' }], shareable: false }),
    );
    expect(loose(m as SlackMessage)[1]?.text?.text).toBe('a &lt;!channel&gt; &amp; b');
    expect(m?.text).toBe('T\na &lt;!channel&gt; &amp; b');
  });

  it('puts 10 citations in one context block and 11 in two', () => {
    const cite = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ quote: `quote ${i}`, source: 'article' }));
    const contexts = (n: number) =>
      loose(renderReply(reply({ sections: [{ text: 'x', citations: cite(n) }] }))[0] as SlackMessage).filter(
        (b) => b.type === 'context',
      );
    expect(contexts(L.contextElements).map((c) => c.elements?.length)).toEqual([10]);
    expect(contexts(L.contextElements + 1).map((c) => c.elements?.length)).toEqual([10, 1]);
  });

  it('fits 50 blocks in one message and moves the 51st to a second one', () => {
    const sections = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `point ${i}` }));
    const at = renderReply(reply({ sections: sections(49), shareable: false }));
    expect(at.map((m) => m.blocks.length)).toEqual([50]);
    const past = renderReply(reply({ sections: sections(50), shareable: false }));
    expect(past.map((m) => m.blocks.length)).toEqual([50, 1]);
  });

  it('keeps room for the share button on the last message', () => {
    const sections = Array.from({ length: 49 }, (_, i) => ({ text: `point ${i}` }));
    const messages = renderReply(reply({ sections }), { shareValue: 'abc' });
    expect(messages).toHaveLength(2);
    expect(hasShareButton(messages[0])).toBe(false);
    expect(hasShareButton(messages[1])).toBe(true);
    for (const m of messages) assertWithinLimits(m);
  });

  it('counts what JSON escaping adds: three sections of quotes and backslashes no longer fit one message', () => {
    // 2,000 characters each, 4,000 once serialised: 12,000 in all, past the limit, though the raw
    // text alone (6,000) would fit.
    const text = '"\\'.repeat(1000);
    const messages = renderReply(reply({ sections: [{ text }, { text }, { text }] }), { shareValue: 'abc' });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) assertWithinLimits(m);
    const shown = messages.flatMap((m) => loose(m).filter((b) => b.type === 'section'));
    expect(shown.map((b) => b.text?.text)).toEqual([text, text, text]);
  });

  it('splits long digests into several messages below ~13k characters each, each with a fallback', () => {
    const sections = Array.from({ length: 12 }, (_, i) => ({ heading: `Part ${i}`, text: words(560) }));
    const messages = renderReply(reply({ sections, tone: 'digest' }));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) assertWithinLimits(m);
    const all = messages.map((m) => visibleText({ blocks: m.blocks })).join('\n');
    for (let i = 0; i < 12; i++) expect(all).toContain(`Part ${i}`);
  });

  it('accepts a share value of exactly 2,000 characters and refuses one past it', () => {
    // `election%20` and the text: ASCII letters stay as they are.
    const atText = 'a'.repeat(L.buttonValue - 'election%20'.length);
    const at = encodeShare('election', atText);
    expect(at?.length).toBe(L.buttonValue);
    expect(decodeShare(at)).toEqual({ g: 'election', t: atText });
    expect(encodeShare('election', `${atText}a`)).toBeUndefined();
  });

  it('carries text mostly outside ASCII as base64url when percent-encoding would not fit', () => {
    const text = 'é'.repeat(400);
    const value = encodeShare('election', text) as string;
    expect(encodeURIComponent(`election ${text}`).length).toBeGreaterThan(L.buttonValue);
    expect(value.length).toBeLessThanOrEqual(L.buttonValue);
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeShare(value)).toEqual({ g: 'election', t: text });
  });

  it('keeps the words of a shared command opaque: no mention syntax survives in the value', () => {
    const value = encodeShare('election', 'ask <!channel> <@U123> & @here?') as string;
    expect(value).not.toMatch(/[<>&@]/);
    expect(decodeShare(value)).toEqual({ g: 'election', t: 'ask <!channel> <@U123> & @here?' });
  });

  it('still reads the base64url values of buttons posted before percent-encoding', () => {
    const old = Buffer.from('{"g":"election","t":"ask Did China pledge?"}').toString('base64url');
    expect(decodeShare(old)).toEqual({ g: 'election', t: 'ask Did China pledge?' });
  });

  it('rejects forged or garbled share values', () => {
    expect(decodeShare('not base64 json')).toBeUndefined();
    expect(decodeShare(Buffer.from('{"g":"../../x","t":"a"}').toString('base64url'))).toBeUndefined();
    expect(decodeShare('..%2F..%20ask')).toBeUndefined();
    expect(decodeShare('election%2Fask')).toBeUndefined();
    expect(decodeShare('election%20%E0%A4%A')).toBeUndefined();
    expect(decodeShare(`election%20${'a'.repeat(5_000)}`)).toBeUndefined();
    expect(decodeShare(undefined)).toBeUndefined();
  });
});

describe('Block Kit renderer, any reply (property)', () => {
  const mentionish = fc.constantFrom(
    '<!channel>',
    '<!here>',
    '<!everyone>',
    '<@U123>',
    '@everyone',
    '@here',
    '&',
    '<',
    '>',
    '<#C1|x>',
    '<!subteam^S1>',
  );
  const text = (max: number) =>
    fc
      .array(fc.oneof(fc.string({ maxLength: 40 }), mentionish, fc.constant('\n\n'), fc.constant('😀')), {
        maxLength: max,
      })
      .map((p) => p.join(' '));
  const dense = fc
    .array(fc.constantFrom('&', '<', '>', ' ', 'a', '\n'), { maxLength: 5_000 })
    .map((c) => c.join(''));
  const replyArb: fc.Arbitrary<Reply> = fc.record({
    title: text(60),
    sections: fc.array(
      fc.record({
        heading: fc.option(text(20), { nil: undefined }),
        // Dense escapable text: escaping can triple its length, which splitting must account for.
        text: fc.oneof(text(30), text(400), dense),
        citations: fc.option(
          fc.array(
            fc.record({
              quote: text(30),
              source: fc.constant('article'),
              attribution: fc.option(text(5), { nil: undefined }),
            }),
            { maxLength: 14 },
          ),
          { nil: undefined },
        ),
      }),
      { maxLength: 60 },
    ),
    footer: fc.option(text(20), { nil: undefined }),
    tone: fc.constantFrom('answer', 'usage', 'refusal', 'error', 'digest', 'notice'),
    shareable: fc.boolean(),
  });

  it('never throws, stays within every limit and never produces an active mention', () => {
    fc.assert(
      fc.property(replyArb, fc.option(fc.string({ maxLength: 300 }), { nil: undefined }), (r, share) => {
        const messages = renderReply(r, share === undefined ? {} : { shareValue: share });
        expect(messages.length).toBeGreaterThan(0);
        for (const m of messages) {
          assertWithinLimits(m);
          expect(
            activeMentions({ blocks: m.blocks.filter((b) => b.type !== 'actions'), text: m.text }),
          ).toEqual([]);
        }
        expect(blocksOf(messages[0])[0]?.type).toBe('header');
      }),
      { numRuns: 200 },
    );
  });
});

describe('Block Kit renderer, the direct path for plain answers', () => {
  // Answer-shaped replies sized around every limit the direct path checks, sometimes with a
  // character that needs escaping.
  const answerArb = answerReplies({
    texts: [exactly(L.sectionText)],
    titles: [exactly(L.headerText), exactly(L.headerText + 1), '  '],
    marked: ['&', '@here', '<b>', ' '],
  });
  const shareArb = fc.option(
    fc.oneof(
      fc.string({ maxLength: 100 }),
      fc.constantFrom('v'.repeat(L.buttonValue), 'v'.repeat(L.buttonValue + 1)),
    ),
    { nil: undefined },
  );

  it('given any answer it takes, then it renders byte for byte what the general path renders', () => {
    let taken = 0;
    fc.assert(
      fc.property(answerArb, shareArb, (r, share) => {
        const options = share === undefined ? {} : { shareValue: share };
        const direct = renderPlain(r, options);
        if (direct === undefined) return;
        taken += 1;
        expect(JSON.stringify(direct)).toBe(JSON.stringify(renderUnits(r, options)));
      }),
      { numRuns: 1500 },
    );
    // The path must actually be exercised (about a sixth of these replies take it), not skipped.
    expect(taken).toBeGreaterThan(150);
  });
});
