/** Requests for the whole story ("summarize", "the gist", "how does it end?") name no subject. */
import type { Understood } from './question.js';
import type { BriefsInput, Fact, SourceRecord } from './schema.js';

const OVERVIEW =
  /\b(summar\w*|gist|overview|tl;?dr|recap|rundown|main points?|key points?|takeaways?|highlights|nutshell|about|latest|news|big picture|bottom line|upshot|synopsis|essence|crux|lowdown|breakdown|short version|in brief|what happened|going on|story|article|piece)\b/i;
const ENDING = /\b(conclu\w*|ends?|ending|final|closing|wrap(s|ped)? up|last (point|part|paragraph|line))\b/i;

export interface OverviewInput {
  facts: Fact[];
  briefs?: BriefsInput;
  sources: SourceRecord[];
}

/** The facts that answer an overview request, or none when the question is not one. */
export function overviewFacts(question: string, understood: Understood, input: OverviewInput): Fact[] {
  if (understood.required.length > 0 || understood.unknown.length > 0 || understood.type !== 'what')
    return [];
  if (ENDING.test(question)) return closingFacts(input);
  if (!OVERVIEW.test(question)) return [];
  const byId = new Map(input.facts.map((f) => [f.id, f]));
  // The digest's headline points, in the editor's order, are the story in brief.
  const lead = (input.briefs?.digest.points ?? [])
    .slice(0, 2)
    .map((p) => byId.get(p.facts[0] ?? ''))
    .filter((f): f is Fact => f !== undefined);
  return lead.length > 0 ? lead : input.facts.slice(0, 2);
}

/** The fact quoting the latest passage of the newest source: how the reporting ends. */
function closingFacts({ facts, sources }: OverviewInput): Fact[] {
  const source = sources.at(-1);
  if (source === undefined) return [];
  let best: { fact: Fact; at: number } | undefined;
  for (const fact of facts) {
    if (fact.source !== source.id) continue;
    const at = Math.max(...fact.evidence.map((q) => source.text.indexOf(q)));
    if (!best || at > best.at) best = { fact, at };
  }
  return best ? [best.fact] : [];
}
