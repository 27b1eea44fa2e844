/** Query understanding: question type, the terms that must be answered, and words we do not know. */
import { actorsOf } from './actors.js';
import { isComparison } from './comparison.js';
import { asksWhatItIs } from './listed.js';
import { type QuestionType, questionType } from './question-type.js';
import { corrected, readText, tokensOf } from './question-words.js';
import type { Retrieval } from './retrieval.js';
import { unnamedRoles } from './roles.js';
import { blockingUnknowns, type UnknownContext } from './unknown-words.js';

export interface Understood {
  type: QuestionType;
  /** Canonical terms an answering fact must contain. */
  required: string[];
  /** Terms that only help ranking. */
  optional: string[];
  /** Subject words no source contains, even after typo correction, that are not mere framing. */
  unknown: string[];
  /** Words no source contains that only frame the question ("bother", "realistically"): ignored. */
  framing: string[];
  /** Named speaker of "what did Xi say about…" or actor of "why did Xi…": only his own facts answer. */
  speaker: string[];
  /** Named recipient of "what did Xi promise Biden?": the answering fact must name him too. */
  recipient: string[];
  /** The first subject term after "who": what the person asked for did ("who revealed…" → undisclosed). */
  action: string | undefined;
  /** Two named parties set against each other ("Russia vs China"): the comparing fact leads. */
  comparison: boolean;
  /** "What are the military communications channels?" asks what a thing is, not whether it came up. */
  definition: boolean;
  /** What "…about fentanyl?" is about: never left out of a long question's match. */
  topic: string[];
}

const WHO_THEN = /\bwho\b(.*)$/i;

/** The action a who-question asks about: its first subject word after "who". */
function actionOf(text: string, retrieval: Retrieval): string | undefined {
  const after = WHO_THEN.exec(text)?.[1];
  if (after === undefined) return undefined;
  // "Who first disclosed…": a word that only ranks ("first", "later") is not the action.
  for (const t of readText(after, retrieval)) if (!t.generic && !t.soft) return t.term;
  return undefined;
}

/**
 * Whether the lower-cased question holds any of these words: the patterns below can only match
 * when it does, and most questions hold none, so the (slower) pattern is skipped.
 */
function mentionsAny(lower: string, words: readonly string[]): boolean {
  for (const w of words) if (lower.includes(w)) return true;
  return false;
}

const REFERENCE_WORDS = ['after', 'following', 'before', 'prior to', 'since'];
const CATEGORY = /\b(?:which|what) ([a-z]+)/i;
const REFERENCE =
  /\b(?:after|following|before|prior to|since)(?! when\b) (?:the )?((?:[\w-]+ ?){1,4}?)(?=[?.!,;]| and\b| but\b|$)/i;

/**
 * Words that only frame the question rank, they are not required: the category a who-question names
 * ("which official…" wants a person, not the word "official"), and the event a time is measured from
 * ("repeated after the November call?" asks about the repetition, not the call).
 */
function framing(text: string, lower: string, type: QuestionType, retrieval: Retrieval): ReadonlySet<string> {
  const referring = mentionsAny(lower, REFERENCE_WORDS);
  if (type !== 'who' && !referring) return NONE;
  const words: string[] = [];
  if (type === 'who') words.push(CATEGORY.exec(text)?.[1] ?? '');
  // A year is the subject itself: "which election before 2016?" does not ask about 2016's.
  const event = referring ? (REFERENCE.exec(text)?.[1] ?? '') : '';
  if (!/\d/.test(event)) words.push(event);
  const terms = new Set<string>();
  for (const w of words) if (w !== '') for (const t of readText(w, retrieval)) terms.add(t.term);
  return terms;
}

/** The terms of a piece of text, in order. */
function termsOf(text: string, retrieval: Retrieval): string[] {
  const terms: string[] = [];
  for (const t of readText(text, retrieval)) terms.push(t.term);
  return terms;
}

/** What `framing` and `excludedTerms` give most questions: no words at all. */
const NONE: ReadonlySet<string> = new Set();

const TOPIC =
  /\b(?:about|regarding|concerning|on the subject of) (?:the )?((?:[\w-]+ ?){1,3}?)(?=[?.!,;]| and\b| but\b|$)/i;

const TOPIC_WORDS = ['about', 'regarding', 'concerning', 'on the subject of'];

/** The words after "about", "regarding" or "concerning": the matter the question is about. */
function topicTerms(question: string, lower: string, retrieval: Retrieval): string[] {
  const words = mentionsAny(lower, TOPIC_WORDS) ? TOPIC.exec(question)?.[1] : undefined;
  return words === undefined ? [] : termsOf(words, retrieval);
}

const EXCLUDED =
  /\b(?:besides|apart from(?<!\bset(?:s|ting)?\b[^?]*apart from)|other than|aside from|except(?: for)?) (?:the )?((?:[\w-]+ ?){1,3}?)(?=[?.!,;]| and\b| but\b|$)/i;

const EXCLUDED_WORDS = ['besides', 'apart from', 'other than', 'aside from', 'except'];

