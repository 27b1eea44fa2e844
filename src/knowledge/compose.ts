/** Wording of answers: lead with what was asked for, then cite the exact words. */
import type { Answer, Citation } from './api.js';
import { rawTokens } from './lexicon.js';
import type { Match } from './match.js';
import type { QuestionType } from './question-type.js';
import type { Fact } from './schema.js';

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function factCitations(fact: Fact): Citation[] {
  return fact.evidence.map((quote) => ({ quote, source: fact.source, attribution: fact.attribution }));
}

/** The claim already gives the reason when it holds most of the reason's words. */
function restates(claim: string, part: string): boolean {
  const words = new Set(rawTokens(claim));
  const asked = rawTokens(part).filter((w) => w.length > 3);
  return asked.filter((w) => words.has(w)).length >= asked.length * 0.7;
}

/** The requested part (time, person, place) first, or the reason after, unless the claim states it. */
function lead(fact: Fact, type: QuestionType): string {
  if (type === 'why') {
    const why = fact.why;
    if (why === undefined || restates(fact.claim, why)) return fact.claim;
    return `${fact.claim} Why: ${why}.`;
  }
  if (type === 'when' && fact.when !== undefined) return timeFirst(fact.claim, fact.when);
  const part = type === 'who' ? fact.who : type === 'where' ? fact.where : undefined;
  if (part === undefined || fact.claim.toLowerCase().includes(part.toLowerCase())) return fact.claim;
  return `${capitalise(part)}. ${fact.claim}`;
}

/**
 * A when-answer opens with the time ("Over the past weekend: …"), unless the claim's opening clause
 * already gives it ("With the next election approaching, …"); a time closing the claim is not repeated.
 */
function timeFirst(claim: string, when: string): string {
  const opening = new Set(roots((claim.split(',')[0] ?? '').split(' ').slice(0, 8).join(' ')));
  const time = roots(when);
  if (time.filter((w) => opening.has(w)).length >= time.length * 0.7) return claim;
  const trailing = ` ${when}.`;
  const rest = claim.endsWith(trailing) ? `${claim.slice(0, -trailing.length)}.` : claim;
  return `${capitalise(when)}: ${rest}`;
}

/** Word roots, enough to see "approaches" and "approaching" as one word. */
function roots(text: string): string[] {
  return rawTokens(text)
    .filter((w) => w.length > 3)
    .map((w) => w.slice(0, 5));
}

export function composeAnswer(question: string, match: Match, type: QuestionType): Answer {
  if (match.sentence) {
    const { text, source } = match.sentence.sentence;
    return { question, answered: true, text, citations: [{ quote: text, source }] };
  }
  const [first, ...rest] = match.facts;
  const opening = first && match.leadWithPart ? lead(first, type) : (first?.claim ?? '');
  const text = [opening, ...rest.map((f) => f.claim)].join(' ').trim();
  return { question, answered: true, text, citations: match.facts.flatMap(factCitations) };
}

/** Bounds the wordings one knowledge base keeps against a flood of distinct fact combinations. */
const WORDINGS_LIMIT = 10_000;

/**
 * `composeAnswer` for one knowledge base, keeping each wording. A wording depends only on its facts,
 * the question type and whether it leads with the part asked for, and questions land on few facts,
 * so each is worked out once. Why: by the next question a running bot's caches no longer hold the
 * facts' text or this code, and wording afresh cost about 3 µs of the 30 µs an answer adds to a
 * reply (`npm run bench`, median of five runs: ask p50 ratio 1.19 → 1.17 on Slack, 1.18 → 1.17 on
 * Discord). The citations are frozen because every answer with that wording shares them.
 */
export function createComposer(): (question: string, match: Match, type: QuestionType) => Answer {
  const wordings = new Map<string, { text: string; citations: readonly Citation[] }>();
  return (question, match, type) => {
    if (match.sentence) return composeAnswer(question, match, type);
    let key = `${type} ${match.leadWithPart}`;
    for (const f of match.facts) key += ` ${f.id}`;
    let wording = wordings.get(key);
    if (wording === undefined) {
      const { text, citations } = composeAnswer(question, match, type);
      wording = { text, citations: Object.freeze(citations.map((c) => Object.freeze(c))) };
      if (wordings.size >= WORDINGS_LIMIT) wordings.clear();
      wordings.set(key, wording);
    }
    return { question, answered: true, text: wording.text, citations: [...wording.citations] };
  };
}

export function decline(question: string, coverage: string): Answer {
  return { question, answered: false, text: `That isn't in our reporting. ${coverage}`, citations: [] };
}
