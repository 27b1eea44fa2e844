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
  const aside = (text: string, labelled: boolean): void => {
    if (QUESTION_WORD.test(text) || /\d/.test(text) || ctx.hasKnownSubject(text)) return;
    const tags = tagWords(text);
    // "In Iran, …" names a place the reporting may not cover; "Quick q:" is only capitalised.
    const named = tags.some((t) => t.pos === 'PROPN' && !ctx.isGeneric(t.word));
    if (named || (!labelled && tags[0]?.pos !== 'ADP')) return;
    for (const t of tags) words.add(t.word);
  };
  if (parts.length < 3) return words;
  const rest = (from: number, to: number): string => parts.slice(from, to).join('');
  if (ctx.hasKnownSubject(rest(2, parts.length))) aside(parts[0] ?? '', parts[1] === ':');
  const last = parts.length - 1;
  if (parts[last - 1] === ',' && ctx.hasKnownSubject(rest(0, last - 1))) aside(parts[last] ?? '', false);
  return words;
}

/** The unknown words (as the analyser saw them) that still block an answer. */
export function blockingUnknowns(unknown: string[], ctx: UnknownContext): string[] {
  if (unknown.length === 0) return unknown;
  const tags = tagWords(ctx.question);
  const aside = asides(ctx);
  const used = new Set<number>();
  return unknown.filter((raw) => {
    if (/\d/.test(raw)) return true;
    if (aside.has(raw)) return false;
    const i = tags.findIndex((t, k) => !used.has(k) && t.word.replace(/'/g, '') === raw);
    // A word the tagger saw differently (a rewritten phrase, a hyphenated name) keeps blocking.
    if (i < 0) return true;
    used.add(i);
    return !frames(tags, i);
  });
}