/**
 * "What else did they discuss besides meddling?" asks for anything but meddling; "what sets China
 * apart from Russia?" compares the two instead.
 */
function excludedTerms(question: string, lower: string, retrieval: Retrieval): ReadonlySet<string> {
  const words = mentionsAny(lower, EXCLUDED_WORDS) ? EXCLUDED.exec(question)?.[1] : undefined;
  return words === undefined ? NONE : new Set(termsOf(words, retrieval));
}

/**
 * "How high were the stakes?": the degree word after "how" restates a subject the question already
 * names as a lexicon phrase ("high stakes") rather than adding one. A noun asked for ("which social
 * media platforms?") still blocks.
 */
function restates(word: string, howWords: Set<string>, terms: string[], retrieval: Retrieval): boolean {
  if (!howWords.has(word)) return false;
  const named = new Set(terms);
  for (const [phrase, canonical] of retrieval.lexicon.phrases)
    if (named.has(canonical.replaceAll(' ', '_')) && phrase.split(' ').includes(word)) return true;
  return false;
}

/** The words right after "how" ("how high…" → high), lower-cased: degree words `restates` checks. */
function wordsAfterHow(question: string): Set<string> {
  const words = new Set<string>();
  if (!/how/i.test(question)) return words;
  for (const m of question.matchAll(/\bhow (?=([a-z]+)\b)/gi)) words.add((m[1] as string).toLowerCase());
  return words;
}

function withoutRestated(
  unknown: string[],
  question: string,
  terms: string[],
  retrieval: Retrieval,
): string[] {
  const howWords = wordsAfterHow(question);
  const kept: string[] = [];
  for (const w of unknown) if (!restates(w, howWords, terms, retrieval)) kept.push(w);
  return kept;
}

/** What `blockingUnknowns` asks of a knowledge base: made once for each, not once per question. */
const subjectChecks = new WeakMap<Retrieval, Omit<UnknownContext, 'question'>>();

function checksOf(retrieval: Retrieval): Omit<UnknownContext, 'question'> {
  let checks = subjectChecks.get(retrieval);
  if (checks === undefined) {
    checks = {
      hasKnownSubject: (part) => knowsSubject(part, retrieval),
      isGeneric: (word) => retrieval.reader.word(word).generic,
    };
    subjectChecks.set(retrieval, checks);
  }
  return checks;
}

export function understand(question: string, retrieval: Retrieval): Understood {
  const fixed = corrected(question, retrieval);
  const text = fixed.text;
  // Lower-cased once: the question type and the actors read it too.
  const lower = question.toLowerCase();
  const type = questionType(lower);
  const tokens = tokensOf(fixed, retrieval);
  const frame = framing(question, lower, type, retrieval);
  const excluded = excludedTerms(question, lower, retrieval);
  // A handful of terms each: arrays kept free of repeats, cheaper than sets to build and read.
  const required: string[] = [];
  const optional: string[] = [];
  const unknown: string[] = [];
  for (const t of tokens) {
    if (t.generic || excluded.has(t.term)) continue;
    if (t.soft || (t.held && frame.has(t.term))) addOnce(optional, t.term);
    else if (!t.held) unknown.push(t.raw);
    else addOnce(required, t.term);
  }
  // A question made only of soft words ("topics on the table at the meeting") must still match them.
  const onlySoft = required.length === 0;
  const action = type === 'who' ? actionOf(text, retrieval) : undefined;
  const comparison = isComparison(question, tokens);
  // Most questions hold no unknown word: then nothing below needs working out.
  let blocking: string[] = [];
  const dimensions: string[] = [];
  const framingWords: string[] = [];
  if (unknown.length > 0) {
    const checks = checksOf(retrieval);
    blocking = blockingUnknowns(withoutRestated(unknown, question, [...required, ...optional], retrieval), {
      question,
      hasKnownSubject: checks.hasKnownSubject,
      isGeneric: checks.isGeneric,
    });
    for (const w of unknown) {
      if (blocking.includes(w)) continue;
      // "Compare them economically": in a comparison an -ally adverb names what is compared.
      if (comparison && /ally$/.test(w)) dimensions.push(w);
      else framingWords.push(w);
    }
  }
  const actors = actorsOf(question, lower, retrieval);
  // Fields spelled out rather than spread: every Understood gets one shape, built the cheap way.
  return {
    type,
    required: onlySoft ? optional : required,
    optional: onlySoft ? [] : optional,
    unknown: [...blocking, ...unnamedRoles(tokens), ...dimensions],
    framing: framingWords,
    speaker: actors.speaker,
    recipient: actors.recipient,
    action,
    comparison,
    definition: asksWhatItIs(question),
    topic: topicTerms(question, lower, retrieval),
  };
}

function addOnce(list: string[], term: string): void {
  if (!list.includes(term)) list.push(term);
}

/** True when a piece of text holds a subject term the sources know. */
function knowsSubject(part: string, retrieval: Retrieval): boolean {
  for (const t of readText(part, retrieval)) if (!t.generic && (t.held || t.soft)) return true;
  return false;
}
