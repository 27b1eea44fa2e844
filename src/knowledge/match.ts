/** Decides which retrieved fact or sentence (if any) truly answers the question. */

import type { Understood } from './question.js';
import { rankContext, rerank } from './rank.js';
import { type Doc, type Hit, holdsAsked, type Retrieval } from './retrieval.js';
import type { Fact } from './schema.js';
import { suits } from './suits.js';

/** How many candidates to check for coverage: the index returns them best first. */
const CANDIDATES = 20;

/**
 * A document answers only if it contains every required term. Long questions may leave out one
 * non-name term (staff pad questions with words the reporting phrases differently), never a name.
 */
export function covers(hit: Hit, understood: Understood, entities: Set<string>): boolean {
  const { required, optional } = understood;
  // A place answers only for the event asked about: "where did they meet?" needs the meeting.
  // The needed terms open `asked` (required, then optional), so the j-th needed is the j-th asked.
  const count = understood.type === 'where' ? required.length + optional.length : required.length;
  // Counted, not collected: most candidates miss nothing or more than one term.
  let missing = 0;
  let only: string | undefined;
  for (let j = 0; j < count; j++) {
    const t = (j < required.length ? required[j] : optional[j - required.length]) as string;
    if (holdsAsked(hit, j, t)) continue;
    missing += 1;
    only = t;
    if (missing > 1) return false;
  }
  if (missing === 0) return true;
  if (count < 4 || only === undefined) return false;
  // "What did the minister promise about fentanyl?" is about fentanyl: it is never padding.
  if (understood.topic.includes(only)) return false;
  const needed = understood.type === 'where' ? [...required, ...optional] : required;
  // Names pad a question without lengthening what it asks ("the Chinese foreign minister's reaction
  // to Sullivan's request"): only three or more other subjects make it long enough to drop one.
  if (needed.filter((t) => !entities.has(t)).length < 3) return false;
  // A month only dates the event ("repeated since November?"); a name or a year changes the subject.
  return !entities.has(only) || MONTH.test(only);
}

