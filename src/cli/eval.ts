/** `newsroom eval [--file qa.json]`: accuracy of the ask path on a question set; exit 1 on any failure. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type EvalReport, evaluate, QaSetSchema } from '../knowledge/evaluate.js';
import { defaultKnowledgeDir, loadKnowledge } from '../knowledge/index.js';
import { readKnowledgeDir } from '../knowledge/loader.js';
import { packageRoot } from '../knowledge/paths.js';

const percent = (p: { passed: number; total: number }): string =>
  `${p.passed}/${p.total} (${p.total === 0 ? 100 : Math.round((1000 * p.passed) / p.total) / 10}%)`;

export function formatReport(file: string, report: EvalReport): string {
  const lines = [
    `Evaluated ${file}`,
    `answerable:   ${percent(report.answerable)} answered correctly with a verbatim citation`,
    `unanswerable: ${percent(report.unanswerable)} declined`,
  ];
  for (const f of report.failures) {
    const got = f.got.answered ? `answered: ${f.got.text}` : 'declined';
    lines.push(`FAIL ${JSON.stringify(f.question)}: expected ${f.expected}; ${got}`);
  }
  lines.push(report.failures.length === 0 ? 'All items pass.' : `${report.failures.length} item(s) failed.`);
  return lines.join('\n');
}

export async function runEval(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { file: { type: 'string' } },
    allowPositionals: false,
  });
  const file = values.file ?? join(packageRoot(), '..', 'shared', 'knowledge', 'qa-dev.json');
  if (!existsSync(file)) {
    console.error(
      `Cannot evaluate: ${file} does not exist. The development questions live in ../shared beside the ` +
        'repository, which a plain clone does not have; pass another set with --file, e.g. ' +
        '--file tests/knowledge/questions.json.',
    );
    return 2;
  }
  const parsed = QaSetSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    console.error(`Cannot evaluate: ${file} is not a question set (${parsed.error.issues[0]?.message}).`);
    return 2;
  }
  const knowledge = loadKnowledge();
  const texts = new Map(readKnowledgeDir(defaultKnowledgeDir()).input.sources.map((s) => [s.id, s.text]));
  const report = evaluate(knowledge, parsed.data, texts);
  console.log(formatReport(file, report));
  return report.failures.length === 0 ? 0 : 1;
}
