/** Topic briefs, threat comparison and digest content, assembled from the editor's briefs.json. */
import type { Brief, BriefPoint, DigestContent } from './api.js';
import { factCitations } from './compose.js';
import type { BriefInput, BriefsInput, Fact, SourceRecord } from './schema.js';

export const NOT_STATED = 'not stated';

export function asOfLine(sources: SourceRecord[]): string {
  const added =
    sources
      .map((s) => s.meta.added)
      .sort()
      .at(-1) ?? NOT_STATED;
  const names = sources.map((s) => `${s.meta.title ?? s.id} (outlet ${s.meta.outlet ?? NOT_STATED})`);
  return `As of ${added} · source: ${names.join('; ')}`;
}

export function factPoint(fact: Fact): BriefPoint {
  return { text: fact.claim, citations: factCitations(fact) };
}

export class Briefs {
  constructor(
    private readonly briefs: BriefsInput | undefined,
    private readonly facts: Map<string, Fact>,
    private readonly sources: SourceRecord[],
  ) {}

  /** One line naming what the bot covers, used when it declines. */
  coverage(): string {
    if (!this.briefs) {
      const titles = this.sources.map((s) => s.meta.title ?? s.id);
      return `Ask me about our reporting: ${titles.join('; ')}.`;
    }
    const [a, b, c] = [this.briefs.assurance, this.briefs.balloon, this.briefs.compare].map(
      (brief) => brief.topic ?? this.midSentence(brief.title),
    );
    return `Ask me about ${a}, ${b}, or ${c}.`;
  }

  /**
   * A title as it reads inside a sentence: "The spy balloon" → "the spy balloon", while a name keeps
   * its capital ("China's assurance"): a word the sources capitalise mid-sentence is a name.
   */
  private midSentence(title: string): string {
    const first = /^[A-Z][a-z]+\b/.exec(title)?.[0];
    if (first === undefined) return title;
    const asName = new RegExp(`[a-z,;:] ${first}\\b`);
    return this.sources.some((s) => asName.test(s.text))
      ? title
      : first.toLowerCase() + title.slice(first.length);
  }

  build(name: keyof BriefsInput, fallbackTitle: string, topic: string): Brief {
    const input: BriefInput | undefined = this.briefs?.[name];
    if (!input) {
      const facts = [...this.facts.values()].filter((f) => f.topics.some((t) => t === topic));
      return { title: fallbackTitle, points: facts.slice(0, 5).map(factPoint), asOf: asOfLine(this.sources) };
    }
    const points = input.points.map((p) => {
      const facts = p.facts.map((id) => this.facts.get(id)).filter((f): f is Fact => f !== undefined);
      return {
        ...(p.heading ? { heading: p.heading } : {}),
        text: p.text ?? facts.map((f) => f.claim).join(' '),
        citations: facts.flatMap(factCitations),
      };
    });
    const cited = new Set(input.points.flatMap((p) => p.facts.map((id) => this.facts.get(id)?.source)));
    const sources = this.sources.filter((s) => cited.has(s.id));
    return { title: input.title, points, asOf: asOfLine(sources.length > 0 ? sources : this.sources) };
  }

  digest(since: Date | null, now: Date): DigestContent {
    const base = this.build('digest', 'Election security digest', 'assurance');
    const sinceDay = since?.toISOString().slice(0, 10);
    const today = now.toISOString().slice(0, 10);
    // First delivery (since = null): the headline points are the news; nothing is singled out as new.
    const fresh =
      sinceDay === undefined
        ? []
        : [...this.facts.values()].filter((f) => f.added > sinceDay && f.added <= today).map(factPoint);
    return { ...base, newSince: fresh };
  }
}
