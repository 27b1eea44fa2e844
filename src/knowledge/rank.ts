/** Orders the documents that cover a question: the one that proves its focus comes first. */
import { COMPARE, COMPARISON_BOOST } from './comparison.js';
import type { Understood } from './question.js';
import type { Doc } from './retrieval.js';

/**
 * Rank by what the document proves, not what it mentions: the share of the question's terms in its
 * verbatim quote scales the index score, so "what did Xi promise?" prefers the quote with the promise
 * over a fact that merely names Xi. What is asked (the promise) weighs twice what it is asked about
 * (Xi). A fact that defines a name leads only when the question is about that very person or thing.
 */
/** An echo of an earlier event ranks below the event itself unless the question asks about echoes. */
const ECHO_PENALTY = 0.6;

export function rerank(
  doc: Doc,
  score: number,
  understood: Understood,
  { entities, echo, asked }: { entities: Set<string>; echo: Set<string>; asked: readonly string[] },
): number {
  const required = understood.required;
  const importance = (t: string): number => (entities.has(t) ? 0.5 : 1);
  // The editor's claim resolves the quote's "that operation" to the balloon: it counts half.
  const shown = (t: string): number => (doc.quoted.has(t) ? 1 : doc.terms.has(t) ? 0.5 : 0);
  const total = asked.reduce((sum, t) => sum + importance(t), 0);
  const proven = asked.reduce((sum, t) => sum + importance(t) * shown(t), 0) / Math.max(total, 1);
  let ranked = score * (0.5 + proven);
  if (understood.comparison && doc.terms.has(COMPARE)) ranked *= COMPARISON_BOOST;
  for (const t of echo) {
    if (doc.terms.has(t) && !asked.includes(t)) ranked *= ECHO_PENALTY;
  }
  if (doc.kind !== 'fact') return ranked;
  const { defines } = doc;
  if (defines) ranked *= required.every((t) => defines.has(t)) ? 2 : 0.6;
  return ranked;
}
