import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../src/knowledge/paths.js';

const questionFileSchema = z.object({
  answerable: z.array(z.object({ q: z.string() })),
  unanswerable: z.array(z.object({ q: z.string() })).default([]),
});

export interface QuestionSet {
  file: string;
  questions: string[];
}

/** The team's dev questions when the shared folder is there, else our own test questions. */
export function loadQuestions(): QuestionSet {
  const root = packageRoot();
  const shared = join(root, '..', 'shared', 'knowledge', 'qa-dev.json');
  const file = existsSync(shared) ? shared : join(root, 'tests', 'knowledge', 'questions.json');
  const parsed = questionFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const questions = [...parsed.answerable, ...parsed.unanswerable].map((item) => item.q);
  return { file: file.startsWith(root) ? file.slice(root.length + 1) : file, questions };
}
