import type { Brief, Knowledge } from '../../../src/knowledge/api.js';

const brief: Brief = { title: 'Election security digest', points: [], asOf: 'As of today' };

/** Fixed content: the worker exercises delivery, not the knowledge base. */
export const staticKnowledge: Knowledge = {
  ask: (question) => ({ question, answered: false, text: '', citations: [] }),
  brief: () => brief,
  threats: () => brief,
  sources: () => [],
  digest: () => ({
    ...brief,
    points: [{ text: 'Officials say the count is secure.', citations: [] }],
    newSince: [],
  }),
};
