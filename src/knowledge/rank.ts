/** Orders the documents that cover a question: the one that proves its focus comes first. */
import { COMPARE, COMPARISON_BOOST } from './comparison.js';
import type { Understood } from './question.js';
import { type Hit, holdsAsked } from './retrieval.js';

/** An echo of an earlier event ranks below the event itself unless the question asks about echoes. */
const ECHO_PENALTY = 0.6;

/** What ranking needs of the question, worked out once for all its candidates. */
export interface RankContext {
  asked: readonly string[];
  /** Weight of each asked term, in `asked` order: a name counts half. */
  weights: readonly number[];
  total: number;
  /** Echo terms the question does not ask about: a document holding one ranks lower. */
  echoes: readonly string[];
}

export function rankContext(
  understood: Understood,
  { entities, echo }: { entities: Set<string>; echo: Set<string> },
): RankContext {
  const asked = [...understood.required, ...understood.optional];
  const weights: number[] = [];
  let total = 0;
  for (const t of asked) {
    const w = entities.has(t) ? 0.5 : 1;
    weights.push(w);
    total += w;
  }
  const echoes: string[] = [];
  for (const t of echo) if (!asked.includes(t)) echoes.push(t);
  return { asked, weights, total, echoes };
}

/**
 * Rank by what the document proves, not what it mentions: the share of the question's terms in its
 * verbatim quote scales the index score, so "what did Xi promise?" prefers the quote with the promise
 * over a fact that merely names Xi. What is asked (the promise) weighs twice what it is asked about
 * (Xi). A fact that defines a name leads only when the question is about that very person or thing.
 */
export function rerank(hit: Hit, understood: Understood, ctx: RankContext): number {
  const { doc } = hit;
  const { asked, weights } = ctx;
  let proven = 0;
  for (let i = 0; i < asked.length; i++) {
    const t = asked[i] as string;
    // The editor's claim resolves the quote's "that operation" to the balloon: it counts half.
    proven += (weights[i] as number) * (doc.quoted.has(t) ? 1 : holdsAsked(hit, i, t) ? 0.5 : 0);
  }
  let ranked = hit.score * (0.5 + proven / Math.max(ctx.total, 1));
  if (understood.comparison && doc.terms.has(COMPARE)) ranked *= COMPARISON_BOOST;
  for (const t of ctx.echoes) if (doc.terms.has(t)) ranked *= ECHO_PENALTY;
  if (doc.kind !== 'fact') return ranked;
  const { defines } = doc;
  if (defines) ranked *= understood.required.every((t) => defines.has(t)) ? 2 : 0.6;
  return ranked;
}
