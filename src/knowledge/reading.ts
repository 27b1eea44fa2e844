/**
 * How one knowledge base reads a question's words. Everything a word means here (its term, whether
 * a source holds it, whether it names someone) is worked out the first time the word is seen and
 * kept, so reading a question costs one look-up per word.
 *
 * Why: in a running bot the lexicon and vocabulary tables have left the CPU caches by the time the
 * next question comes, and a look-up into a cold table costs about as much as the rest of the work
 * on that word. Asking each of them about each word made those look-ups most of an answer's time.
 */
import { type Token, termOf } from './analyzer.js';
import type { Lexicon } from './lexicon.js';

/** A token with what this knowledge base knows of its term. */
export interface Reading extends Token {
  /** The lexicon marks the term soft: it helps ranking but need not be in the answer. */
  soft: boolean;
  /** Some fact or sentence holds the term. */
  held: boolean;
  /** The term is a name or number of the sources. */
  entity: boolean;
  /** The word stays as typed when correcting typos: generic, held, soft, or part of a phrase. */
  known: boolean;
  /** Length of the longest lexicon phrase this word starts (0: none). */
  phraseStart: number;
}

export interface Reader {
  /** The reading of one lower-cased word. */
  word(word: string): Readonly<Reading>;
  /** Tokens of already tokenised words, phrases joined as the analyser joins them (`analyze`). */
  read(words: readonly string[]): Readonly<Reading>[];
}

/** Bounds each memo against a flood of random words. */
const MEMO_LIMIT = 50_000;

export function createReader(lexicon: Lexicon, vocabulary: Set<string>, entities: Set<string>): Reader {
  const words = new Map<string, Readonly<Reading>>();
  const phrases = new Map<string, Readonly<Reading>>();

  // Every reading is built here, so all have one shape and the code reading them stays fast.
  const reading = (token: Readonly<Token>, known: boolean, phraseStart: number): Readonly<Reading> => ({
    raw: token.raw,
    term: token.term,
    generic: token.generic,
    soft: lexicon.soft.has(token.term),
    held: vocabulary.has(token.term),
    entity: entities.has(token.term),
    known,
    phraseStart,
  });

  const word = (w: string): Readonly<Reading> => {
    const kept = words.get(w);
    if (kept !== undefined) return kept;
    const token = termOf(w, lexicon);
    const known =
      token.generic ||
      vocabulary.has(token.term) ||
      lexicon.soft.has(token.term) ||
      lexicon.phraseWords.has(w);
    const made = reading(token, known, lexicon.phraseStarts.get(w) ?? 0);
    if (words.size >= MEMO_LIMIT) words.clear();
    words.set(w, made);
    return made;
  };

  const phrase = (raw: string, canonical: string): Readonly<Reading> => {
    const kept = phrases.get(raw);
    if (kept !== undefined) return kept;
    const made = reading({ raw, term: canonical.replaceAll(' ', '_'), generic: false }, true, 0);
    if (phrases.size >= MEMO_LIMIT) phrases.clear();
    phrases.set(raw, made);
    return made;
  };

  const read = (list: readonly string[]): Readonly<Reading>[] => {
    const out: Readonly<Reading>[] = [];
    let i = 0;
    while (i < list.length) {
      const first = word(list[i] as string);
      let joined: Readonly<Reading> | undefined;
      let n = Math.min(first.phraseStart, list.length - i);
      for (; n > 1; n--) {
        const raw = list.slice(i, i + n).join(' ');
        const canonical = lexicon.phrases.get(raw);
        if (canonical !== undefined) {
          joined = phrase(raw, canonical);
          break;
        }
      }
      if (joined !== undefined) {
        out.push(joined);
        i += n;
      } else {
        out.push(first);
        i += 1;
      }
    }
    return out;
  };

  return { word, read };
}
