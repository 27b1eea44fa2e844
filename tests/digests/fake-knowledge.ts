import type { Brief, DigestContent, Knowledge } from '../../src/knowledge/api.js';

/** Facts with the date they were added, so "new since your last digest" has something to compare. */
export function fakeKnowledge(
  facts: Array<{ text: string; addedAt: string }>,
): Knowledge & { calls: number } {
  const brief: Brief = { title: 'Brief', points: [], asOf: 'As of today' };
  const k = {
    calls: 0,
    ask: (question: string) => ({ question, answered: false, text: 'n/a', citations: [] }),
    brief: () => brief,
    threats: () => brief,
    sources: () => [],
    digest({ since }: { since: Date | null }): DigestContent {
      k.calls++;
      const points = facts.map((f) => ({ text: f.text, citations: [] }));
      const newSince = since
        ? facts.filter((f) => new Date(f.addedAt) > since).map((f) => ({ text: f.text, citations: [] }))
        : [];
      return {
        title: 'Election security digest',
        points,
        newSince,
        asOf: 'As of 2026-11-25 · source: article',
      };
    },
  };
  return k;
}

export const silentLog = { info() {}, warn() {}, error() {} };
