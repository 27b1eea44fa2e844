import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DiscordMessage,
  renderEmbeds,
  renderPlain,
  renderReply,
} from '../../../src/bots/discord/render.js';
import type { Reply } from '../../../src/commands/reply.js';
import { answerReplies, rarely } from '../../properties/answer-replies.js';
import { expectDiscordMessages } from '../../properties/platform-checks.js';

const visibleText = (messages: DiscordMessage[]) =>
  messages
    .flatMap((m) => m.embeds)
    .map((e) =>
      [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join(
        '\n',
      ),
    )
    .join('\n');

describe('rendering replies as Discord embeds', () => {
  it('shows the title, headed sections, quotes and footer of a short answer in one message', () => {
    const reply: Reply = {
      title: 'The balloon',
      sections: [
        {
          heading: 'What happened',
          text: 'A balloon crossed the country.',
          citations: [{ quote: 'a surveillance balloon', source: 'article', attribution: 'U.S. officials' }],
        },
      ],
      footer: 'As of 2026-11-25',
      tone: 'answer',
      shareable: true,
    };
    const [message, ...rest] = renderReply(reply);
    expect(rest).toHaveLength(0);
    expect(message?.embeds[0]?.title).toBe('The balloon');
    expect(message?.embeds[0]?.fields?.[0]?.name).toBe('What happened');
    expect(message?.embeds[0]?.fields?.[0]?.value).toContain(
      '“a surveillance balloon” (U.S. officials) — article',
    );
    expect(message?.embeds.at(-1)?.footer?.text).toBe('As of 2026-11-25');
  });

  it('splits a long digest into several messages without losing any paragraph', () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Point ${i}: ${'detail '.repeat(60)}end${i}.`);
    const reply: Reply = {
      title: 'Digest',
      sections: paragraphs.map((text) => ({ text })),
      tone: 'digest',
      shareable: false,
    };
    const messages = renderReply(reply);
    expect(messages.length).toBeGreaterThan(1);
    expectDiscordMessages(messages);
    const all = visibleText(messages);
    for (let i = 0; i < 40; i += 1) expect(all).toContain(`end${i}.`);
  });

  it('turns 30 short headed sections into fields across embeds of at most 25 fields', () => {
    const reply: Reply = {
      title: 'Many',
      sections: Array.from({ length: 30 }, (_, i) => ({ heading: `H${i}`, text: `t${i}` })),
      tone: 'answer',
      shareable: true,
    };
    const messages = renderReply(reply);
    expectDiscordMessages(messages);
    expect(messages.flatMap((m) => m.embeds).flatMap((e) => e.fields ?? [])).toHaveLength(30);
  });

  it('neutralises @everyone and user mentions in text it did not write', () => {
    const reply: Reply = {
      title: '@everyone look',
      sections: [{ text: 'hi <@123> and @here' }],
      tone: 'answer',
      shareable: false,
    };
    const text = visibleText(renderReply(reply));
    expect(text).not.toMatch(/(^|[^\u200B])@everyone|<@123>|(^|[^\u200B])@here/);
  });

  it('any reply renders into messages within every limit, pinging nobody, without throwing', () => {
    const str = (max: number) => fc.string({ maxLength: max, unit: 'grapheme-composite' });
    const citation = fc.record({
      quote: str(600),
      source: str(30),
      attribution: fc.option(str(100), { nil: undefined }),
    });
    const section = fc.record({
      heading: fc.option(str(400), { nil: undefined }),
      text: fc.oneof(str(200), str(5000)),
      citations: fc.option(fc.array(citation, { maxLength: 4 }), { nil: undefined }),
    });
    const reply = fc.record({
      title: str(400),
      sections: fc.array(section, { maxLength: 40 }),
      footer: fc.option(str(3000), { nil: undefined }),
      tone: fc.constantFrom('answer', 'usage', 'refusal', 'error', 'digest', 'notice' as const),
      shareable: fc.boolean(),
    });
    fc.assert(
      fc.property(reply, (r) => {
        expectDiscordMessages(renderReply(r as Reply, { sharedBy: 'someone' }));
      }),
      { numRuns: 150 },
    );
  });
});

describe('rendering answers directly', () => {
  // Answer-shaped replies sized around every limit the direct path checks, sometimes with a
  // character a mention starts with.
  const long = (n: number) => 'w'.repeat(n);
  const answerArb = answerReplies({
    texts: [long(4096), long(4097), long(5800), ''],
    titles: [long(256), long(257), '', '@everyone'],
    marked: ['@here', '<@1>', 'a@b'],
  });
  const optionsArb = fc.oneof(rarely(''), rarely('Ana'));

  it('given any answer it takes, then it renders byte for byte what the general path renders', () => {
    let taken = 0;
    fc.assert(
      fc.property(answerArb, optionsArb, (r, sharedBy) => {
        const options = sharedBy === undefined ? {} : { sharedBy };
        const direct = renderPlain(r, options);
        if (direct === undefined) return;
        taken += 1;
        expect(JSON.stringify(direct)).toBe(JSON.stringify(renderEmbeds(r, options)));
      }),
      { numRuns: 1500 },
    );
    // The path must actually be exercised (about a third of these replies take it), not skipped.
    expect(taken).toBeGreaterThan(200);
  });
});
