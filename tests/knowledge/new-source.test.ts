import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildKnowledge, checkKnowledge, loadKnowledge } from '../../src/knowledge/index.js';
import { copyKnowledge } from './helpers.js';

const NEW_ARTICLE =
  'Election officials in Arizona tested new ballot scanners on Tuesday. The county clerk said the machines passed every check. ' +
  'A second round of audits is planned for March.';

describe('adding a plain article without curating facts', () => {
  const dir = copyKnowledge();
  writeFileSync(join(dir, 'sources', 'scanners.txt'), NEW_ARTICLE);
  writeFileSync(
    join(dir, 'sources', 'scanners.json'),
    JSON.stringify({
      title: 'Arizona tests ballot scanners',
      outlet: null,
      published: '2026-11-20',
      added: '2026-11-26',
    }),
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes the check and is listed with its sentences', () => {
    expect(checkKnowledge(dir)).toEqual([]);
    const info = loadKnowledge({ dir })
      .sources()
      .find((s) => s.id === 'scanners');
    expect(info).toMatchObject({ title: 'Arizona tests ballot scanners', facts: 0, sentences: 3 });
  });

  it('answers at sentence level, quoting the new article verbatim', () => {
    const answer = loadKnowledge({ dir }).ask('When are the next audits planned?');
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/March/);
    expect(answer.citations).toEqual([
      { quote: 'A second round of audits is planned for March.', source: 'scanners' },
    ]);
  });

  it('still declines what neither source says, and curated facts still answer the original story', () => {
    const knowledge = loadKnowledge({ dir });
    expect(knowledge.ask('How many scanners failed in Nevada?').answered).toBe(false);
    expect(knowledge.ask('Who raised election interference?').citations[0]?.source).toBe('article');
  });
});

describe('buildKnowledge from memory', () => {
  const text = 'The mayor opened the bridge in May. The bridge cost the city a large sum.';
  const source = {
    id: 'bridge',
    text,
    meta: { title: 'Bridge', outlet: null, published: null, added: '2026-01-01' },
  };

  const bridgeKnowledge = (claim: string) =>
    buildKnowledge({
      sources: [source],
      facts: [
        {
          id: 'bridge-opened',
          topics: ['context'],
          claim,
          evidence: ['The mayor opened the bridge in May.'],
          attribution: 'our reporting',
          when: 'in May',
          source: 'bridge',
          added: '2026-01-01',
        },
      ],
    });

  it('ranks a curated fact above the raw sentence it is drawn from', () => {
    const answer = bridgeKnowledge('The mayor opened the bridge in May.').ask(
      'When did the mayor open the bridge?',
    );
    expect(answer.text).toBe('The mayor opened the bridge in May.');
    expect(answer.citations[0]?.attribution).toBe('our reporting');
  });

  it('words the same fact the same way for every question, each answer keeping its own question', () => {
    const knowledge = bridgeKnowledge('The mayor opened the bridge in May.');
    const first = knowledge.ask('When did the mayor open the bridge?');
    const second = knowledge.ask('when was the bridge opened by the mayor');
    expect(second).toEqual({ ...first, question: 'when was the bridge opened by the mayor' });
  });

  it('keeps later answers intact when a caller changes the citations it was given', () => {
    const knowledge = bridgeKnowledge('The mayor opened the bridge in May.');
    const given = knowledge.ask('When did the mayor open the bridge?');
    given.citations.pop();
    expect(() => {
      (knowledge.ask('When did the mayor open the bridge?').citations[0] as { quote: string }).quote =
        'altered';
    }).toThrow(TypeError);
    expect(knowledge.ask('When did the mayor open the bridge?').citations).toEqual([
      { quote: 'The mayor opened the bridge in May.', source: 'bridge', attribution: 'our reporting' },
    ]);
  });

  it('answers from its own facts when another knowledge base has a fact of the same id', () => {
    bridgeKnowledge('The mayor opened the bridge in May.').ask('When did the mayor open the bridge?');
    const other = bridgeKnowledge('In May, the mayor opened the new bridge.');
    expect(other.ask('When did the mayor open the bridge?').text).toBe(
      'In May, the mayor opened the new bridge.',
    );
  });

  it('refuses facts whose evidence is not in the source', () => {
    const fact = {
      id: 'bad',
      topics: ['context' as const],
      claim: 'The bridge was free to build.',
      evidence: ['the bridge was free'],
      attribution: 'our reporting',
      source: 'bridge',
      added: '2026-01-01',
    };
    expect(() => buildKnowledge({ sources: [source], facts: [fact] })).toThrow(
      /fact 'bad': evidence quote not found/,
    );
  });
});
