import type { SubcommandInput } from '../types.js';

export const sources: SubcommandInput = {
  name: 'sources',
  description: 'What the bot knows, where it comes from, and as of when',
  usage: 'sources',
  handler: ({ ctx }) => {
    const list = ctx.services.knowledge.sources();
    return {
      title: 'What this bot knows',
      sections: list.map((s) => ({
        heading: s.title === 'not stated' ? `Source “${s.id}” (title not stated)` : s.title,
        text: [
          `Outlet: ${s.outlet}. Published: ${s.published}. Added: ${s.addedOn}.`,
          `${s.facts} curated facts, ${s.sentences} sentences searchable.`,
        ].join('\n'),
      })),
      footer: 'Every answer quotes these sources word for word; anything else gets "not in our reporting".',
      tone: 'answer',
      shareable: true,
    };
  },
};
