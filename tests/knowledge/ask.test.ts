import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { articleText } from './helpers.js';

const knowledge = loadKnowledge();
const article = articleText();

describe('asking a question', () => {
  it('given a when-question, then the answer leads with the time the source gives', () => {
    const answer = knowledge.ask('When did Sullivan reiterate the commitment?');
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/past weekend/);
  });

  it('given a who-question, then the answer leads with the person, as the source names them', () => {
    const answer = knowledge.ask('Who reiterated the pledge?');
    expect(
      answer.text.startsWith('National Security Advisor Jake Sullivan and the Chinese foreign minister'),
    ).toBe(true);
    // The source never names the foreign minister: neither may the bot.
    expect(answer.text).not.toMatch(/Wang/);
  });

  it('given a typo-ridden terse query, then it is understood', () => {
    const answer = knowledge.ask('chinse promse electon interferance');
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/not interfere/);
  });

  it('given an answer, then it is 1–3 sentences followed by verbatim citations with attribution', () => {
    const answer = knowledge.ask('What did Biden say about Xi and the balloon?');
    const sentences = answer.text.split(/(?<=[.!?])\s+(?=[A-Z])/);
    expect(sentences.length).toBeGreaterThanOrEqual(1);
    expect(sentences.length).toBeLessThanOrEqual(3);
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) {
      expect(article).toContain(c.quote);
      expect(c.source).toBe('article');
      expect(c.attribution).toBe('President Biden');
    }
  });

  it('given a question about an entity the source never mentions, then it declines and says what it covers', () => {
    const answer = knowledge.ask('Did Brazil interfere in the election?');
    expect(answer).toMatchObject({ answered: false, citations: [] });
    expect(answer.text).toMatch(/^That isn't in our reporting\./);
    expect(answer.text).toMatch(/assurance/i);
    expect(answer.text).toMatch(/balloon/i);
    expect(answer.text).toMatch(/Russia and China/);
  });

  it('given known words combined in a way the source never states, then it declines rather than stretch', () => {
    expect(knowledge.ask('Did Russia pledge not to interfere?').answered).toBe(false);
    expect(knowledge.ask('Did Biden and Xi discuss Taiwan?').answered).toBe(false);
    expect(knowledge.ask('What day was the balloon shot down?').answered).toBe(false);
    expect(knowledge.ask('Why did Xi keep the conversation secret?').answered).toBe(false);
  });

  it('given the same question twice, then the answer is identical (no state between questions)', () => {
    const q = 'How do officials see Russia?';
    expect(knowledge.ask(q)).toEqual(knowledge.ask(q));
  });
});
