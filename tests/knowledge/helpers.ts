import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Knowledge } from '../../src/knowledge/api.js';
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

/**
 * `answered(q)` asserts the shipped knowledge answers q, citing verbatim quotes, and returns the
 * text; `declined(q)` says whether it declined. Shared by the behaviour tests of `ask`.
 */
export function askProbes(knowledge: Knowledge) {
  const article = articleText();
  return {
    answered(question: string): string {
      const answer = knowledge.ask(question);
      expect(answer.answered, question).toBe(true);
      expect(answer.citations.length).toBeGreaterThan(0);
      for (const c of answer.citations) expect(article).toContain(c.quote);
      return answer.text;
    },
    declined: (question: string): boolean => !knowledge.ask(question).answered,
  };
}
