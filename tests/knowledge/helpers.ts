import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultKnowledgeDir } from '../../src/knowledge/index.js';

/** A writable copy of the shipped knowledge folder, for corrupting or extending in a test. */
export function copyKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-'));
  cpSync(defaultKnowledgeDir(), dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
  return dir;
}

// biome-ignore lint/suspicious/noExplicitAny: tests corrupt knowledge files in arbitrary ways
export function editJson(path: string, edit: (data: any) => void): void {
  const data = JSON.parse(readFileSync(path, 'utf8'));
  edit(data);
  writeFileSync(path, JSON.stringify(data, null, 2));
}

export const articleText = (): string =>
  readFileSync(join(defaultKnowledgeDir(), 'sources', 'article.txt'), 'utf8');
