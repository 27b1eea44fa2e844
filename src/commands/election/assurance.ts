import type { SubcommandInput } from '../types.js';
import { briefToReply } from './brief-reply.js';

export const assurance: SubcommandInput = {
  name: 'assurance',
  description: "Xi's assurance to Biden that China would not interfere in 2024, and its reiteration",
  usage: 'assurance',
  handler: ({ ctx }) => briefToReply(ctx.services.knowledge.brief('assurance')),
};
