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

export function decline(question: string, coverage: string): Answer {
  return { question, answered: false, text: `That isn't in our reporting. ${coverage}`, citations: [] };
}
