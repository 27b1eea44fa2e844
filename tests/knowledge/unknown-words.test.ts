/**
 * Words the sources never use: those that only frame a question (adverbs, belief verbs, asides,
 * inflections and British spellings) no longer cause a decline, while unknown names, numbers,
 * attributes and the very action asked about still do.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';

const knowledge = loadKnowledge();

describe('given a fair question with a word the sources never use', () => {
  it.each([
    ['How trustworthy is China’s pledge, realistically?', 'credib'],
    ['Which country do officials reckon is more unpredictable?', 'Russia'],
    ['In a nutshell, what’s the story with the spy balloon?', 'balloon'],
    ['Was the Xi-Biden call publicised at the time?', 'not made public'],
  ])('when asked %j, then it answers with %j and a quote', (question, phrase) => {
    const answer = knowledge.ask(question);
    expect(answer.answered, answer.text).toBe(true);
    expect(answer.text.toLowerCase()).toContain(phrase.toLowerCase());
    expect(answer.citations.length).toBeGreaterThan(0);
  });
});

describe('given a request or a question about trust phrased with a modal', () => {
  it.each([
    ['Could you summarise the article?', 'interfere'],
    ['Honestly, how much should we trust Xi’s word?', 'credib'],
  ])('when asked %j, then it answers with %j', (question, phrase) => {
    const answer = knowledge.ask(question);
    expect(answer.answered, answer.text).toBe(true);
    expect(answer.text.toLowerCase()).toContain(phrase);
  });

  it('still reads "can you confirm…" as a yes/no question about what it names', () => {
    expect(knowledge.ask('Can you confirm that Iran interfered in the election?').answered).toBe(false);
  });
});

describe('given a question whose unknown word is what it asks about', () => {
  it.each([
    'Who shot down the balloon?',
    'Did Xi refuse to promise anything?',
    'Did Xi admit to interfering?',
    'What was inside the spy balloon?',
    'Who is the prime minister?',
    'Is Xi popular?',
    'In Iran, did anyone interfere in the election?',
    'Iran: did China interfere in the election?',
    'What colour was the spy balloon, realistically?',
    'Did China meddle in the 2020 election?',
    // A real word is never "corrected" into a known one ("wear" is not "swear").
    'What did Xi wear at the summit?',
    'How did Biden respond militarily to the balloon?',
  ])('when asked %j, then it declines', (question) => {
    const answer = knowledge.ask(question);
    expect(answer.answered, answer.text).toBe(false);
    expect(answer.citations).toEqual([]);
  });
});
