/** Builds a Knowledge from in-memory sources and facts: parsing and indexing happen here, once. */
import type { Answer, Brief, Knowledge, SourceInfo, ThreatFocus, Topic } from './api.js';
import { Briefs, NOT_STATED } from './briefs.js';
import { createComposer, decline } from './compose.js';
import { loadEnglishWords } from './english-words.js';
import { KnowledgeLoadError } from './errors.js';
import { type Lexicon, loadLexicon } from './lexicon.js';
import { findAnswer } from './match.js';
import { overviewFacts } from './overview.js';
import { defaultKnowledgeDir } from './paths.js';
import { understand } from './question.js';
import { buildRetrieval } from './retrieval.js';
import { loadTagger } from './tagger.js';
import { type KnowledgeInput, verifyKnowledge } from './verify.js';

export interface BuildOptions extends KnowledgeInput {
  /** Query-understanding vocabulary; defaults to the shipped `lexicon/`. */
  lexicon?: Lexicon;
  now?: () => Date;
}

const THREAT_TITLES: Record<ThreatFocus, string> = {
  russia: 'Russia: the threat as U.S. officials see it',
  china: 'China: the threat as U.S. officials see it',
  compare: 'Russia and China compared',
};

/** Throws KnowledgeLoadError when a quote is not verbatim in its source or an id is reused. */
export function buildKnowledge(options: BuildOptions): Knowledge {
  const { sources, facts, briefs, now = () => new Date() } = options;
  const lexicon = options.lexicon ?? loadLexicon(defaultKnowledgeDir());
  const problems = verifyKnowledge({ sources, facts, briefs });
  if (problems.length > 0) throw new KnowledgeLoadError(problems);
  const retrieval = buildRetrieval(sources, facts, lexicon);
  loadTagger();
  loadEnglishWords();
  const byId = new Map(facts.map((f) => [f.id, f]));
  const assembled = new Briefs(briefs, byId, sources);
  const coverage = assembled.coverage();
  const compose = createComposer();
  const infos: SourceInfo[] = sources.map((s) => ({
    id: s.id,
    title: s.meta.title ?? NOT_STATED,
    outlet: s.meta.outlet ?? NOT_STATED,
    published: s.meta.published ?? NOT_STATED,
    addedOn: s.meta.added,
    facts: facts.filter((f) => f.source === s.id).length,
    sentences: retrieval.sentences.filter((x) => x.source === s.id).length,
  }));

  return {
    ask(question: string): Answer {
      const understood = understand(question, retrieval);
      const match = findAnswer(question, understood, retrieval);
      if (match) return compose(question, match, understood.type);
      const overview = overviewFacts(question, understood, { facts, briefs, sources });
      if (overview.length === 0) return decline(question, coverage);
      return compose(question, { facts: overview, leadWithPart: false }, understood.type);
    },
    brief(topic: Topic): Brief {
      return assembled.build(topic, topic === 'assurance' ? "China's assurance" : 'The spy balloon', topic);
    },
    threats(focus: ThreatFocus): Brief {
      return assembled.build(focus, THREAT_TITLES[focus], 'threats');
    },
    digest({ since }) {
      return assembled.digest(since, now());
    },
    sources: () => infos.map((i) => ({ ...i })),
  };
}
