/**
 * Found by the knowledge-content property: many mid-sized blocks overshot the per-message budget
 * by the commas and brackets of the `blocks` array. Aimed straight at that edge.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { renderReply } from '../../src/bots/slack/render.js';
import type { Reply } from '../../src/commands/reply.js';
import { expectSlackMessages } from './platform-checks.js';

const paragraph = fc
  .array(fc.stringMatching(/^[a-z]{1,9}$/), { minLength: 20, maxLength: 120 })
  .map((ws) => ws.join(' '));

describe('Slack messages made of many mid-sized blocks (property)', () => {
  it('stay within the per-message character budget, separators included', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 20, maxLength: 60 }), fc.boolean(), (texts, share) => {
        const reply: Reply = {
          title: 'Digest',
          sections: texts.map((text) => ({ text })),
          tone: 'digest',
          shareable: share,
        };
        expectSlackMessages(renderReply(reply, share ? { shareValue: 'x' } : {}));
      }),
      { numRuns: 200 },
    );
  });
});
