import type { ThreatFocus } from '../../knowledge/api.js';
import type { SubcommandInput } from '../types.js';
import { briefToReply } from './brief-reply.js';

export const THREAT_FOCUSES = ['russia', 'china', 'compare'] as const satisfies readonly ThreatFocus[];

export const threats: SubcommandInput = {
  name: 'threats',
  description: 'How U.S. officials compare the Russian and Chinese threats',
  usage: 'threats [russia|china|compare]',
  options: [
    {
      name: 'focus',
      description: 'Russia, China, or both side by side (default)',
      type: 'string',
      choices: [...THREAT_FOCUSES],
    },
  ],
  handler: ({ options, ctx }) =>
    briefToReply(ctx.services.knowledge.threats((options.focus as ThreatFocus | undefined) ?? 'compare')),
};
