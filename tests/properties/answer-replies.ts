/**
 * Answer-shaped replies for the renderers' direct paths: a title, one section and its quotes, now
 * and then a heading, a footer or a second section, with texts sized around a platform's limits.
 * Each renderer test supplies its own edge texts; whatever the direct path takes, it must render
 * exactly as the general path does.
 */
import fc from 'fast-check';
import type { Reply } from '../../src/commands/reply.js';

export interface AnswerEdges {
  /** Section and quote texts at and past the platform's limits. */
  texts: string[];
  /** Titles at and past the platform's limits. */
  titles: string[];
  /** Short texts the platform must escape or neutralise. */
  marked: string[];
}

/** Mostly absent, sometimes the value. */
export const rarely = <T>(value: T): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: fc.constant(value), weight: 1 });

const plainWords = (max: number, min = 0) =>
  fc
    .array(fc.constantFrom('xi', 'assured', 'biden', '2024', 'balloon', '—', '“', 'a.', 'b,'), {
      minLength: min,
      maxLength: max,
    })
    .map((w) => w.join(' '));

export function answerReplies(edges: AnswerEdges): fc.Arbitrary<Reply> {
  const sized = (max: number) =>
    fc.oneof(
      { arbitrary: plainWords(max, 1), weight: 8 },
      { arbitrary: fc.constantFrom(...edges.texts), weight: 1 },
      { arbitrary: fc.constantFrom(...edges.marked), weight: 1 },
    );
  const section = fc.record({
    heading: rarely('Heading'),
    text: sized(300),
    citations: fc.option(
      fc.array(
        fc.record({
          quote: sized(60),
          source: fc.constant('article'),
          attribution: fc.option(fc.constantFrom('our reporting', 'U.S. officials', ''), { nil: undefined }),
        }),
        { maxLength: 12 },
      ),
      { nil: undefined },
    ),
  });
  return fc.record({
    title: fc.oneof(
      { arbitrary: plainWords(12, 1), weight: 8 },
      { arbitrary: fc.constantFrom(...edges.titles), weight: 1 },
    ),
    sections: fc.oneof(
      { arbitrary: fc.tuple(section), weight: 8 },
      { arbitrary: fc.tuple(section, section), weight: 1 },
    ),
    footer: rarely('As of today'),
    tone: fc.constantFrom('answer', 'notice', 'digest'),
    shareable: fc.boolean(),
  });
}