const MONTH = /^(january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** "What did Xi say…" is answered by what Xi said or did, not by what others said about him. */
function voiced(doc: Doc, understood: Understood): boolean {
  if (understood.speaker.length === 0 || doc.kind !== 'fact') return true;
  return holdsAll(understood.speaker, doc.who);
}

/** "What did Xi promise Biden?" is answered by a fact that itself names Biden, not by a keyword. */
function received(doc: Doc, understood: Understood): boolean {
  if (understood.recipient.length === 0 || doc.kind !== 'fact') return true;
  return holdsAll(understood.recipient, doc.stated);
}

/**
 * "Did Sullivan meet Xi?" names the parties of an exchange: the names among the asked terms of a
 * yes/no question that relates parties (none otherwise), worked out once per question.
 */
function partiesOf(understood: Understood, asked: readonly string[], retrieval: Retrieval): string[] {
  const parties: string[] = [];
  if (understood.type !== 'yesno') return parties;
  let relates = false;
  for (const t of asked) if (retrieval.lexicon.relating.has(t)) relates = true;
  if (!relates) return parties;
  for (const t of asked) if (retrieval.entities.has(t)) parties.push(t);
  return parties;
}

/**
 * A document confirms an exchange only when it quotes or names as actors every one of its parties,
 * not when the editor's wording merely mentions one.
 */
function confirms(doc: Doc, parties: readonly string[]): boolean {
  if (parties.length < 2 || doc.kind !== 'fact') return true;
  // Without a named actor, the editor's claim is what names the parties ("the two leaders").
  const named = doc.fact.who === undefined ? doc.terms : doc.who;
  for (const t of parties) if (!doc.quoted.has(t) && !named.has(t)) return false;
  return true;
}

/** A fact that only lists the thing asked about ("topics including …") does not say what it is. */
function explains(doc: Doc, understood: Understood): boolean {
  if (!understood.definition || doc.kind !== 'fact') return true;
  return !holdsAll(understood.required, doc.listed);
}

export interface Match {
  facts: Fact[];
  /** False when the question asks about the very person the fact names ("who is Xi?"). */
  leadWithPart: boolean;
  sentence?: Doc & { kind: 'sentence' };
}

/**
 * A second fact joins only when it says something new: not a bare name (its claim would end the
 * answer on a name the first fact already gave) and not the first fact's content again.
 */
function adds(
  second: { defines?: Set<string>; stated: Set<string> },
  first: { stated: Set<string> },
): boolean {
  if (second.defines !== undefined) return false;
  let fresh = 0;
  for (const t of second.stated) if (!first.stated.has(t)) fresh += 1;
  return fresh >= Math.max(2, second.stated.size * 0.25);
}

/** Every test a candidate must pass to answer the question, cheapest first. */
function answers(
  hit: Hit,
  question: string,
  understood: Understood,
  retrieval: Retrieval,
  parties: readonly string[],
): boolean {
  const { doc } = hit;
  return (
    covers(hit, understood, retrieval.entities) &&
    suits(doc, understood.type, question) &&
    voiced(doc, understood) &&
    received(doc, understood) &&
    confirms(doc, parties) &&
    explains(doc, understood)
  );
}

/** Inserts after every hit scoring at least as much, as a stable sort by descending score would. */
function insertByScore(hits: Hit[], hit: Hit): void {
  let j = hits.length;
  hits.push(hit);
  while (j > 0 && (hits[j - 1] as Hit).score < hit.score) {
    hits[j] = hits[j - 1] as Hit;
    j--;
  }
  hits[j] = hit;
}

/** Whether a set holds every term (an absent set holds none). */
function holdsAll(terms: readonly string[], set: Set<string> | undefined): boolean {
  for (const t of terms) if (set?.has(t) !== true) return false;
  return true;
}

interface FactHit {
  fact: Fact;
  score: number;
  defines: Set<string> | undefined;
  actor: Set<string>;
  stated: Set<string>;
}

/**
 * Curated facts outrank raw sentences; a sentence answers only when no fact does. Written as plain
 * loops: this runs once per question, mostly before the engine has optimised it, and callbacks
 * built per call cost more there than the work they do.
 */
export function findAnswer(
  question: string,
  understood: Understood,
  retrieval: Retrieval,
): Match | undefined {
  if (understood.unknown.length > 0 || understood.required.length === 0) return undefined;
  // "Who revealed the undisclosed call?": the source reports the state, never who brought it about.
  if (understood.action !== undefined && retrieval.lexicon.agentless.has(understood.action)) return undefined;
  const ranking = rankContext(understood, { entities: retrieval.entities, echo: retrieval.lexicon.echo });
  const found = retrieval.search(ranking.asked, CANDIDATES);
  const parties = partiesOf(understood, ranking.asked, retrieval);
  // Best first, kept in order as they come (a few each): equal scores stay in search order.
  const hits: Hit[] = [];
  for (let i = 0; i < found.length; i++) {
    const hit = found[i] as Hit;
    if (answers(hit, question, understood, retrieval, parties))
      insertByScore(hits, { doc: hit.doc, score: rerank(hit, understood, ranking), held: hit.held });
  }
  // Only the two best facts can make the answer.
  const facts: FactHit[] = [];
  for (const h of hits) {
    if (h.doc.kind !== 'fact') continue;
    const { fact, defines, actor, stated } = h.doc;
    facts.push({ fact, score: h.score, defines, actor, stated });
    if (facts.length === 2) break;
  }
  const first = facts[0];
  if (first) {
    // A terse query ("balloon") is a request for the gist: give the two best facts; but "Biden"
    // answered by the fact that says who he is needs nothing more.
    const second = facts[1];
    const defined = holdsAll(understood.required, first.defines);
    // A "what" question about a whole matter ("what doubts exist about the pledge?") may have two
    // facts that each hold part of it: a close second joins the first.
    const closeSecond = understood.type === 'what' && understood.required.length <= 3 ? 0.5 : 1.01;
    const broad =
      second !== undefined &&
      adds(second, first) &&
      (understood.required.length <= 1 || second.score >= first.score * closeSecond) &&
      !defined &&
      second.score >= first.score * 0.5;
    const leadWithPart = !holdsAll(understood.required, first.actor);
    return { facts: broad && second ? [first.fact, second.fact] : [first.fact], leadWithPart };
  }
  // Once editors curate a source, its facts speak for it; raw sentences serve uncurated sources only.
  for (const { doc } of hits) {
    if (doc.kind === 'sentence' && !retrieval.curated.has(doc.sentence.source))
      return { facts: [], sentence: doc, leadWithPart: false };
  }
  return undefined;
}
