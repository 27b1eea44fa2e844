/** Entry point of the knowledge module: load the shipped knowledge folder, or build from memory. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Knowledge } from './api.js';
import { buildKnowledge } from './build.js';
import { KnowledgeLoadError } from './errors.js';
import { loadLexicon } from './lexicon.js';
import { readKnowledgeDir } from './loader.js';
import { defaultKnowledgeDir } from './paths.js';

export type * from './api.js';
export type { BuildOptions } from './build.js';
export type { BriefsInput, Fact, SourceRecord } from './schema.js';
export { buildKnowledge, defaultKnowledgeDir, KnowledgeLoadError, loadLexicon };

/** A knowledge folder may carry its own lexicon/; otherwise the shipped one applies. */
function lexiconDir(dir: string): string {
  return existsSync(join(dir, 'lexicon', 'synonyms.json')) ? dir : defaultKnowledgeDir();
}

export interface LoadOptions {
  /** Knowledge folder; defaults to the shipped `src/knowledge`. */
  dir?: string;
  now?: () => Date;
}

/** Every problem in the knowledge files (empty when they are fine); never throws for bad data. */
export function checkKnowledge(dir: string = defaultKnowledgeDir()): string[] {
  const { problems } = readKnowledgeDir(dir);
  if (problems.length > 0) return problems;
  try {
    loadLexicon(lexiconDir(dir));
  } catch (error) {
    return [`lexicon/: ${(error as Error).message}`];
  }
  return [];
}

/** Parses, verifies and indexes once; throws KnowledgeLoadError naming every bad file and fact. */
export function loadKnowledge(options: LoadOptions = {}): Knowledge {
  const dir = options.dir ?? defaultKnowledgeDir();
  const { input, problems } = readKnowledgeDir(dir);
  if (problems.length > 0) throw new KnowledgeLoadError(problems);
  return buildKnowledge({ ...input, lexicon: loadLexicon(lexiconDir(dir)), now: options.now });
}
