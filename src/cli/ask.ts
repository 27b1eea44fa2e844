import { createInterface } from 'node:readline';
import type { Knowledge } from '../knowledge/api.js';
import { answerJsonl } from '../knowledge/jsonl.js';
import type { ParsedArgs } from './args.js';

/** `newsroom ask`: one question, or a stream of them with --jsonl (load once, answer many). */
export async function runAsk(args: ParsedArgs, knowledge: Knowledge): Promise<number> {
  if (args.flags.has('jsonl')) {
    const rl = createInterface({ input: process.stdin, terminal: false });
    for await (const line of rl) {
      if (line.trim() === '') continue;
      process.stdout.write(`${JSON.stringify(answerJsonl(knowledge, line))}\n`);
    }
    return 0;
  }
  const question = args.positionals.join(' ').trim();
  if (question === '') {
    process.stderr.write('newsroom ask: give a question, e.g. newsroom ask "Was Xi aware of the balloon?"\n');
    return 2;
  }
  const answer = answerJsonl(knowledge, question);
  if (args.flags.has('json')) {
    process.stdout.write(`${JSON.stringify(answer)}\n`);
    return 0;
  }
  const lines = [answer.text, ...answer.citations.map((c) => `  > "${c.quote}" (${c.source})`)];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
