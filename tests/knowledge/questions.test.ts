import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, QaSetSchema } from '../../src/knowledge/evaluate.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { packageRoot } from '../../src/knowledge/paths.js';
import { articleText } from './helpers.js';

const knowledge = loadKnowledge();
const texts = new Map([['article', articleText()]]);

function suite(name: string, file: string): void {
  describe.runIf(existsSync(file))(name, () => {
    const qa = QaSetSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    it.each(qa.answerable.map((a) => [a.q, a]))(
      'answers %j with the needed phrases and a verbatim quote',
      (_q, item) => {
        const report = evaluate(knowledge, { answerable: [item], unanswerable: [] }, texts);
        expect(report.failures).toEqual([]);
      },
    );
    it.each(qa.unanswerable.map((u) => [u.q, u]))('declines %j', (_q, item) => {
      const answer = knowledge.ask(item.q);
      expect(answer.answered, answer.text).toBe(false);
      expect(answer.citations).toEqual([]);
    });
  });
}

suite('our own question set', join(packageRoot(), 'tests', 'knowledge', 'questions.json'));
suite('the shared development set', join(packageRoot(), '..', 'shared', 'knowledge', 'qa-dev.json'));
