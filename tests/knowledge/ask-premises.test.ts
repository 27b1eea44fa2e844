/**
 * Plain questions whose premise the reporting does not support are declined, and answers read well:
 * the time first for when-questions, no trailing bare name, a decline that keeps proper nouns.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { packageRoot } from '../../src/knowledge/paths.js';
import { copyKnowledge, editJson } from './helpers.js';

const knowledge = loadKnowledge();

describe('false premises', () => {
  it.each([
    'How did China respond to the balloon accusation?',
    'How did Russia react to the declassified reports?',
    'When did Russia promise not to interfere?',
    'What did Sullivan promise Xi?',
    'On what date did Xi and Biden meet?',
    'What time did the call start?',
    "Who is Taiwan's president?",
  ])('given %j, then the bot declines rather than answer something else', (q) => {
    expect(knowledge.ask(q).answered).toBe(false);
  });

  it('given a promise asked about with its real giver and recipient, then it is answered', () => {
    const answer = knowledge.ask('What did President Xi promise President Biden?');
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/not interfere/);
  });

  it('given a reaction the reporting does report, then it is answered', () => {
    expect(knowledge.ask('How will the US respond to potential interference?').text).toMatch(/monitor/);
  });
});

describe('answer wording', () => {
  it('given a when-question whose fact ends on the time, then the answer opens with the time', () => {
    const answer = knowledge.ask('When was the pledge repeated?');
    expect(answer.text).toMatch(/^Over the past weekend: /);
    expect(answer.text.match(/past weekend/g)).toHaveLength(1);
  });

  it('given any question of our sets, then no answer ends on a bare name or repeats a sentence', () => {
    const dir = join(packageRoot(), 'tests', 'knowledge');
    const questions = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => {
        const set = JSON.parse(readFileSync(join(dir, f), 'utf8'));
        return [...set.answerable, ...set.unanswerable].map((x: { q: string }) => x.q);
      });
    for (const q of questions) {
      const { answered, text } = knowledge.ask(q);
      if (!answered) continue;
      expect(text, q).toMatch(/[.!?]$/);
      const sentences = text.split(/(?<=[a-z0-9)][.!?])\s+(?=[A-Z])/);
      expect(sentences.at(-1)?.split(' ').length, q).toBeGreaterThan(5);
      expect(new Set(sentences).size, q).toBe(sentences.length);
    }
  });

  it('given a decline, then it names what we cover with proper nouns capitalised', () => {
    const { text } = knowledge.ask('Who wrote Hamlet?');
    expect(text).toMatch(/^That isn't in our reporting\. /);
    expect(text).toContain("China's");
    expect(text).not.toMatch(/\bchina/);
    expect(text.length).toBeLessThan(200);
  });

  it('given briefs without a topic line, then titles are lowered only where the word is not a name', () => {
    const dir = copyKnowledge();
    editJson(join(dir, 'briefs.json'), (briefs) => {
      for (const brief of Object.values(briefs) as { topic?: string }[]) delete brief.topic;
    });
    const { text } = loadKnowledge({ dir }).ask('Who wrote Hamlet?');
    expect(text).toContain("China's assurance");
    expect(text).toContain('the spy balloon');
    expect(text).toContain('how U.S. officials compare');
  });
});
