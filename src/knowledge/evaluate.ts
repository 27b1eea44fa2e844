/** Scores a question set (qa-dev.json format) against answers from the `ask --jsonl` path. */
import { z } from 'zod';
import type { Knowledge } from './api.js';
import { answerJsonl, type JsonlAnswer } from './jsonl.js';

export const QaSetSchema = z.object({
  about: z.string().optional(),
  answerable: z.array(z.object({ q: z.string(), need: z.array(z.array(z.string()).min(1)) })),
  unanswerable: z.array(z.object({ q: z.string() })),
});
export type QaSet = z.infer<typeof QaSetSchema>;

export interface EvalFailure {
  question: string;
  expected: string;
  got: JsonlAnswer;
}

export interface EvalReport {
  answerable: { passed: number; total: number };
  unanswerable: { passed: number; total: number };
  failures: EvalFailure[];
}

/** Rules from the file's `about`: every need group matched, one verbatim quote; or a decline. */
export function evaluate(knowledge: Knowledge, qa: QaSet, sourceTexts: Map<string, string>): EvalReport {
  const failures: EvalFailure[] = [];
  let answerable = 0;
  for (const item of qa.answerable) {
    const got = answerJsonl(knowledge, item.q);
    const text = got.text.toLowerCase();
    const phrases = item.need.every((group) => group.some((p) => text.includes(p.toLowerCase())));
    const cited = got.citations.some((c) => sourceTexts.get(c.source)?.includes(c.quote) === true);
    if (got.answered && phrases && cited) answerable++;
    else
      failures.push({ question: item.q, expected: `an answer containing ${describeNeed(item.need)}`, got });
  }
  let declined = 0;
  for (const item of qa.unanswerable) {
    const got = answerJsonl(knowledge, item.q);
    if (!got.answered) declined++;
    else failures.push({ question: item.q, expected: 'a decline (answered=false)', got });
  }
  return {
    answerable: { passed: answerable, total: qa.answerable.length },
    unanswerable: { passed: declined, total: qa.unanswerable.length },
    failures,
  };
}

function describeNeed(need: string[][]): string {
  return need.map((group) => group.map((p) => `"${p}"`).join(' or ')).join(', and ');
}
