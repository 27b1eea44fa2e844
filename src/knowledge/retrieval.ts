/** The search index over curated facts and raw sentences, built once at start-up. */
import { contentTerms } from './analyzer.js';
import type { Lexicon } from './lexicon.js';
import { rawTokens } from './lexicon.js';
import { listedOnly } from './listed.js';
import { createReader, type Reader } from './reading.js';
import type { Fact, SourceRecord } from './schema.js';
import { type Sentence, splitSentences } from './sentences.js';
import { createIndex, HELD_BITS, type Indexed, termwise } from './termwise.js';
import { type Corrector, createCorrector } from './typos.js';

/**
 * `quoted`: terms of the verbatim text (a fact's evidence, a sentence itself), what the doc proves.
 * `defines`: the terms of a bare name the fact quotes ("National Security Advisor Jake Sullivan",
 * "the 2024 presidential election"): the fact says who or what that is.
 */
export type Doc =
  | {
      key: string;
      kind: 'fact';
      fact: Fact;
      terms: Set<string>;
      quoted: Set<string>;
      who: Set<string>;
      /** Terms of the claim and quotes: what the fact itself says, keywords aside. */
      stated: Set<string>;
      /** Terms of `who` alone, the actor the claim names (attribution aside). */
      actor: Set<string>;
      /** Terms the claim and quotes name only as list items ("including fentanyl and …"). */
      listed: Set<string>;
      defines?: Set<string>;
    }
  | { key: string; kind: 'sentence'; sentence: Sentence; terms: Set<string>; quoted: Set<string> };

export interface Hit {
  doc: Doc;
  score: number;
  /** Which search terms `doc.terms` holds: bit i for the i-th term (the first HELD_BITS terms). */
  held: number;
}

/**
 * Whether the hit's document holds the j-th term searched for: the search marked it, so the
 * document's own set is only read past the marked terms.
 */
export function holdsAsked(hit: Hit, j: number, term: string): boolean {
  return j < HELD_BITS ? ((hit.held >>> j) & 1) === 1 : hit.doc.terms.has(term);
}

export interface Retrieval {
  lexicon: Lexicon;
  /** Every canonical term some fact or sentence contains. */
  vocabulary: Set<string>;
  /** Terms of names and numbers (capitalised or numeric in a source): never optional in a match. */
  entities: Set<string>;
  corrector: Corrector;
  /** Question words as this knowledge base reads them, one look-up each. */
  reader: Reader;
  sentences: Sentence[];
  /** Sources with at least one curated fact. */
  curated: Set<string>;
  /** Documents holding any of the terms, best first; only the best `limit` when given. */
  search(terms: readonly string[], limit?: number): Hit[];
}

/** A quote this short is a name, not a statement. */
const NAME_WORDS = 5;

function entityTerms(source: SourceRecord, lexicon: Lexicon): string[] {
  const names = source.text.match(/(?<=[a-z,;:] )[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*|\b\d{4}\b/g) ?? [];
  return names.flatMap((name) => contentTerms(name, lexicon));
}

export function buildRetrieval(sources: SourceRecord[], facts: Fact[], lexicon: Lexicon): Retrieval {
  const docs = new Map<string, Doc>();
  const indexed: Indexed[] = [];
  const vocabulary = new Set<string>();
  const add = (doc: Doc, main: string[], extra: string[]) => {
    for (const t of [...main, ...extra]) {
      doc.terms.add(t);
      vocabulary.add(t);
    }
    docs.set(doc.key, doc);
    indexed.push({ key: doc.key, main: main.join(' '), extra: extra.join(' ') });
  };
  for (const fact of facts) {
    const main = contentTerms([fact.claim, ...fact.evidence].join(' '), lexicon);
    const extraText = [fact.who, fact.when, fact.where, fact.attribution, ...(fact.keywords ?? [])].join(' ');
    const quoted = new Set(contentTerms(fact.evidence.join(' '), lexicon));
    const who = new Set(contentTerms(`${fact.who ?? ''} ${fact.attribution}`, lexicon));
    const actor = new Set(contentTerms(fact.who ?? '', lexicon));
    const name = fact.evidence.find((q) => rawTokens(q).length <= NAME_WORDS);
    const defines = name === undefined ? undefined : new Set(contentTerms(name, lexicon));
    add(
      {
        key: `f:${fact.id}`,
        kind: 'fact',
        fact,
        terms: new Set(),
        quoted,
        stated: new Set(main),
        who,
        actor,
        listed: listedOnly([fact.claim, ...fact.evidence], lexicon),
        defines,
      },
      main,
      contentTerms(extraText, lexicon),
    );
  }
  const sentences = sources.flatMap((s) => splitSentences(s.id, s.text));
  sentences.forEach((sentence, i) => {
    const terms = contentTerms(sentence.text, lexicon);
    add({ key: `s:${i}`, kind: 'sentence', sentence, terms: new Set(), quoted: new Set(terms) }, terms, []);
  });

  const mini = createIndex(indexed);

  const content = new Set<string>([...lexicon.words.keys()]);
  for (const s of sources) for (const w of rawTokens(s.text)) content.add(w);
  for (const f of facts)
    for (const w of rawTokens(`${f.claim} ${(f.keywords ?? []).join(' ')}`)) content.add(w);
  for (const g of lexicon.generic) content.delete(g);
  const entities = new Set(sources.flatMap((s) => entityTerms(s, lexicon)));

  return {
    lexicon,
    vocabulary,
    entities,
    corrector: createCorrector(content, lexicon.generic),
    reader: createReader(lexicon, vocabulary, entities),
    sentences,
    curated: new Set(facts.map((f) => f.source)),
    search: termwise(mini, indexed, docs),
  };
}
