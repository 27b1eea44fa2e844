/** Orders the documents that cover a question: the one that proves its focus comes first. */
import type { Understood } from './question.js';
import type { Doc } from './retrieval.js';

/**
 * Rank by what the document proves, not what it mentions: the share of the question's terms in its
 * verbatim quote scales the index score, so "what did Xi promise?" prefers the quote with the promise
 * over a fact that merely names Xi. A fact that defines a name
 * leads only when the question is about that very person or thing.
 */
export function rerank(doc: Doc, score: number, understood: Understood, entities: Set<string>): number {
  const required = understood.required;
  const focus = [...required, ...understood.optional].filter((t) => !entities.has(t));
  const asked = focus.length > 0 ? focus : required;
  // The editor's claim resolves the quote's "that operation" to the balloon: it counts half.
  const weight = (t: string): number => (doc.quoted.has(t) ? 1 : doc.terms.has(t) ? 0.5 : 0);
  const proven = asked.reduce((sum, t) => sum + weight(t), 0) / Math.max(asked.length, 1);
  let ranked = score * (0.5 + proven);
  if (doc.kind !== 'fact') return ranked;
  if (understood.type === 'who' && doc.fact.who !== undefined) ranked *= 1.5;
  const { defines } = doc;
  if (defines) ranked *= required.every((t) => defines.has(t)) ? 2 : 0.6;
  return ranked;
}
