import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS } from '../../../src/bots/discord/limits.js';
import { decodeShareRequest, encodeShareRequest } from '../../../src/bots/discord/share-request.js';

const ask = (question: string) => ({ group: 'election', subcommand: 'ask', options: { question } });

describe('the command a Share button carries', () => {
  it('round-trips a command with and without its optional option', () => {
    for (const request of [
      { group: 'election', subcommand: 'threats', options: { focus: 'china' } },
      { group: 'election', subcommand: 'threats', options: {} },
      ask('Did the "balloon" matter? <@123>'),
    ]) {
      const id = encodeShareRequest(request);
      expect(id && decodeShareRequest(id)).toEqual(request);
    }
  });

  it('fits a custom_id of exactly 100 characters and gives up one character later', () => {
    const base = encodeShareRequest(ask('')) ?? '';
    const room = DISCORD_LIMITS.customId - base.length;
    expect(encodeShareRequest(ask('q'.repeat(room)))).toHaveLength(DISCORD_LIMITS.customId);
    expect(encodeShareRequest(ask('q'.repeat(room + 1)))).toBeUndefined();
  });

  it('decodes nothing for unknown commands or extra values', () => {
    expect(decodeShareRequest('share:["election","nope"]')).toBeUndefined();
    expect(decodeShareRequest('share:["election","balloon","extra"]')).toBeUndefined();
    expect(decodeShareRequest('newsroom:share')).toBeUndefined();
  });
});
