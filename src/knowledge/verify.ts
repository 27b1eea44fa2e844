/** Cross-file checks: every quote verbatim in its source, ids unique, briefs point at real facts. */
import type { BriefsInput, Fact, SourceRecord } from './schema.js';

export interface KnowledgeInput {
  sources: SourceRecord[];
  facts: Fact[];
  briefs?: BriefsInput;
  /** Ids of facts that failed their schema: already reported, so briefs citing them are not. */
  rejectedIds?: string[];
}

export function verifyKnowledge({ sources, facts, briefs, rejectedIds = [] }: KnowledgeInput): string[] {
  const problems: string[] = [];
  const texts = new Map(sources.map((s) => [s.id, s.text]));
  const seen = new Map<string, string>();
  for (const fact of facts) {
    const where = `${fact.origin ?? 'facts'}: fact '${fact.id}'`;
    const previous = seen.get(fact.id);
    if (previous !== undefined) problems.push(`${where}: id already used in ${previous}`);
    seen.set(fact.id, fact.origin ?? 'facts');
    const text = texts.get(fact.source);
    if (text === undefined) {
      problems.push(`${where}: unknown source '${fact.source}'`);
      continue;
    }
    for (const quote of fact.evidence) {
      if (!text.includes(quote)) {
        problems.push(`${where}: evidence quote not found verbatim in source '${fact.source}': "${quote}"`);
      }
    }
  }
  if (briefs) {
    const rejected = new Set(rejectedIds);
    for (const [name, brief] of Object.entries(briefs)) {
      const unknown = new Set(
        brief.points.flatMap((p) => p.facts).filter((id) => !seen.has(id) && !rejected.has(id)),
      );
      for (const id of unknown) problems.push(`briefs.json: brief '${name}' cites unknown fact '${id}'`);
    }
  }
  return problems;
}
