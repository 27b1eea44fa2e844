/** The shapes of the knowledge files an editor writes; every type here is derived from these schemas. */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (YYYY-MM-DD)');
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');

/** `sources/<id>.json`, beside `sources/<id>.txt`. Unknown metadata is null, rendered "not stated". */
export const SourceMetaSchema = z.strictObject({
  title: z.string().min(1).nullable(),
  outlet: z.string().min(1).nullable(),
  published: isoDate.nullable(),
  added: isoDate,
});
export type SourceMeta = z.infer<typeof SourceMetaSchema>;

export const TOPICS = ['assurance', 'balloon', 'threats', 'relations', 'outlook', 'context'] as const;

export const FactSchema = z.strictObject({
  id,
  topics: z.array(z.enum(TOPICS)).min(1),
  /** The claim in plain newsroom language; it is the answer's lead. */
  claim: z.string().min(10),
  /** Verbatim substrings of the source text. */
  evidence: z.array(z.string().min(8)).min(1),
  attribution: z.string().min(1),
  /** The actor(s), named exactly as the source names them: leads who-questions. */
  who: z.string().min(1).optional(),
  /** The time the source gives ("in November"): leads when-questions. */
  when: z.string().min(1).optional(),
  /** The place the source gives: leads where-questions. */
  where: z.string().min(1).optional(),
  /** The reason the source gives: marks the fact as answering why-questions. */
  why: z.string().min(1).optional(),
  /** Extra words an editor expects readers to use for this fact (helps retrieval, never shown). */
  keywords: z.array(z.string()).optional(),
  /** Defaults to the file's source. */
  source: id.optional(),
  added: isoDate,
});
export type FactInput = z.infer<typeof FactSchema>;

/** `facts/<name>.json`: the facts about one source, usually one file per topic. */
export const FactFileShellSchema = z.strictObject({
  source: id,
  facts: z.array(z.unknown()),
});

const BriefPointSchema = z.strictObject({
  heading: z.string().optional(),
  /** Editor's wording; defaults to the facts' claims. */
  text: z.string().optional(),
  facts: z.array(id).min(1),
});
export type BriefPointInput = z.infer<typeof BriefPointSchema>;

const BriefSchema = z.strictObject({
  title: z.string().min(1),
  /** What the brief covers as it reads mid-sentence ("the spy balloon"): the decline lists these. */
  topic: z.string().min(1).optional(),
  points: z.array(BriefPointSchema).min(1),
});
export type BriefInput = z.infer<typeof BriefSchema>;

/** `briefs.json`: which facts make each brief, in order. */
export const BriefsSchema = z.strictObject({
  assurance: BriefSchema,
  balloon: BriefSchema,
  russia: BriefSchema,
  china: BriefSchema,
  compare: BriefSchema,
  digest: BriefSchema,
});
export type BriefsInput = z.infer<typeof BriefsSchema>;

/** A parsed, verified source as the rest of the module sees it. */
export interface SourceRecord {
  id: string;
  text: string;
  meta: SourceMeta;
}

/** A verified fact, its source resolved. */
export type Fact = Omit<FactInput, 'source'> & {
  source: string;
  /** Where the fact was written (`facts/assurance.json`), for problem messages. */
  origin?: string;
};
