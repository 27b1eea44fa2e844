import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkKnowledge, KnowledgeLoadError, loadKnowledge } from '../../src/knowledge/index.js';
import { copyKnowledge, editJson } from './helpers.js';

const dirs: string[] = [];
const scratch = (): string => {
  const dir = copyKnowledge();
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function loadProblems(dir: string): string[] {
  try {
    loadKnowledge({ dir });
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeLoadError);
    return (error as KnowledgeLoadError).problems;
  }
  throw new Error('loadKnowledge accepted a corrupted knowledge folder');
}

describe('loading the knowledge folder', () => {
  it('given the shipped knowledge, then the check finds no problem and start-up succeeds', () => {
    expect(checkKnowledge()).toEqual([]);
    const sources = loadKnowledge().sources();
    expect(sources.map((s) => s.id)).toEqual(['article']);
    expect(sources[0]).toMatchObject({ title: 'not stated', outlet: 'not stated', published: 'not stated' });
    expect(sources[0]?.facts).toBeGreaterThan(20);
  });

  it('given a fact whose quote is not verbatim in the source, then check and start-up name the file, fact and quote', () => {
    const dir = scratch();
    editJson(join(dir, 'facts', 'balloon.json'), (d) => {
      d.facts[0].evidence = ['China admitted sending the balloon'];
    });
    for (const problems of [checkKnowledge(dir), loadProblems(dir)]) {
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain('facts/balloon.json');
      expect(problems[0]).toContain("fact 'promise-credibility-questioned'");
      expect(problems[0]).toContain('China admitted sending the balloon');
    }
  });

  it('given a fact missing its claim, then the problem names the fact and the missing field', () => {
    const dir = scratch();
    editJson(join(dir, 'facts', 'threats.json'), (d) => {
      delete d.facts[1].claim;
    });
    const problems = loadProblems(dir);
    expect(problems).toEqual([
      expect.stringMatching(
        /facts\/threats\.json: fact 'china-tolerance-russia-tactics': missing field 'claim'/,
      ),
    ]);
  });

  it('given several broken files, then every problem is reported at once', () => {
    const dir = scratch();
    editJson(join(dir, 'facts', 'outlook.json'), (d) => {
      d.facts[0].topics = ['weather'];
      d.facts[1].id = 'Not An Id';
    });
    writeFileSync(join(dir, 'facts', 'broken.json'), '{ not json');
    editJson(join(dir, 'briefs.json'), (d) => {
      d.balloon.points[0].facts = ['no-such-fact'];
    });
    const problems = checkKnowledge(dir);
    expect(problems.some((p) => p.includes("fact 'us-will-monitor'") && p.includes('topics'))).toBe(true);
    expect(problems.some((p) => p.includes("fact 'Not An Id'") && p.includes("'id'"))).toBe(true);
    expect(problems.some((p) => p.startsWith('facts/broken.json: not valid JSON'))).toBe(true);
    expect(
      problems.some((p) => p.includes("briefs.json: brief 'balloon' cites unknown fact 'no-such-fact'")),
    ).toBe(true);
  });

  it('given the same fact id in two files, then the duplicate is reported', () => {
    const dir = scratch();
    editJson(join(dir, 'facts', 'outlook.json'), (d) => {
      d.facts[0].id = 'china-long-game';
    });
    expect(checkKnowledge(dir)).toContainEqual(
      "facts/threats.json: fact 'china-long-game': id already used in facts/outlook.json",
    );
  });

  it('given an article text without its metadata file, then the check asks for title and dates', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'sources', 'extra.txt'), 'Officials met on Monday.');
    expect(checkKnowledge(dir)).toEqual([expect.stringMatching(/^sources\/extra\.json: missing/)]);
  });
});
