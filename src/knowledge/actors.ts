/**
 * Who a question says acted, and towards whom. "What did Xi say…", "how did China respond…",
 * "when did Russia promise…", "did China pledge…": the grammatical subject said, answered or
 * committed to something, and only a fact naming it as the actor reports that. A reaction the
 * reporting never attributes to anyone is a false premise, not a question about the accusation.
 */
import { rawTokens } from './lexicon.js';
import type { Retrieval } from './retrieval.js';

const COMMIT = 'promise|promised|pledge|pledged|assure|assured|guarantee|guaranteed|vow|vowed|tell|told';
const VERBS =
  'say|said|state|stated|claim|claimed|think|thinks|respond|responded|react|reacted|reply|replied|' +
  `answer|answered|do|done|admit|admitted|deny|denied|accuse|accused|announce|announced|${COMMIT}`;

/**
 * The subject holds no possessive or article of its own: "has China repeated its promise" is no vow,
 * and a verb right after a possessive is a noun ("how do officials regard China's promise?").
 */
const SUBJECT = '((?:(?!\\b(?:its|his|her|their|our|a|an)\\b)[^?])+?)';
const SPEECH = new RegExp(
  `(?:\\b(?:what|how|when|where) |^)(?:did|does|do|has|have|had|will|would) ${SUBJECT} (?<!['’]s )(?:${VERBS})\\b`,
  'i',
);

const AUXILIARIES = ['did ', 'does ', 'do ', 'has ', 'have ', 'had ', 'will ', 'would '];

function hasAuxiliary(lower: string): boolean {
  for (const w of AUXILIARIES) if (lower.includes(w)) return true;
  return false;
}

/** "Why did Xi agree…?" asks for Xi's motive: only a fact whose actor is Xi can give it. */
const MOTIVE = /\bwhy (?:did|would|had) (.+)$/i;

/** "…promise President Biden…", "…assure the US…": capitalised words right after the verb. */
const RECIPIENT = new RegExp(`\\b(?:${COMMIT}) ((?:the )?[A-Z][\\w.'-]*(?: [A-Z][\\w.'-]*)*)`);

/**
 * The names a phrase opens with, past fillers ("the", "President"): "Biden about the 2024 election"
 * names Biden alone, "Xi and Biden" both.
 */
function leadingNames(text: string, retrieval: Retrieval): string[] {
  const names: string[] = [];
  for (const t of retrieval.reader.read(rawTokens(text))) {
    if (t.entity) names.push(t.term);
    else if (!t.generic || (names.length > 0 && t.raw !== 'and')) break;
  }
  return names;
}

export interface Actors {
  /** Named speaker of "what did Xi say…", or actor of "why did Xi…". */
  speaker: string[];
  /** "What did Sullivan promise Xi?" names Xi as the one promised: a fact must say so. */
  recipient: string[];
}

/**
 * Speaker and recipient from one reading of the question (the speech pattern is the costly part);
 * `lower` is the question lower-cased.
 */
export function actorsOf(question: string, lower: string, retrieval: Retrieval): Actors {
  // Both patterns need an auxiliary verb; most questions without one skip them.
  const named = hasAuxiliary(lower) ? SPEECH.exec(question)?.[1] : undefined;
  if (named === undefined) {
    const acting = lower.includes('why ') ? MOTIVE.exec(question)?.[1] : undefined;
    return { speaker: acting === undefined ? [] : leadingNames(acting, retrieval), recipient: [] };
  }
  const speaker: string[] = [];
  for (const t of retrieval.reader.read(rawTokens(named))) if (t.entity) speaker.push(t.term);
  const after = RECIPIENT.exec(question)?.[1];
  return { speaker, recipient: after === undefined ? [] : leadingNames(after, retrieval) };
}
