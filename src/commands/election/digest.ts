import type { Reply } from '../reply.js';
import type { SubcommandInput } from '../types.js';

export const digest: SubcommandInput = {
  name: 'digest',
  description: "Today's election-security digest",
  usage: 'digest',
  handler: ({ ctx }): Reply => {
    const content = ctx.services.knowledge.digest({ since: null });
    return {
      title: content.title,
      sections: content.points.map((p) => ({ heading: p.heading, text: p.text, citations: p.citations })),
      footer: content.asOf,
      tone: 'digest',
      shareable: true,
    };
  },
};
