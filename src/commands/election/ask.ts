import type { SubcommandInput } from '../types.js';
import { answerToReply } from './brief-reply.js';

export const ASK_MAX_LENGTH = 500;

export const ask: SubcommandInput = {
  name: 'ask',
  description: 'Ask a question about our reporting; answers cite the source',
  usage: 'ask <question>',
  options: [
    {
      name: 'question',
      description: 'Your question, in your own words',
      type: 'string',
      required: true,
      maxLength: ASK_MAX_LENGTH,
      rest: true,
    },
  ],
  handler: ({ options, ctx }) => answerToReply(ctx.services.knowledge.ask(String(options.question))),
};
