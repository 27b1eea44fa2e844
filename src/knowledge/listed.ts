/**
 * Things a fact only names as items of a list ("topics, including fentanyl and military
 * communications"). Such a fact shows the thing came up; it says nothing about what it is, so it
 * cannot answer "what are the military communications channels?".
 */
import { contentTerms } from './analyzer.js';
import type { Lexicon } from './lexicon.js';

/** An enumeration runs from its opening word to the end of the clause. */
const LIST = /\b(?:including|such as)\b([^.;:,]*)/gi;

/** Terms the texts hold only inside enumerations. */
export function listedOnly(texts: readonly string[], lexicon: Lexicon): Set<string> {
  const inLists = new Set<string>();
  const outside = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(LIST)) for (const t of contentTerms(m[1] ?? '', lexicon)) inLists.add(t);
    for (const t of contentTerms(text.replace(LIST, ' '), lexicon)) outside.add(t);
  }
  return new Set([...inLists].filter((t) => !outside.has(t)));
}

/**
 * "What are the military communications channels?", "what is fentanyl?": a question asking what
 * something is, with nothing but the thing itself after the verb.
 */
const DEFINITION =
  /^\s*(?:so,? |and )?(?:what|which)(?: exactly| precisely)? (?:is|are|was|were) (?:the |a |an |these |those )?(?:exact |specific )?[^?]*?\??\s*$/i;

/** Words that turn "what is X …" into a question about something else than what X is. */
const NOT_DEFINITION =
  /\b(?:about|with|for|of|from|on|to|by|that|which|who|did|does|do|has|have|had|said|says|discussed|raised|agreed|promised)\b/i;

export function asksWhatItIs(question: string): boolean {
  if (!DEFINITION.test(question)) return false;
  const rest = question.replace(
    /^\s*(?:so,? |and )?(?:what|which)(?: exactly| precisely)? (?:is|are|was|were) /i,
    '',
  );
  return !NOT_DEFINITION.test(rest);
}
