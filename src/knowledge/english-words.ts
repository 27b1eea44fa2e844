/**
 * The English dictionary (word-list, ~274,000 words), loaded once (~0.1 s): a word in it is a real
 * word, not a typo, so typo correction must leave it alone ("wear" is not "swear", "pilot" is not
 * "plot"); it stays unknown and the unknown-word rules decide.
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let words: Set<string> | undefined;

export function loadEnglishWords(): Set<string> {
  words ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return words;
}

export function isEnglishWord(word: string): boolean {
  return loadEnglishWords().has(word);
}
