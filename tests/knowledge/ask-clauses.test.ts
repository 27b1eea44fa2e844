import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { askProbes } from './helpers.js';

const knowledge = loadKnowledge();
const { answered, declined } = askProbes(knowledge);

describe('a "when" clause after the question word', () => {
  it('given "what did X get when …", then it is answered as a what-question, not a time', () => {
    expect(answered('What did Biden receive when he sought assurances from Xi?')).toMatch(/promise/);
  });

  it('given a real when-question, then it is still answered with a time', () => {
    expect(answered('When did Xi make his promise?')).toMatch(/November/);
  });
});

describe('degree questions', () => {
  it('given "how high were the stakes", then the stakes are reported rather than a number sought', () => {
    expect(answered('How high were the stakes in the talks between the two presidents?')).toMatch(
      /high-stakes/,
    );
  });

  it('given "how high" about something with no number, then the bot still declines', () => {
    expect(declined('How high did the balloon fly?')).toBe(true);
  });
});

describe('places inside a country', () => {
  it('given "which state", then a place naming only the country does not answer', () => {
    expect(declined('Which U.S. state was the balloon flying over?')).toBe(true);
    expect(declined('What American state did the surveillance balloon fly over?')).toBe(true);
  });

  it('given "over which country", then the country still answers', () => {
    expect(answered('Over which country was the surveillance balloon?')).toMatch(
      /United States|over the country/,
    );
  });
});
