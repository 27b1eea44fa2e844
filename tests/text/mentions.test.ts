import { describe, expect, it } from 'vitest';
import { neutralizeMentions } from '../../src/text/mentions.js';

describe('neutralizeMentions', () => {
  it.each(['@everyone', '@here', '@channel', '<!channel>', '<!here>', '<@U123>', '<@&987>', '<#C1>'])(
    'defuses %s but keeps it readable',
    (mention) => {
      const out = neutralizeMentions(`hi ${mention} there`);
      expect(out).not.toContain(mention);
      expect(out.replace(/\u200B/g, '')).toBe(`hi ${mention} there`);
    },
  );
});
