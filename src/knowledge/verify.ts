/** Cross-file checks: every quote verbatim in its source, ids unique, briefs point at real facts. */
import type { BriefsInput, Fact, SourceRecord } from './schema.js';

export interface KnowledgeInput {
  sources: SourceRecord[];
  facts: Fact[];
  briefs?: BriefsInput;
}

export function verifyKnowledge({ sources, facts, briefs }: KnowledgeInput): string[] {
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
    for (const [name, brief] of Object.entries(briefs)) {
      for (const point of brief.points) {
        for (const id of point.facts) {
          if (!seen.has(id)) problems.push(`briefs.json: brief '${name}' cites unknown fact '${id}'`);
        }
      }
    }
  }
  return problems;
}
