import { describe, expect, it } from 'vitest';
import { defaultKnowledgeDir, loadKnowledge, loadLexicon } from '../../src/knowledge/index.js';
import { listedOnly } from '../../src/knowledge/listed.js';
import { askProbes } from './helpers.js';

const knowledge = loadKnowledge();
const { answered, declined } = askProbes(knowledge);

describe('questions that set Russia and China against each other', () => {
  it.each([
    'How does Beijing approach meddling in elections compared to Moscow?',
    'Russia versus China as election threats?',
    'China vs Russia, what is the difference in how they interfere?',
    'How does China differ from Russia in its approach?',
    'In contrast to Russia, how does China operate?',
    'Which is the more dangerous of the two, Russia or China?',
    'What sets Russia apart from China?',
    'Unlike Russia, what is China like?',
  ])('given "%s", then the answer is the comparison of the two', (question) => {
    expect(answered(question)).toMatch(/unpredictable|hurricane|climate change/);
  });

  it('given a comparison with a country the reporting never mentions, then the bot declines', () => {
    expect(declined('How does China compare with Iran?')).toBe(true);
  });

  it('given "what sets … apart from", then nothing is excluded from the question', () => {
    expect(answered('What sets Beijing apart from Moscow?')).toMatch(/Russia/);
  });
});

describe('questions asking what a thing is that the reporting only lists', () => {
  it('given "what are the military communications channels?", then the bot declines', () => {
    expect(declined('What are the military communication channels?')).toBe(true);
    expect(declined('What is fentanyl?')).toBe(true);
  });

  it('given a question whether the listed thing came up, then it is answered', () => {
    expect(answered('Did military communications come up in the meeting?')).toMatch(
      /military communications/,
    );
  });

  it('given a thing the reporting describes, then "what is it?" is answered', () => {
    expect(answered('What was the spy balloon incident?')).toMatch(/surveillance balloon/);
  });

  it('lists the terms a fact names only inside an enumeration', () => {
    const lexicon = loadLexicon(defaultKnowledgeDir());
    const listed = listedOnly(
      ['The talks covered topics, including fentanyl and Taiwan, among others.'],
      lexicon,
    );
    expect([...listed].sort()).toEqual(['fentanyl', 'taiwan']);
  });
});

describe('a title bound to a country the reporting names', () => {
  it.each([
    "How is Russia's president portrayed?",
    'Who is the president of Taiwan?',
    'What did the Russian leader say?',
  ])('given "%s", then the bot declines: the reporting names no such person', (question) =>
    expect(declined(question)).toBe(true),
  );

  it("given China's president or the US president, then the named person answers", () => {
    expect(answered("What did China's president promise?")).toMatch(/interfere/);
    expect(answered('What did the US president ask for?')).toMatch(/assurances|promise/);
  });
});

describe('a time relative to a year', () => {
  it('given "before 2016", then a fact dated from 2016 on does not answer', () => {
    expect(declined('Which elections did Russia interfere in before 2016?')).toBe(true);
  });

  it('given "since 2016", then it is answered', () => {
    expect(answered('What has worried security officials since 2016?')).toMatch(/2016/);
  });
});

describe('places and earlier knowledge', () => {
  it('given "over which country", then the place is given', () => {
    expect(answered('Over what country was the balloon floating?')).toMatch(/over the country/);
  });

  it('given "which states", then the bot declines: the reporting names no state', () => {
    expect(declined('Which states did the spy balloon cross over?')).toBe(true);
  });

  it('given "had anyone heard of it before?", then the undisclosed conversation answers', () => {
    expect(answered('Had people heard of the Xi-Biden call before?')).toMatch(/undisclosed/);
  });
});

describe('a promise and its later repetition', () => {
  it('given a question about the promise, then the promise itself leads, not its repetition', () => {
    expect(answered('What is the Chinese commitment?')).toMatch(/^Chinese President Xi Jinping assured/);
  });

  it('given a question about the repetition, then the repetition answers', () => {
    expect(answered('Was the commitment restated?')).toMatch(/reiterated/);
  });

  it('given "how do officials regard China\'s promise?", then the noun is not read as China promising', () => {
    expect(answered("How do officials regard China's promise?")).toMatch(/cautious/);
  });
});

describe("a question asking for someone's exact words", () => {
  it('given "what were Xi\'s exact words?", then the bot declines: the reporting quotes nobody', () => {
    expect(declined("What were Xi's exact words to Biden?")).toBe(true);
  });
});

describe('what a long question is about', () => {
  it('given "…promise about fentanyl?", then a fact about another promise does not answer', () => {
    expect(declined('What did the Chinese foreign minister pledge about fentanyl?')).toBe(true);
  });

  it('given a comparison along a dimension the reporting lacks, then the bot declines', () => {
    expect(declined('How do China and Russia compare economically?')).toBe(true);
  });

  it('given a comparison with a filler adverb, then it is answered', () => {
    expect(answered('How do China and Russia compare, realistically?')).toMatch(/unpredictable/);
  });
});
