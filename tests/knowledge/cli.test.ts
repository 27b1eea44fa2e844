import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runEval } from '../../src/cli/eval.js';
import { runKbCheck } from '../../src/cli/kb-check.js';
import { packageRoot } from '../../src/knowledge/paths.js';
import { copyKnowledge, editJson } from './helpers.js';

function capture() {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void out.push(a.join(' ')));
  return out;
}
afterEach(() => vi.restoreAllMocks());

describe('newsroom kb check', () => {
  it('given the shipped knowledge, then it reports OK and exits 0', async () => {
    const out = capture();
    expect(await runKbCheck(['check'])).toBe(0);
    expect(out.join('\n')).toMatch(/Knowledge OK: 1 source\(s\), \d+ curated fact\(s\), 17 sentence\(s\)/);
  });

  it('given a corrupted fact file, then it exits 1 naming the file and the fact', async () => {
    const dir = copyKnowledge();
    editJson(join(dir, 'facts', 'assurance.json'), (d) => {
      d.facts[2].evidence[0] = 'Xi refused to promise anything';
    });
    const out = capture();
    expect(await runKbCheck(['check', '--dir', dir])).toBe(1);
    expect(out.join('\n')).toMatch(
      /facts\/assurance\.json: fact 'xi-assured-no-interference': evidence quote not found/,
    );
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('npm run eval', () => {
  it('given our own question set, then both accuracies are printed and it exits 0', async () => {
    const out = capture();
    const code = await runEval(['--file', join(packageRoot(), 'tests', 'knowledge', 'questions.json')]);
    const text = out.join('\n');
    expect(text).toMatch(/answerable: +\d+\/\d+/);
    expect(text).toMatch(/unanswerable: +\d+\/\d+ .*declined/);
    expect(code).toBe(0);
  });

  it('given no question file (a plain clone without ../shared), then it says so and exits non-zero', async () => {
    const out = capture();
    expect(await runEval(['--file', '/nonexistent/qa-dev.json'])).toBe(2);
    expect(out.join('\n')).toMatch(/does not exist.*\.\.\/shared/s);
  });
});
