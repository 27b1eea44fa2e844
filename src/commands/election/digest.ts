import type { SubcommandInput } from '../types.js';
import { briefToReply } from './brief-reply.js';

export const digest: SubcommandInput = {
  name: 'digest',
  description: "Today's election-security digest",
  usage: 'digest',
  handler: ({ ctx }) => ({ ...briefToReply(ctx.services.knowledge.digest({ since: null })), tone: 'digest' }),
};
