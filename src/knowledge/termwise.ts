/**
 * MiniSearch, asked one term at a time and remembered. Questions share most of their terms, and an
 * OR query's score is the sum of its terms' scores times the number of terms matched, so each term's
 * hits are scored once by MiniSearch and then only added up. The order of equal scores is
 * MiniSearch's own: documents holding the first term (in the main field, then in the extra one, each
 * in indexing order), then those the next term adds.
 */
import MiniSearch from 'minisearch';

/** A document as indexed: canonical terms, space-separated; `main` (claim and quotes) counts double. */
export interface Indexed {
  key: string;
  main: string;
  extra: string;
}

interface TermHit<D> {
  doc: D;
  score: number;
}

const splitTerms = (text: string): string[] => text.split(' ').filter(Boolean);

/** Terms arrive already canonical: MiniSearch only splits them. */
export function createIndex(indexed: Indexed[]): MiniSearch<Indexed> {
  const mini = new MiniSearch<Indexed>({
    idField: 'key',
    fields: ['main', 'extra'],
    tokenize: splitTerms,
    processTerm: (t) => t,
    searchOptions: { boost: { main: 2 }, combineWith: 'OR', tokenize: splitTerms, processTerm: (t) => t },
  });
  mini.addAll(indexed);
  return mini;
}

export function termwise<D>(
  mini: MiniSearch<Indexed>,
  indexed: Indexed[],
  docs: Map<string, D>,
): (terms: string[]) => TermHit<D>[] {
  const position = new Map(indexed.map((d, i) => [d.key, i]));
  const memo = new Map<string, TermHit<D>[]>();
  const hitsOf = (term: string): TermHit<D>[] => {
    const known = memo.get(term);
    if (known !== undefined) return known;
    const rank = (r: { id: string; match: Record<string, string[]> }): number =>
      (r.match[term]?.includes('main') ? 0 : indexed.length) + (position.get(r.id) ?? 0);
    const hits = mini
      .search(term)
      .map((r) => ({ id: r.id as string, match: r.match, score: r.score }))
      .sort((a, b) => rank(a) - rank(b))
      .map((r) => ({ doc: docs.get(r.id) as D, score: r.score }));
    // Terms come from the lexicon and the sources; a word no document holds finds nothing to keep.
    if (hits.length > 0 || memo.size < 10_000) memo.set(term, hits);
    return hits;
  };
  return (terms) => {
    const combined = new Map<D, { score: number; matched: number }>();
    terms.forEach((term, i) => {
      // A repeated term adds its score again but is one matched term, as in MiniSearch.
      const repeated = terms.indexOf(term) < i;
      for (const { doc, score } of hitsOf(term)) {
        const seen = combined.get(doc);
        if (seen === undefined) combined.set(doc, { score, matched: 1 });
        else {
          seen.score += score;
          if (!repeated) seen.matched += 1;
        }
      }
    });
    return [...combined]
      .map(([doc, c]) => ({ doc, score: c.score * c.matched }))
      .sort((a, b) => b.score - a.score);
  };
}
