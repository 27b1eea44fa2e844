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
  /**
   * Which query terms the document holds: bit i for `terms[i]` (the first 31 terms). Known from the
   * postings added up anyway, so checking a candidate for a term needs no look-up in its own set.
   */
  held: number;
}

/** Query terms past this many get no bit in `held`. */
export const HELD_BITS = 31;

/**
 * One term's hits, each as its document's indexing position then its score, side by side in one
 * array: adding them up needs no map, and reading them touches one block of memory, not an object
 * per hit.
 */
type Postings = Float64Array;

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
): (terms: readonly string[], limit?: number) => TermHit<D>[] {
  const position = new Map(indexed.map((d, i) => [d.key, i]));
  const docAt = indexed.map((d) => docs.get(d.key) as D);
  const memo = new Map<string, Postings>();
  const hitsOf = (term: string): Postings => {
    const known = memo.get(term);
    if (known !== undefined) return known;
    const rank = (r: { id: string; match: Record<string, string[]> }): number =>
      (r.match[term]?.includes('main') ? 0 : indexed.length) + (position.get(r.id) ?? 0);
    const ranked = mini
      .search(term)
      .map((r) => ({ id: r.id as string, match: r.match, score: r.score }))
      .sort((a, b) => rank(a) - rank(b));
    const hits: Postings = new Float64Array(2 * ranked.length);
    ranked.forEach((r, i) => {
      hits[2 * i] = position.get(r.id) as number;
      hits[2 * i + 1] = r.score;
    });
    // Terms come from the lexicon and the sources; a word no document holds finds nothing to keep.
    if (hits.length > 0 || memo.size < 10_000) memo.set(term, hits);
    return hits;
  };
  // Running totals by position, reset after each query: a search is synchronous, so they are never
  // shared. `order` holds the positions hit, first hit first.
  const scores = new Float64Array(indexed.length);
  const matched = new Int32Array(indexed.length);
  const held = new Int32Array(indexed.length);
  const order = new Int32Array(indexed.length);
  return (terms, limit = indexed.length) => {
    let touched = 0;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] as string;
      // A repeated term adds its score again but is one matched term, as in MiniSearch.
      const repeated = terms.indexOf(term) < i;
      const bit = i < HELD_BITS ? 1 << i : 0;
      const hits = hitsOf(term);
      for (let h = 0; h < hits.length; h += 2) {
        const at = hits[h] as number;
        const score = hits[h + 1] as number;
        held[at] = (held[at] as number) | bit;
        if (matched[at] === 0) {
          order[touched++] = at;
          scores[at] = score;
          matched[at] = 1;
        } else {
          (scores[at] as number) += score;
          if (!repeated) (matched[at] as number) += 1;
        }
      }
    }
    for (let i = 0; i < touched; i++) {
      const at = order[i] as number;
      scores[at] = (scores[at] as number) * (matched[at] as number);
      matched[at] = 0;
    }
    const found: TermHit<D>[] = [];
    for (const at of best(order, touched, scores, Math.min(limit, touched)))
      found.push({ doc: docAt[at] as D, score: scores[at] as number, held: held[at] as number });
    for (let i = 0; i < touched; i++) held[order[i] as number] = 0;
    return found;
  };
}

/**
 * The `k` best of the first `n` positions in `order`, best first; equal scores keep their order in
 * `order` (as a stable sort would). Kept by insertion when `k` is small, as it is for every question
 * (a few dozen hits, the best 20 wanted): no comparator calls, no copy of every hit.
 */
function best(order: Int32Array, n: number, scores: Float64Array, k: number): number[] {
  if (k === 0) return [];
  if (k > 64) {
    return Array.from(order.subarray(0, n))
      .sort((a, b) => (scores[b] as number) - (scores[a] as number))
      .slice(0, k);
  }
  const top: number[] = [];
  for (let i = 0; i < n; i++) {
    const at = order[i] as number;
    const score = scores[at] as number;
    if (top.length === k && (scores[top[k - 1] as number] as number) >= score) continue;
    // After every kept position scoring at least as much: equal scores stay in first-hit order.
    // Shifted by hand: splice is a general-purpose built-in, costly for a one-slot move.
    let j = top.length;
    if (j < k) top.push(at);
    while (j > 0 && (scores[top[j - 1] as number] as number) < score) {
      if (j < k) top[j] = top[j - 1] as number;
      j--;
    }
    if (j < k) top[j] = at;
  }
  return top;
}
