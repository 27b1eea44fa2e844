import { describe, expect, it } from 'vitest';
import { parseConsoleLine } from '../../../src/bots/console/parse-line.js';

describe('parseConsoleLine', () => {
  it('reads a slash command like Slack would deliver it', () => {
    expect(parseConsoleLine('/election threats china')).toEqual({ group: 'election', text: 'threats china' });
    expect(parseConsoleLine('  /digest  ')).toEqual({ group: 'digest', text: '' });
  });

  it('treats a plain line as a question', () => {
    expect(parseConsoleLine('was xi aware?')).toEqual({ group: 'election', text: 'ask was xi aware?' });
  });

  it('ignores blank lines', () => {
    expect(parseConsoleLine('   ')).toBeNull();
  });
});
