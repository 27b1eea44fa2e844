/** Turns text into canonical terms: the same pipeline at index time and at question time. */
import { stemmer } from 'stemmer';
import { type Lexicon, rawTokens } from './lexicon.js';

export interface Token {
  /** The word (or phrase) as typed, lower-cased. */
  raw: string;
  /** Canonical term: a synonym group's canonical form, else the stem. Spaces become underscores. */
  term: string;
  /** Carries no subject of its own (function word, question filler). */
  generic: boolean;
}

/**
 * Words repeat from question to question, and stemming and lexicon look-ups are most of the work of
 * reading one: each word is worked out once per lexicon. Capped so that a flood of random words
 * cannot grow it without bound.
 */
const MEMO_LIMIT = 50_000;
const memos = new WeakMap<Lexicon, Map<string, Readonly<Token>>>();

function lookUp(word: string, lexicon: Lexicon): Token {
  const mapped =
    lexicon.words.get(word) ?? (lexicon.generic.has(word) ? undefined : lexicon.stems.get(stemmer(word)));
  if (mapped !== undefined) return { raw: word, term: mapped.replaceAll(' ', '_'), generic: false };
  const stem = stemmer(word);
  const generic = lexicon.generic.has(word) || lexicon.genericStems.has(stem);
  return { raw: word, term: stem, generic };
}

/** The memo last used: one lexicon serves a whole process, so this spares the WeakMap look-up. */
let last: { lexicon: Lexicon; memo: Map<string, Readonly<Token>> } | undefined;

function memoFor(lexicon: Lexicon): Map<string, Readonly<Token>> {
  if (last?.lexicon === lexicon) return last.memo;
  let memo = memos.get(lexicon);
  if (memo === undefined) {
    memo = new Map();
    memos.set(lexicon, memo);
  }
  last = { lexicon, memo };
  return memo;
}

export function termOf(word: string, lexicon: Lexicon): Readonly<Token> {
  const memo = memoFor(lexicon);
  const known = memo.get(word);
  if (known !== undefined) return known;
  const token = lookUp(word, lexicon);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, token);
  return token;
}

export function analyze(text: string, lexicon: Lexicon): Readonly<Token>[] {
  const words = rawTokens(text);
  const tokens: Readonly<Token>[] = [];
  let i = 0;
  while (i < words.length) {
    const longest = lexicon.phraseStarts.get(words[i] as string) ?? 0;
    let matched = false;
    for (let n = Math.min(longest, words.length - i); n > 1; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const canonical = lexicon.phrases.get(phrase);
      if (canonical !== undefined) {
        tokens.push({ raw: phrase, term: canonical.replaceAll(' ', '_'), generic: false });
        i += n;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    tokens.push(termOf(words[i] as string, lexicon));
    i += 1;
  }
  return tokens;
}

/** The subject-bearing terms of a text, as indexed. */
export function contentTerms(text: string, lexicon: Lexicon): string[] {
  return analyze(text, lexicon)
    .filter((t) => !t.generic)
    .map((t) => t.term);
}
