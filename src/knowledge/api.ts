/**
 * The knowledge module's public contract. Commands, digests and the CLI depend on this file only;
 * everything else under src/knowledge is an implementation detail.
 */
export interface Citation {
  /** Verbatim text of the source: always an exact substring of it. */
  quote: string;
  /** Source id, e.g. `article`. */
  source: string;
  /** Who the source attributes the statement to ("U.S. officials"), when it says. */
  attribution?: string;
}

export interface Answer {
  question: string;
  /** False when our reporting does not answer the question: then `text` says what we do cover. */
  answered: boolean;
  /** The direct answer in 1–3 sentences (or the polite decline). */
  text: string;
  citations: Citation[];
}

export interface BriefPoint {
  heading?: string;
  text: string;
  citations: Citation[];
}

export interface Brief {
  title: string;
  points: BriefPoint[];
  /** "As of 2026-11-25 · source: article (outlet not stated)". */
  asOf: string;
}

export type Topic = 'assurance' | 'balloon';
export type ThreatFocus = 'russia' | 'china' | 'compare';

export interface SourceInfo {
  id: string;
  title: string;
  outlet: string;
  published: string;
  /** ISO date the source was added to the knowledge base. */
  addedOn: string;
  facts: number;
  sentences: number;
}

export interface DigestContent extends Brief {
  /** Facts added after `since`; empty when nothing is new. */
  newSince: BriefPoint[];
}

export interface Knowledge {
  ask(question: string): Answer;
  brief(topic: Topic): Brief;
  threats(focus: ThreatFocus): Brief;
  /** Today's digest; `since` = the subscription's previous delivery (null: never delivered). */
  digest(options: { since: Date | null }): DigestContent;
  sources(): SourceInfo[];
}
