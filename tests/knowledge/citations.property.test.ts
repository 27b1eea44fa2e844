import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { articleText } from './helpers.js';

const knowledge = loadKnowledge();
const article = articleText();
const words = article.match(/[A-Za-z0-9'.-]+/g) ?? [];
const fillers = [
  'what',
  'who',
  'when',
  'why',
  'did',
  'is',
  'the',
  'about',
  'say',
  'how',
  'does',
  'pizza',
  'troops',
];

/** Questions built from the article's own words, fillers and typos, so many of them get answered. */
const typo = (w: string) =>
  fc.nat({ max: Math.max(0, w.length - 2) }).map((i) => (w.length > 3 ? w.slice(0, i) + w.slice(i + 1) : w));
const word = fc.oneof(
  fc.constantFrom(...words),
  fc.constantFrom(...fillers),
  fc.constantFrom(...words).chain(typo),
);
const question = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 9 }).map((ws) => `${ws.join(' ')}?`),
  fc.string({ maxLength: 60 }),
);

describe('citations', () => {
  it('every citation quote in every answer is an exact substring of its source', () => {
    let answered = 0;
    fc.assert(
      fc.property(question, (q) => {
        const answer = knowledge.ask(q);
        if (answer.answered) answered++;
        expect(answer.text.length).toBeGreaterThan(0);
        if (!answer.answered) expect(answer.citations).toEqual([]);
        else expect(answer.citations.length).toBeGreaterThan(0);
        for (const c of answer.citations) {
          expect(c.source).toBe('article');
          expect(article.includes(c.quote)).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
    // The property is only meaningful if a good share of the generated questions were answered.
    expect(answered).toBeGreaterThan(100);
  });
});
