/**
 * The search remembers each term's hits and adds them up; it must rank exactly as MiniSearch's own
 * OR query over the same index would, ties included, or answers would drift with the cache.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIndex, type Indexed, termwise } from '../../src/knowledge/termwise.js';

const WORDS = ['xi', 'biden', 'balloon', 'china', 'russia', 'pledg', 'elect', 'weekend', 'cyber', 'zzz'];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(' '));

describe('term-wise search', () => {
  it('given any documents and any query terms, then it ranks as MiniSearch does, scores and ties alike', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ main: text, extra: text }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }), { maxLength: 6 }),
        (raw, queries) => {
          const indexed: Indexed[] = raw.map((d, i) => ({ key: `d${i}`, ...d }));
          const mini = createIndex(indexed);
          const search = termwise(mini, indexed, new Map(indexed.map((d) => [d.key, d.key])));
          // Asked twice, so the second round comes from memory.
          for (const terms of [...queries, ...queries]) {
            const expected = mini.search(terms.join(' ')).map((r) => [r.id, r.score]);
            expect(search(terms).map((h) => [h.doc, h.score])).toEqual(expected);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('given a limit, then it returns exactly the best that many of the full ranking, ties in order', () => {
    fc.assert(
      fc.property(
        // Up to 90 documents, so that both ways of keeping the best (few and many) are exercised.
        fc.array(fc.record({ main: text, extra: text }), { minLength: 1, maxLength: 90 }),
        fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 100 }),
        (raw, terms, limit) => {
          const indexed: Indexed[] = raw.map((d, i) => ({ key: `d${i}`, ...d }));
          const mini = createIndex(indexed);
          const search = termwise(mini, indexed, new Map(indexed.map((d) => [d.key, d.key])));
          const expected = mini
            .search(terms.join(' '))
            .slice(0, limit)
            .map((r) => [r.id, r.score]);
          expect(search(terms, limit).map((h) => [h.doc, h.score])).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('given any query, then each hit marks exactly the query terms its document holds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ main: text, extra: text }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }),
        (raw, terms) => {
          const indexed: Indexed[] = raw.map((d, i) => ({ key: `d${i}`, ...d }));
          const search = termwise(createIndex(indexed), indexed, new Map(indexed.map((d) => [d.key, d])));
          for (const hit of search(terms)) {
            const holds = new Set(`${hit.doc.main} ${hit.doc.extra}`.split(' '));
            const expected = terms.reduce((bits, t, i) => (holds.has(t) ? bits | (1 << i) : bits), 0);
            expect(hit.held).toBe(expected);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
