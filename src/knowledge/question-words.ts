/**
 * The question's words as this knowledge base reads them: unknown words in their dictionary form,
 * adverbs as their adjectives, typos fixed, then tokens with the lexicon's phrases joined.
 */
import { isEnglishWord } from './english-words.js';
import { rawTokens } from './lexicon.js';
import type { Reading } from './reading.js';
import type { Retrieval } from './retrieval.js';
import { tagWords } from './tagger.js';

const ADVERB_RULES: [RegExp, string][] = [
  [/ily$/, 'y'],
  [/ally$/, 'al'],
  [/ably$/, 'able'],
  [/ly$/, ''],
];

/** "militarily" → military, "secretly" → secret: an adverb says what its adjective says. */
function adjectiveOf(word: string): string | undefined {
  if (word.length <= 5) return undefined;
  for (const [suffix, replacement] of ADVERB_RULES)
    if (suffix.test(word)) return word.replace(suffix, replacement);
  return undefined;
}

/** A word the sources, the lexicon or the fillers know, so it stays as typed. */
const isKnown = (word: string, retrieval: Retrieval): boolean => retrieval.reader.word(word).known;

/** The tokens of a piece of text, read by this knowledge base (as `analyze` would tokenise it). */
export const readText = (text: string, retrieval: Retrieval): Readonly<Reading>[] =>
  retrieval.reader.read(rawTokens(text));

/** Dictionary forms of the question's words as the tagger read them ("sought" → seek). */
function lemmasOf(question: string): Map<string, string> {
  const lemmas = new Map<string, string>();
  for (const t of tagWords(question)) lemmas.set(t.word.replace(/'/g, ''), t.lemma);
  return lemmas;
}

/** The question with its typos fixed; `words` are its tokens when fixing changed none of them. */
export interface Corrected {
  text: string;
  words: string[] | undefined;
}

/**
 * An unknown word is read in its dictionary form when that form is known ("publicised" → publicize,
 * "sought" → seek); otherwise a word no dictionary lists is a typo, fixed word by word before phrases
 * are matched, so "long gmae" still reads "long game" while "wear" never becomes "swear".
 */
export function corrected(question: string, retrieval: Retrieval): Corrected {
  const words = rawTokens(question);
  let changed = false;
  // Tagging is the costly part, and most questions hold only known words: tag on the first unknown one.
  let lemmas: Map<string, string> | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (isKnown(word, retrieval)) continue;
    changed = true;
    lemmas ??= lemmasOf(question);
    const lemma = lemmas.get(word);
    if (lemma !== undefined && lemma !== word && /^[a-z]+$/.test(lemma) && isKnown(lemma, retrieval)) {
      words[i] = lemma;
      continue;
    }
    const base = adjectiveOf(word);
    if (base !== undefined && isKnown(base, retrieval)) words[i] = base;
    else if (!isEnglishWord(word)) words[i] = retrieval.corrector.correct(word) ?? word;
  }
  return { text: words.join(' '), words: changed ? undefined : words };
}

/**
 * Tokens of the corrected question. When no word changed, its tokens are read as they are: the text
 * would tokenise back to them unless it holds a word that tokenising rewrites (normalise).
 */
export function tokensOf(fixed: Corrected, retrieval: Retrieval): Readonly<Reading>[] {
  const { text, words } = fixed;
  if (words !== undefined && !REWRITTEN.test(text)) return retrieval.reader.read(words);
  return readText(text, retrieval);
}

/** Words `normalise` rewrites even in text it has already normalised. */
const REWRITTEN = /weight|called|apart/;
