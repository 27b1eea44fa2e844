/**
 * Which words the sources do not know still make a question unanswerable. A word names something
 * the reporting may lack when it is a noun, a name or a number ("colour", "Putin", "2020"), or the
 * very action or property asked about ("who shot down…", "is Xi popular?"). Words that only frame
 * the question do not: adverbs and function words ("realistically", "supposedly"), verbs reporting a
 * belief about a clause ("do officials reckon is…"), and asides set off by a colon or comma
 * ("quick q:", "in a nutshell,").
 */
import { type TaggedWord, tagWords } from './tagger.js';

/**
 * Closed classes and adverbs never carry a subject of their own. Prepositions do ("what was inside
 * the balloon?"), and so do adjectives: "prime minister" is not the foreign minister, and "was Xi
 * reluctant to promise?" asks about the reluctance.
 */
const FRAMING_POS = new Set(['ADV', 'INTJ', 'DET', 'PRON', 'CCONJ', 'SCONJ', 'PART', 'AUX']);
const QUESTION_WORD = /\b(?:what|who|whom|whose|when|where|why|how|which)\b/i;

export interface UnknownContext {
  question: string;
  /** True when a piece of text holds a subject term the sources know. */
  hasKnownSubject(text: string): boolean;
  /** True for a word with no subject of its own ("quick", "honestly"). */
  isGeneric(word: string): boolean;
}

/**
 * "Which country do officials reckon is…": a verb whose complement is a clause of its own reports a
 * belief; the clause carries the question. A verb handing over to an infinitive or a gerund does not
 * qualify: "refuse to promise", "admit sending" turn the question into another claim.
 */
function reportsClause(tags: readonly TaggedWord[], i: number): boolean {
  let j = i + 1;
  while (tags[j]?.pos === 'ADV') j++;
  return tags[j]?.pos === 'AUX';
}

function frames(tags: readonly TaggedWord[], i: number): boolean {
  const tag = tags[i] as TaggedWord;
  return FRAMING_POS.has(tag.pos) || (tag.pos === 'VERB' && reportsClause(tags, i));
}

/**
 * A leading "Quick q:" / "In a nutshell," or a trailing ", in a nutshell?" is an aside when it holds
 * no question word, name, number or known subject, while the rest of the question does.
 */
function asides(ctx: UnknownContext): Set<string> {
  const parts = ctx.question.split(/([:,;])/);
  const words = new Set<string>();
  if (parts.length < 3) return words;
  if (ctx.hasKnownSubject(parts.slice(2).join(''))) addAside(words, parts[0] ?? '', parts[1] === ':', ctx);
  const last = parts.length - 1;
  if (parts[last - 1] === ',' && ctx.hasKnownSubject(parts.slice(0, last - 1).join('')))
    addAside(words, parts[last] ?? '', false, ctx);
  return words;
}

function addAside(words: Set<string>, text: string, labelled: boolean, ctx: UnknownContext): void {
  if (QUESTION_WORD.test(text) || /\d/.test(text) || ctx.hasKnownSubject(text)) return;
  const tags = tagWords(text);
  // "In Iran, …" names a place the reporting may not cover; "Quick q:" is only capitalised.
  for (const t of tags) if (t.pos === 'PROPN' && !ctx.isGeneric(t.word)) return;
  if (!labelled && tags[0]?.pos !== 'ADP') return;
  for (const t of tags) words.add(t.word);
}

/**
 * The unknown words (as the analyser saw them) that still block an answer. Plain loops: a question
 * with an unknown word is a quarter of those asked, and callbacks made per call cost there.
 */
export function blockingUnknowns(unknown: string[], ctx: UnknownContext): string[] {
  if (unknown.length === 0) return unknown;
  const tags = tagWords(ctx.question);
  const aside = asides(ctx);
  const used = new Set<number>();
  const blocking: string[] = [];
  for (const raw of unknown) {
    if (/\d/.test(raw)) {
      blocking.push(raw);
      continue;
    }
    if (aside.has(raw)) continue;
    const i = tagOf(tags, raw, used);
    // A word the tagger saw differently (a rewritten phrase, a hyphenated name) keeps blocking.
    if (i < 0) {
      blocking.push(raw);
      continue;
    }
    used.add(i);
    if (!frames(tags, i)) blocking.push(raw);
  }
  return blocking;
}

/** The first tag not yet matched to an unknown word that is that word, apostrophes aside. */
function tagOf(tags: readonly TaggedWord[], raw: string, used: ReadonlySet<number>): number {
  for (let k = 0; k < tags.length; k++) {
    if (!used.has(k) && (tags[k] as TaggedWord).word.replace(/'/g, '') === raw) return k;
  }
  return -1;
}
