/** `newsroom kb check [dir]`: validates every knowledge file and reports every problem, one per line. */
import { parseArgs } from 'node:util';
import { checkKnowledge, defaultKnowledgeDir, loadKnowledge } from '../knowledge/index.js';

export async function runKbCheck(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { dir: { type: 'string' } },
    allowPositionals: true,
  });
  const dir = values.dir ?? positionals.find((p) => p !== 'check') ?? defaultKnowledgeDir();
  const problems = checkKnowledge(dir);
  if (problems.length > 0) {
    console.error(`Knowledge check failed: ${problems.length} problem(s) in ${dir}`);
    for (const p of problems) console.error(`- ${p}`);
    return 1;
  }
  const sources = loadKnowledge({ dir }).sources();
  const facts = sources.reduce((n, s) => n + s.facts, 0);
  const sentences = sources.reduce((n, s) => n + s.sentences, 0);
  console.log(
    `Knowledge OK: ${sources.length} source(s), ${facts} curated fact(s), ${sentences} sentence(s).`,
  );
  return 0;
}
