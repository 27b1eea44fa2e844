import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { embedSize, fitContent, fitEmbed, packEmbeds } from '../../../src/bots/discord/embeds.js';
import { DISCORD_LIMITS as L } from '../../../src/bots/discord/limits.js';

const text = (n: number) => 'x'.repeat(n);

describe('fitting one embed to Discord limits', () => {
  const cases: Array<[string, (n: number) => APIEmbed, (e: APIEmbed) => number, number]> = [
    ['title', (n) => ({ title: text(n) }), (e) => e.title?.length ?? 0, L.title],
    ['description', (n) => ({ description: text(n) }), (e) => e.description?.length ?? 0, L.description],
    ['footer', (n) => ({ footer: { text: text(n) } }), (e) => e.footer?.text.length ?? 0, L.footer],
    ['author name', (n) => ({ author: { name: text(n) } }), (e) => e.author?.name.length ?? 0, L.authorName],
    [
      'field name',
      (n) => ({ fields: [{ name: text(n), value: 'v' }] }),
      (e) => e.fields?.[0]?.name.length ?? 0,
      L.fieldName,
    ],
    [
      'field value',
      (n) => ({ fields: [{ name: 'n', value: text(n) }] }),
      (e) => e.fields?.[0]?.value.length ?? 0,
      L.fieldValue,
    ],
  ];
  for (const [name, make, measure, limit] of cases) {
    it(`keeps a ${name} of exactly ${limit} characters untouched`, () => {
      expect(measure(fitEmbed(make(limit)))).toBe(limit);
    });
    it(`shortens a ${name} of ${limit + 1} characters to the limit, ending with an ellipsis`, () => {
      const fitted = fitEmbed(make(limit + 1));
      expect(measure(fitted)).toBeLessThanOrEqual(limit);
      expect(JSON.stringify(fitted)).toContain('…');
    });
  }

  it('keeps 25 fields and drops the 26th', () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `f${i}`, value: 'v' }));
    expect(fitEmbed({ fields: fields(25) }).fields).toHaveLength(25);
    expect(fitEmbed({ fields: fields(26) }).fields).toHaveLength(25);
  });

  it('never lets a single embed exceed the 6,000-character message total', () => {
    const big = fitEmbed({
      title: text(300),
      description: text(5000),
      footer: { text: text(3000) },
      fields: Array.from({ length: 25 }, () => ({ name: text(300), value: text(1100) })),
    });
    expect(embedSize(big)).toBeLessThanOrEqual(L.embedsTotal);
  });
});

describe('packing embeds into messages', () => {
  it('puts 10 small embeds in one message and the 11th in a second', () => {
    const small = (n: number) => Array.from({ length: n }, (_, i) => ({ description: `part ${i}` }));
    expect(packEmbeds(small(10))).toHaveLength(1);
    const packed = packEmbeds(small(11));
    expect(packed.map((m) => m.length)).toEqual([10, 1]);
  });

  it('fills a message to exactly 6,000 characters and moves one more character to the next message', () => {
    const exact = [{ description: text(4000) }, { description: text(2000) }];
    expect(packEmbeds(exact)).toHaveLength(1);
    const over = [{ description: text(4000) }, { description: text(2001) }];
    const packed = packEmbeds(over);
    expect(packed).toHaveLength(2);
    for (const message of packed) {
      expect(message.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(L.embedsTotal);
    }
  });
});

describe('message content', () => {
  it('keeps 2,000 characters and shortens 2,001', () => {
    expect(fitContent(text(2000))).toHaveLength(2000);
    expect(fitContent(text(2001)).length).toBeLessThanOrEqual(2000);
  });
});
