/** Query-understanding vocabulary, loaded once: synonym groups and the words that carry no subject. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stemmer } from 'stemmer';
import { z } from 'zod';

const SynonymsSchema = z.object({
  groups: z.array(
    z.strictObject({
      canonical: z.string().min(1),
      soft: z.boolean().optional(),
      agentless: z.boolean().optional(),
      relating: z.boolean().optional(),
      echo: z.boolean().optional(),
      terms: z.array(z.string()),
    }),
  ),
});
const GenericSchema = z.object({ words: z.array(z.string()) });

export interface Lexicon {
  /** Exact lower-case word → canonical term. */
  words: Map<string, string>;
  /** Stem → canonical term, for inflections the groups do not list. */
  stems: Map<string, string>;
  /** Multi-word phrase (space-joined tokens) → canonical term; longest first when matching. */
  phrases: Map<string, string>;
  maxPhraseLength: number;
  /** First word of a multi-word phrase → its longest phrase's length: most words start none. */
  phraseStarts: Map<string, number>;
  /** Every word of a multi-word term: typo correction leaves them alone so phrases still match. */
  phraseWords: Set<string>;
  /** Canonical terms that help ranking but need not appear in the answering fact. */
  soft: Set<string>;
  /**
   * Canonical terms for states the source reports without saying who brought them about
   * ("undisclosed", "strained"): "who revealed…?" or "who strained…?" has no answer in it.
   */
  agentless: Set<string>;
  /** Canonical terms that relate parties (meet, talk): yes/no questions must find every party named. */
  relating: Set<string>;
  /**
   * Canonical terms that make a fact the echo of an earlier one (reiterate): "what did China promise?"
   * is answered by the promise itself first, its repetition only when asked about.
   */
  echo: Set<string>;
  /** Words with no subject of their own (exact) and their stems. */
  generic: Set<string>;
  genericStems: Set<string>;
}

/** Same tokenisation as the analyser, so phrases in the lexicon match phrases in text. */
export function rawTokens(text: string): string[] {
  if (text === '') return [];
  return normalise(text).match(/[a-z0-9]+/g) ?? [];
}

/**
 * Folds the spellings staff use for the same thing before tokenising. Each step runs only when its
 * trigger is in the text: most questions hold no apostrophe, "U.S.", "weight" or "called".
 */
export function normalise(text: string): string {
  let s = text;
  const quoted = /['\u2018\u2019\u02bc`]/.test(s);
  if (quoted) s = s.replace(/[\u2018\u2019\u02bc`]/g, "'");
  if (/us/i.test(s)) s = s.replace(/\bU\.S\.(?:A\.)?/gi, ' usa ').replace(/\b(?:US|USA)\b/g, ' usa ');
  s = s.toLowerCase();
  if (quoted) {
    s = s
      .replace(/\bwon't\b/g, 'will not')
      .replace(/\bcan't\b/g, 'can not')
      .replace(/n't\b/g, ' not')
      .replace(/'s\b/g, '');
  }
  // "the weight a pledge carries": the verb adds nothing, while "what was it carrying?" stays unknown.
  if (s.includes('weight')) s = s.replace(/\b(weight\b.*\b)carr(?:y|ies|ied)\b/g, '$1');
  // "What is the minister called?" asks for a name, not about a phone call.
  if (s.includes('called')) s = s.replace(/\b(what|how) (is|are|was|were)\b(.*)\bcalled\b/g, '$1 $2$3 name');
  // "What sets China apart from Russia?" compares the two; it excludes nothing.
  if (s.includes('apart')) s = s.replace(/\bset(?:s|ting)?\b(.*)\bapart from\b/g, '$1 compared to');
  return quoted ? s.replace(/'/g, '') : s;
}

export function parseLexicon(synonymsJson: unknown, genericJson: unknown): Lexicon {
  const lexicon: Lexicon = {
    words: new Map(),
    stems: new Map(),
    phrases: new Map(),
    maxPhraseLength: 1,
    phraseStarts: new Map(),
    phraseWords: new Set(),
    soft: new Set(),
    agentless: new Set(),
    relating: new Set(),
    echo: new Set(),
    generic: new Set(),
    genericStems: new Set(),
  };
  for (const group of SynonymsSchema.parse(synonymsJson).groups) {
    if (group.soft) lexicon.soft.add(group.canonical);
    if (group.agentless) lexicon.agentless.add(group.canonical.replaceAll(' ', '_'));
    if (group.relating) lexicon.relating.add(group.canonical.replaceAll(' ', '_'));
    if (group.echo) lexicon.echo.add(group.canonical.replaceAll(' ', '_'));
    for (const term of group.terms) {
      const tokens = rawTokens(term);
      if (tokens.length > 1) {
        lexicon.phrases.set(tokens.join(' '), group.canonical);
        for (const t of tokens) lexicon.phraseWords.add(t);
        lexicon.maxPhraseLength = Math.max(lexicon.maxPhraseLength, tokens.length);
        const first = tokens[0] as string;
        lexicon.phraseStarts.set(first, Math.max(lexicon.phraseStarts.get(first) ?? 0, tokens.length));
      } else if (tokens[0] !== undefined) {
        lexicon.words.set(tokens[0], group.canonical);
        const stem = stemmer(tokens[0]);
        if (!lexicon.stems.has(stem)) lexicon.stems.set(stem, group.canonical);
      }
    }
  }
  for (const word of GenericSchema.parse(genericJson).words) {
    lexicon.generic.add(word);
    lexicon.genericStems.add(stemmer(word));
  }
  return lexicon;
}

export function loadLexicon(dir: string): Lexicon {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, 'lexicon', name), 'utf8'));
  return parseLexicon(read('synonyms.json'), read('generic.json'));
}
