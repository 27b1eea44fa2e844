import { Cron } from 'croner';
import { describe, expect, it, vi } from 'vitest';
import { nextRunInWords } from '../../src/digests/next-run-words.js';
import { nextSlot, slotsBetween, smallestGapMinutes } from '../../src/digests/slots.js';

const NY = 'America/New_York';
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const utc = (s: string) => new Date(s);

describe('slots around DST (America/New_York)', () => {
  it('runs a 02:30 job once on spring-forward day, shifted by the gap to 03:30 EDT', () => {
    const slots = slotsBetween('30 2 * * *', NY, utc('2026-03-07T00:00:00Z'), utc('2026-03-10T00:00:00Z'));
    expect(iso(slots)).toEqual([
      '2026-03-07T07:30:00.000Z', // 02:30 EST
      '2026-03-08T07:30:00.000Z', // 03:30 EDT: 02:30 does not exist
      '2026-03-09T06:30:00.000Z', // 02:30 EDT
    ]);
  });

  it('runs a 01:30 job once on fall-back day, at its first occurrence (EDT)', () => {
    const slots = slotsBetween('30 1 * * *', NY, utc('2026-10-31T00:00:00Z'), utc('2026-11-03T00:00:00Z'));
    expect(iso(slots)).toEqual([
      '2026-10-31T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z', // 01:30 EDT, not 01:30 EST (06:30Z)
      '2026-11-02T06:30:00.000Z',
    ]);
  });

  it('runs a 02:30 job once on fall-back day', () => {
    const slots = slotsBetween('30 2 * * *', NY, utc('2026-11-01T00:00:00Z'), utc('2026-11-02T00:00:00Z'));
    expect(iso(slots)).toEqual(['2026-11-01T07:30:00.000Z']);
  });

  it('never yields the same instant twice when the gap folds slots together', () => {
    const slots = slotsBetween('*/30 * * * *', NY, utc('2026-03-08T06:00:00Z'), utc('2026-03-08T08:00:00Z'));
    expect(iso(slots)).toEqual([
      '2026-03-08T06:30:00.000Z',
      '2026-03-08T07:00:00.000Z',
      '2026-03-08T07:30:00.000Z',
      '2026-03-08T08:00:00.000Z',
    ]);
  });

  it('weekdays 07:30 has no slots on Saturday or Sunday', () => {
    const slots = slotsBetween('30 7 * * 1-5', NY, utc('2026-03-06T13:00:00Z'), utc('2026-03-09T13:00:00Z'));
    expect(iso(slots)).toEqual(['2026-03-09T11:30:00.000Z']); // Monday 07:30 EDT
  });

  it('treats the window as (after, until]', () => {
    const at = utc('2026-03-09T11:30:00Z');
    expect(slotsBetween('30 7 * * *', NY, at, utc('2026-03-09T12:00:00Z'))).toEqual([]);
    expect(iso(slotsBetween('30 7 * * *', NY, utc('2026-03-09T11:00:00Z'), at))).toEqual([at.toISOString()]);
  });
});

describe('nextSlot', () => {
  it('finds the shifted spring-forward slot and the first fall-back occurrence', () => {
    expect(nextSlot('30 2 * * *', NY, utc('2026-03-08T00:00:00Z'))?.toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(nextSlot('30 1 * * *', NY, utc('2026-11-01T00:00:00Z'))?.toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });
  it('handles rare schedules', () => {
    expect(nextSlot('0 8 29 2 *', 'UTC', utc('2026-03-01T00:00:00Z'))?.toISOString()).toBe(
      '2028-02-29T08:00:00.000Z',
    );
  });
});

describe('smallestGapMinutes', () => {
  it.each([
    ['*/15 * * * *', 15],
    ['0,10 * * * *', 10],
    ['0 8 * * *', 23 * 60], // the spring-forward day is 23 hours long
  ])('%s in New York → %i', (cron, gap) => {
    expect(smallestGapMinutes(cron, NY, utc('2026-01-01T00:00:00Z'))).toBe(gap);
  });
});

describe('nextRunInWords', () => {
  const now = utc('2026-01-05T15:00:00Z'); // Monday 10:00 EST
  it.each([
    ['2026-01-05T20:00:00Z', 'today 15:00 EST'],
    ['2026-01-06T13:00:00Z', 'tomorrow 08:00 EST'],
    ['2026-01-09T13:00:00Z', 'Fri 08:00 EST'],
    ['2026-01-20T13:00:00Z', 'Tue 20 Jan 08:00 EST'],
  ])('%s → %s', (next, words) => {
    expect(nextRunInWords(utc(next), now, NY)).toBe(words);
  });
  it('counts days on the subscriber’s calendar, not UTC', () => {
    // 23:00 EST Monday is already Tuesday in UTC; 08:00 EST Tuesday is still "tomorrow".
    expect(nextRunInWords(utc('2026-01-06T13:00:00Z'), utc('2026-01-06T04:00:00Z'), NY)).toBe(
      'tomorrow 08:00 EST',
    );
  });
});

describe('smallestGapMinutes with a minimum to meet', () => {
  it('stops at the first gap below the minimum instead of walking a week of every-minute slots', () => {
    const nextRun = vi.spyOn(Cron.prototype, 'nextRun');
    try {
      expect(smallestGapMinutes('* * * * *', NY, utc('2026-01-01T00:00:00Z'), 15)).toBe(1);
      // A week of every-minute slots is over 11,000 matches; one hour (plus margins) is a few hundred.
      expect(nextRun.mock.calls.length).toBeLessThan(1_000);
    } finally {
      nextRun.mockRestore();
    }
  });
  it('still finds the smallest gap when none is below the minimum', () => {
    expect(smallestGapMinutes('*/20 * * * *', NY, utc('2026-01-01T00:00:00Z'), 15)).toBe(20);
    expect(smallestGapMinutes('0,50 2,4 * * *', NY, utc('2026-01-01T00:00:00Z'), 5)).toBe(10);
  });
});

describe('smallestGapMinutes on DST days', () => {
  it('sees slots the spring-forward shift pushes next to real ones', () => {
    // 02:50 does not exist on 2026-03-08 and moves to 03:50 EDT, ten minutes before 04:00.
    expect(smallestGapMinutes('0,50 2,4 * * *', NY, utc('2026-01-01T00:00:00Z'))).toBe(10);
  });
});
