/** Some question types need a specific kind of content: a "when" needs a time the source gives. */
import type { QuestionType } from './question-type.js';
import type { Doc } from './retrieval.js';
import type { Fact } from './schema.js';

const TIME =
  /\b(january|february|march|april|may|june|july|august|september|october|november|december|week|weekend|month|months|year|years|yesterday|today|since|ago|\d{4})\b/i;
const REASON = /\b(because|due to|as a result|since|given|consequently|so that|as it)\b/i;
const PLACE =
  /\b(in|over|at|near) (the )?(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]+/;
const COUNT = /\b(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)?\b/;

/**
 * "Which election did Russia meddle in before 2016?" asks for something earlier than 2016: a text
 * dating its matter from 2016 on ("since Russia's meddling in the 2016 election") does not answer it.
 */
const BEFORE_YEAR = /\b(?:before|prior to|earlier than|until|ahead of) (?:the )?((?:19|20)\d\d)\b/i;

/** The question's "before <year>" as a test of a text dating from that year on; the last one is kept. */
let dated: { question: string; from?: RegExp } = { question: '' };

function datedFrom(question: string): RegExp | undefined {
  if (dated.question !== question) {
    const year = BEFORE_YEAR.exec(question)?.[1];
    const from =
      year === undefined ? undefined : new RegExp(`\\b(?:since|after|following)\\b[^.;]*\\b${year}\\b`, 'i');
    dated = { question, ...(from ? { from } : {}) };
  }
  return dated.from;
}

export function suits(doc: Doc, type: QuestionType, question: string): boolean {
  // Most questions set no "before <year>": then no text needs building to test against it.
  const from = datedFrom(question);
  if (doc.kind === 'fact') {
    const { claim, when } = doc.fact;
    if (from?.test(`${claim} ${when ?? ''}`)) return false;
    return factSuits(doc.fact, type, question);
  }
  const text = doc.sentence.text;
  if (from?.test(text)) return false;
  if (type === 'when') return TIME.test(text) && timeSuits(text, question);
  if (type === 'why') return REASON.test(text);
  if (type === 'where') return PLACE.test(text.slice(1));
  if (type === 'quantity') return COUNT.test(text);
  return true;
}

/** "When will…" asks about the future: a past time ("over the past weekend") does not answer it. */
const FUTURE_QUESTION = /\b(when will|when (is|are) .* going to|next)\b/i;
const FUTURE_TIME = /\b(approach|approaches|lead-up|upcoming|next|season|will|planned|scheduled|expected)\b/i;

/** "Which day…": a month or a year does not answer it; a day does, even "the past weekend". */
const DAY_QUESTION = /\b(date|day|exact time|what time)\b/i;
const DAY =
  /\b(\d{1,2}(st|nd|rd|th)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|yesterday|today)\b/i;
/** "On what date…", "what time did it start…": only a calendar date or a clock time answers it. */
const DATE_QUESTION = /\b(date|dates|dated|exact time|what time|which time|(start|begin|end)(ed|s)? at)\b/i;
const DATE = /\b\d{1,2}(st|nd|rd|th)?\b|\b\d{1,2}:\d\d\b|\b\d{1,2} ?[ap]\.?m\b|\b(noon|midnight)\b/i;

function timeSuits(when: string, question: string): boolean {
  if (DATE_QUESTION.test(question) && !DATE.test(when)) return false;
  if (DAY_QUESTION.test(question) && !DAY.test(when)) return false;
  if (SPAN_QUESTION.test(question) && !SPAN.test(when)) return false;
  return !FUTURE_QUESTION.test(question) || FUTURE_TIME.test(when);
}

/** "How long…" asks for a span: "since 2016" answers it, "during the election season" does not. */
const SPAN_QUESTION = /\bhow long\b/i;
const SPAN = /\b(since|for|months|years|weeks|recent|ago|past)\b/i;

/**
 * "Which state did the balloon fly over?" asks for a place inside a country: a `where` that names only
 * the country ("over the country (the United States)") does not answer it.
 */
const WITHIN_QUESTION = /\b(?:which|what) (?:[a-z.]+ )?(state|province|county|city|town)\b/i;
const COUNTRY_ONLY =
  /^(?:(?:over|in|across|above) )?(?:the )?(?:country|United States|U\.S\.|America|China|Russia)\b/i;

function placeSuits(where: string, question: string): boolean {
  return !WITHIN_QUESTION.test(question) || !COUNTRY_ONLY.test(where);
}

function factSuits(fact: Fact, type: QuestionType, question: string): boolean {
  if (type === 'when') return fact.when !== undefined && timeSuits(fact.when, question);
  if (type === 'why') return fact.why !== undefined;
  if (type === 'who') return fact.who !== undefined;
  if (type === 'where') return fact.where !== undefined && placeSuits(fact.where, question);
  if (type === 'quantity') return COUNT.test(fact.claim);
  return true;
}
