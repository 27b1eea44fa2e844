import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitText, truncateAtWord } from '../../src/text/truncate.js';

describe('truncateAtWord', () => {
  it('leaves text at the limit untouched', () => {
    const text = 'a'.repeat(100);
    expect(truncateAtWord(text, 100)).toBe(text);
  });

  it('cuts text one past the limit at a word boundary with an ellipsis', () => {
    const text = `${'word '.repeat(20)}x`.slice(0, 101);
    const cut = truncateAtWord(text, 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut.endsWith('word…')).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const cut = truncateAtWord('🗳'.repeat(60), 51);
    expect(cut.length).toBeLessThanOrEqual(51);
    expect(/[\uD800-\uDBFF]…$/.test(cut)).toBe(false);
  });

  it('stays within any limit for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), fc.integer({ min: 1, max: 300 }), (text, max) => {
        expect(truncateAtWord(text, max).length).toBeLessThanOrEqual(max);
      }),
    );
  });
});

describe('splitText', () => {
  it('prefers paragraph breaks', () => {
    const a = 'a'.repeat(60);
    const b = 'b'.repeat(60);
    expect(splitText(`${a}\n\n${b}`, 100)).toEqual([a, b]);
  });

  it('keeps every non-space character, in order, within the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.integer({ min: 2, max: 400 }), (text, max) => {
        const chunks = splitText(text, max);
        for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(max);
        expect(chunks.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });
});
