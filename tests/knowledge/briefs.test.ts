import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { articleText } from './helpers.js';

const knowledge = loadKnowledge({ now: () => new Date('2026-12-01T09:00:00Z') });
const article = articleText();

function expectCited(points: { citations: { quote: string }[] }[]): void {
  for (const p of points) {
    expect(p.citations.length).toBeGreaterThan(0);
    for (const c of p.citations) expect(article).toContain(c.quote);
  }
}

describe('topic briefs', () => {
  it('given /election assurance, then a few tight cited points about the promise and its reiteration', () => {
    const brief = knowledge.brief('assurance');
    expect(brief.points.length).toBeGreaterThanOrEqual(3);
    expect(brief.points.length).toBeLessThanOrEqual(6);
    expectCited(brief.points);
    const text = brief.points.map((p) => p.text).join(' ');
    expect(text).toMatch(/not interfere/);
    expect(text).toMatch(/Sullivan/);
    expect(brief.asOf).toBe('As of 2026-11-25 · source: article (outlet not stated)');
  });

  it('given /election balloon, then the incident, Xi not being aware and his limited visibility', () => {
    const brief = knowledge.brief('balloon');
    expectCited(brief.points);
    const text = brief.points.map((p) => p.text).join(' ');
    expect(text).toMatch(/surveillance balloon/);
    expect(text).toMatch(/not even aware/);
    expect(text).toMatch(/visibility/);
  });

  it('given threats compare, then Russia and China side by side on each aspect', () => {
    const brief = knowledge.threats('compare');
    expectCited(brief.points);
    const headings = brief.points.map((p) => p.heading);
    expect(headings).toEqual([
      'Characterisation',
      'Predictability',
      'Metaphor',
      'Tactics',
      'Tolerance for Russia-like tactics',
      'What stays uncertain',
    ]);
    for (const p of brief.points) expect(p.text).toMatch(/China:/);
    const metaphor = brief.points.find((p) => p.heading === 'Metaphor');
    expect(metaphor?.text).toMatch(/Russia: a hurricane\. China: climate change\./);
  });

  it('given threats russia or china, then only that country is the subject', () => {
    expect(
      knowledge
        .threats('russia')
        .points.map((p) => p.text)
        .join(' '),
    ).toMatch(/hurricane/);
    expect(
      knowledge
        .threats('china')
        .points.map((p) => p.text)
        .join(' '),
    ).toMatch(/slow and strategic/);
  });
});

describe('digest content', () => {
  it('given a first delivery, then headline points and nothing singled out as new', () => {
    const digest = knowledge.digest({ since: null });
    expect(digest.points.map((p) => p.heading)).toEqual([
      'The assurance',
      'Credibility',
      'Russia vs China',
      'What officials will watch',
    ]);
    expectCited(digest.points);
    expect(digest.newSince).toEqual([]);
    expect(digest.asOf).toMatch(/^As of 2026-11-25/);
  });

  it('given a previous delivery before the facts were added, then they are listed as new; after, nothing is', () => {
    expect(knowledge.digest({ since: new Date('2026-11-01T00:00:00Z') }).newSince.length).toBeGreaterThan(20);
    expect(knowledge.digest({ since: new Date('2026-11-26T00:00:00Z') }).newSince).toEqual([]);
  });
});

describe('sources', () => {
  it('says "not stated" for metadata the article does not give', () => {
    expect(knowledge.sources()).toEqual([
      expect.objectContaining({
        id: 'article',
        title: 'not stated',
        published: 'not stated',
        addedOn: '2026-11-25',
      }),
    ]);
  });
});
