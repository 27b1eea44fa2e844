import { buildKnowledge, defaultKnowledgeDir, loadLexicon } from '../src/knowledge/index.js';
import { readKnowledgeDir } from '../src/knowledge/loader.js';
import { loadQuestions } from './questions.js';
import { round, roundSummary, type Summary, since, summarize } from './stats.js';
import { syntheticSources } from './synthetic-knowledge.js';

export interface KnowledgeScale {
  scale: number;
  sources: number;
  facts: number;
  buildMs: number;
  ask: Summary;
  /** Dev questions answered (not declined) at this size: synthetic facts must not drown the real ones. */
  answered: number;
}

export interface KnowledgeResult {
  questionsFile: string;
  questions: number;
  scales: KnowledgeScale[];
}

export interface KnowledgeBenchOptions {
  scales: number[];
  /** Passes over the question set per scale (after one warm-up pass). */
  passes: number;
  /** Stop sampling a scale after this long, whatever `passes` says. */
  maxMsPerScale: number;
}

/** `/election ask` latency over the dev questions at 1×, 10×, 100× the shipped base. */
export function benchKnowledge(options: KnowledgeBenchOptions): KnowledgeResult {
  const dir = defaultKnowledgeDir();
  const { input, problems } = readKnowledgeDir(dir);
  if (problems.length > 0) throw new Error(`knowledge base has problems: ${problems.join('; ')}`);
  const lexicon = loadLexicon(dir);
  const { file, questions } = loadQuestions();
  const perSource = Math.max(1, Math.round(input.facts.length / Math.max(1, input.sources.length)));
  const scales: KnowledgeScale[] = [];

  for (const scale of options.scales) {
    const extra = syntheticSources((scale - 1) * input.sources.length, perSource);
    const sources = [...input.sources, ...extra.sources];
    const facts = [...input.facts, ...extra.facts];
    const built = performance.now();
    const kb = buildKnowledge({ sources, facts, briefs: input.briefs, lexicon });
    const buildMs = since(built);

    let answered = 0;
    for (const q of questions) if (kb.ask(q).answered) answered += 1;
    const samples: number[] = [];
    const deadline = performance.now() + options.maxMsPerScale;
    for (let pass = 0; pass < options.passes && performance.now() < deadline; pass++) {
      for (const q of questions) {
        const t = performance.now();
        kb.ask(q);
        samples.push(since(t));
      }
    }
    scales.push({
      scale,
      sources: sources.length,
      facts: facts.length,
      buildMs: round(buildMs, 1),
      ask: roundSummary(summarize(samples)),
      answered,
    });
  }
  return { questionsFile: file, questions: questions.length, scales };
}
