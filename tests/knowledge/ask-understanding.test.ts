import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { askProbes } from './helpers.js';

const knowledge = loadKnowledge();
const { answered, declined } = askProbes(knowledge);

describe('questions about who brought about a state the source only reports', () => {
  it('given "who revealed the undisclosed conversation?", then the bot declines', () => {
    expect(declined('Who revealed the undisclosed conversation?')).toBe(true);
    expect(declined('Who declassified the intelligence reports?')).toBe(true);
  });

  it('given a question about the state itself, then it is answered', () => {
    expect(answered('Had the Xi-Biden conversation been disclosed before?')).toMatch(/undisclosed/);
  });
});

describe('yes/no questions about an exchange between named parties', () => {
  it('given parties the source never puts together, then the bot does not imply yes', () => {
    expect(declined('Did Sullivan meet Xi?')).toBe(true);
  });

  it('given the parties of a reported exchange, then it is answered', () => {
    expect(answered('Did Xi and Biden discuss fentanyl?')).toMatch(/fentanyl/);
  });
});

describe('words that frame a question rather than name its subject', () => {
  it('given "which official…", then the person is found without the word "official"', () => {
    expect(answered("Which official spoke with China's foreign minister?")).toMatch(/Sullivan/);
  });

  it('given the event a time is measured from, then the question is about what followed', () => {
    expect(answered('Was the pledge repeated after the November call?')).toMatch(/reiterated/);
  });

  it('given "besides X", then X is left out of what the answer must hold', () => {
    expect(answered('What did the two leaders talk about besides meddling?')).toMatch(/fentanyl/);
  });

  it('given a false premise padded with names, then a missing predicate is not forgiven', () => {
    expect(declined('How did Russia promise to stay out of the election?')).toBe(true);
    expect(declined("How did the Chinese foreign minister react to Sullivan's request?")).toBe(true);
  });
});

describe('requests for the whole story', () => {
  it('given "summarize the article", then the lead facts answer with their quotes', () => {
    expect(answered('Summarize the article.')).toMatch(/not interfere/);
    expect(answered('Give me the gist of the story')).toMatch(/not interfere/);
  });

  it('given "how does the article end?", then the closing passage answers', () => {
    expect(answered('How does the article conclude?')).toMatch(/vigilance/);
  });

  it('given an unknown word beside the request, then the bot still declines', () => {
    expect(declined('Summarize the recipe')).toBe(true);
  });
});

describe('why-questions', () => {
  it('given a fact whose claim omits its reason, then the answer states the reason', () => {
    expect(answered('Why is Russia likened to a hurricane?')).toMatch(/unpredictable/);
  });
});

describe('characterisations', () => {
  it('given "how were the talks described?", then the characterisation answers', () => {
    expect(answered('How were the discussions between Xi and Biden characterized?')).toMatch(/high-stakes/);
  });
});
