import type { SubcommandInput } from '../types.js';
import { briefToReply } from './brief-reply.js';

export const balloon: SubcommandInput = {
  name: 'balloon',
  description: "The spy-balloon incident and what it says about the pledge's credibility",
  usage: 'balloon',
  handler: ({ ctx }) => briefToReply(ctx.services.knowledge.brief('balloon')),
};
