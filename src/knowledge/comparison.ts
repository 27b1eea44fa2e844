/**
 * Comparison questions: "how does China's approach compare to Russia's?", "Russia vs China",
 * "which is worse, Russia or China?", "how do they differ?". Such a question asks for the contrast
 * itself, so among the facts that hold every subject, the one that compares leads; a fact that
 * merely names both parties ("interference from both Russia and China") does not answer it.
 */
import type { Reading } from './reading.js';

/** The canonical term of the synonym group that says two things are being compared. */
export const COMPARE = 'compare';

/**
 * Comparatives the lexicon leaves as fillers (they carry no subject of their own): with two named
 * parties they turn a question into a comparison ("which is the bigger threat, Russia or China?").
 */
const COMPARATIVE =
  /\b(?:more|less|most|least|than|rather|worse|worst|better|best|bigger|biggest|greater|greatest|larger|largest|higher|lower|stronger|weaker|riskier|scarier|harder|tougher)\b/i;

/** True when the question compares two or more of the parties the sources name. */
export function isComparison(question: string, tokens: readonly Readonly<Reading>[]): boolean {
  let first: string | undefined;
  let two = false;
  let compares = false;
  for (const t of tokens) {
    if (t.term === COMPARE) compares = true;
    else if (t.generic || !t.entity) continue;
    else if (first === undefined) first = t.term;
    else if (t.term !== first) two = true;
  }
  return two && (compares || COMPARATIVE.test(question));
}

/** How much a covering document's rank grows when it holds the comparison the question asks for. */
export const COMPARISON_BOOST = 2;
