/** Decides which retrieved fact or sentence (if any) truly answers the question. */

import { contentTerms } from './analyzer.js';
import type { QuestionType, Understood } from './question.js';
import type { Doc, Hit, Retrieval } from './retrieval.js';
import type { Fact } from './schema.js';

/** How many candidates to check for coverage: the index returns them best first. */
const CANDIDATES = 20;

/**
 * A document answers only if it contains every required term. Long questions may leave out one
 * non-name term (staff pad questions with words the reporting phrases differently), never a name.
 */
export function covers(doc: Doc, understood: Understood, entities: Set<string>): boolean {
  const missing = understood.required.filter((t) => !doc.terms.has(t));
  if (missing.length === 0) return true;
  return understood.required.length >= 4 && missing.length === 1 && !entities.has(missing[0] as string);
}

const TIME =
  /\b(january|february|march|april|may|june|july|august|september|october|november|december|week|weekend|month|months|year|years|yesterday|today|since|ago|\d{4})\b/i;
const REASON = /\b(because|due to|as a result|since|given|consequently|so that|as it)\b/i;
const PLACE =
  /\b(in|over|at|near) (the )?(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]+/;
const COUNT = /\b(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)?\b/;

/** Some question types need a specific kind of content: a "when" needs a time the source gives. */
function suits(doc: Doc, type: QuestionType, question: string): boolean {
  if (doc.kind === 'fact') return factSuits(doc.fact, type, question);
  const text = doc.sentence.text;
  if (type === 'when') return TIME.test(text) && (!FUTURE_QUESTION.test(question) || FUTURE_TIME.test(text));
  if (type === 'why') return REASON.test(text);
  if (type === 'where') return PLACE.test(text.slice(1));
  if (type === 'quantity') return COUNT.test(text);
  return true;
}

/** "When will…" asks about the future: a past time ("over the past weekend") does not answer it. */
const FUTURE_QUESTION = /\b(when will|when (is|are) .* going to|next)\b/i;
const FUTURE_TIME = /\b(approach|approaches|lead-up|upcoming|next|season|will|planned|scheduled|expected)\b/i;

function factSuits(fact: Fact, type: QuestionType, question: string): boolean {
  if (type === 'when') {
    return fact.when !== undefined && (!FUTURE_QUESTION.test(question) || FUTURE_TIME.test(fact.when));
  }
  if (type === 'why') return fact.why !== undefined;
  if (type === 'where') return fact.where !== undefined;
  if (type === 'quantity') return COUNT.test(fact.claim);
  return true;
}

function typeBoost(doc: Doc, type: QuestionType): number {
  if (doc.kind !== 'fact') return 1;
  if (type === 'who' && doc.fact.who !== undefined) return 1.5;
  return 1;
}

export interface Match {
  facts: Fact[];
  /** False when the question asks about the very person the fact names ("who is Xi?"). */
  leadWithPart: boolean;
  sentence?: Doc & { kind: 'sentence' };
}

/** Curated facts outrank raw sentences; a sentence answers only when no fact does. */
export function findAnswer(
  question: string,
  understood: Understood,
  retrieval: Retrieval,
): Match | undefined {
  if (understood.unknown.length > 0 || understood.required.length === 0) return undefined;
  const hits: Hit[] = retrieval
    .search([...understood.required, ...understood.optional])
    .slice(0, CANDIDATES)
    .filter((h) => covers(h.doc, understood, retrieval.entities) && suits(h.doc, understood.type, question))
    .map((h) => ({ doc: h.doc, score: h.score * typeBoost(h.doc, understood.type) }))
    .sort((a, b) => b.score - a.score);
  const facts = hits.flatMap((h) => (h.doc.kind === 'fact' ? [{ fact: h.doc.fact, score: h.score }] : []));
  const first = facts[0];
  if (first) {
    // A terse query ("balloon") is a request for the gist: give the two best facts.
    const second = facts[1];
    const broad =
      understood.required.length <= 1 && second !== undefined && second.score >= first.score * 0.5;
    const who = new Set(contentTerms(first.fact.who ?? '', retrieval.lexicon));
    const leadWithPart = !understood.required.every((t) => who.has(t));
    return { facts: broad ? [first.fact, second.fact] : [first.fact], leadWithPart };
  }
  // Once editors curate a source, its facts speak for it; raw sentences serve uncurated sources only.
  const sentence = hits.find(
    (h) => h.doc.kind === 'sentence' && !retrieval.curated.has(h.doc.sentence.source),
  )?.doc;
  return sentence?.kind === 'sentence' ? { facts: [], sentence, leadWithPart: false } : undefined;
}
