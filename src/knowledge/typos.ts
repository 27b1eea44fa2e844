/** Typo tolerance: maps an unknown word to the nearest word our vocabulary knows. */
import SearchableMap from 'minisearch/SearchableMap';

export interface Corrector {
  correct(word: string): string | undefined;
}

function transpositions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return out;
}

/** Bounds the memo against a flood of random words. */
const MEMO_LIMIT = 20_000;

/**
 * `content` words (from sources and synonym groups) may be reached by one edit (two for long words);
 * `generic` words only by swapping two letters ("waht"), so that an unknown subject ("game") is
 * never silently turned into a filler word ("same") and answered.
 */
export function createCorrector(content: Iterable<string>, generic: Iterable<string>): Corrector {
  const map = new SearchableMap<'content' | 'generic'>();
  for (const w of generic) map.set(w, 'generic');
  for (const w of content) map.set(w, 'content');
  // The same misspellings come back question after question; a search is worked out once per word.
  const memo = new Map<string, string | undefined>();
  const correct = (word: string): string | undefined => {
    if (word.length < 4 || /\d/.test(word)) return undefined;
    const swapped = transpositions(word).filter((w) => map.has(w));
    const best = swapped.find((w) => map.get(w) === 'content') ?? swapped[0];
    if (best !== undefined) return best;
    const maxDistance = word.length >= 9 ? 2 : 1;
    let found: { word: string; distance: number } | undefined;
    for (const [candidate, [kind, distance]] of map.fuzzyGet(word, maxDistance)) {
      if (kind !== 'content') continue;
      // A four-letter word is only a typo when a letter went missing ("meda"): "shot" is not "show".
      if (word.length === 4 && candidate.length <= word.length) continue;
      // Two letters past a known word is another word ("director" is not "direct"), not a typo.
      if (distance > 1 && (word.startsWith(candidate) || candidate[0] !== word[0])) continue;
      if (!found || distance < found.distance || (distance === found.distance && candidate < found.word)) {
        found = { word: candidate, distance };
      }
    }
    return found?.word;
  };
  return {
    correct(word) {
      if (memo.has(word)) return memo.get(word);
      const fixed = correct(word);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(word, fixed);
      return fixed;
    },
  };
}
