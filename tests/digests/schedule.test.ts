import { describe, expect, it } from 'vitest';
import { manualDeliveryId, scheduledDeliveryId } from '../../src/digests/delivery-id.js';
import { parseSchedule } from '../../src/digests/schedule.js';
import { canonicalTimeZone } from '../../src/digests/time-zone.js';

describe('parseSchedule', () => {
  it.each([
    ['daily 08:00', 'daily 08:00', '0 8 * * *'],
    ['Daily 8:05', 'daily 08:05', '5 8 * * *'],
    ['weekdays 07:30', 'weekdays 07:30', '30 7 * * 1-5'],
    ['weekly MON 09:00', 'weekly mon 09:00', '0 9 * * 1'],
    ['weekly sun 23:59', 'weekly sun 23:59', '59 23 * * 0'],
    ['every 15 minutes', 'every 15 minutes', '*/15 * * * *'],
    ['every 60 minutes', 'every 60 minutes', '0 * * * *'],
    ['every 1 hour', 'every 1 hour', '0 */1 * * *'],
    ['every 6 hours', 'every 6 hours', '0 */6 * * *'],
    ['cron 0 8 * * 1-5', 'cron 0 8 * * 1-5', '0 8 * * 1-5'],
  ])('reads %s', (input, label, cron) => {
    expect(parseSchedule(input)).toEqual({ ok: true, schedule: { label, cron } });
  });

  it.each([
    'daly 08:00',
    'daily 25:00',
    'daily 08:60',
    'daily',
    'weekly funday 09:00',
    'every 45 minutes',
    'every 5 hours',
    'every 0 minutes',
    'every ten minutes',
    'cron 0 8 * *',
    'cron 0 0 8 * * 1-5',
    'cron 61 8 * * *',
    '',
  ])('refuses %j with an example of valid input', (input) => {
    const result = parseSchedule(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('daily 08:00');
      expect(result.error.split('\n')).toHaveLength(1);
    }
  });
});

describe('canonicalTimeZone', () => {
  it('accepts IANA names in any case and returns their canonical spelling', () => {
    expect(canonicalTimeZone('america/new_york')).toBe('America/New_York');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
  });
  it.each(['Mars/Olympus', 'daily', '08:00', '1-5', '*', ''])('rejects %j', (name) => {
    expect(canonicalTimeZone(name)).toBeUndefined();
  });
});

describe('delivery ids', () => {
  it('fit a Discord nonce (≤ 25 chars) even for large ids and distant slots', () => {
    const far = new Date('2999-12-31T23:59:00Z');
    expect(scheduledDeliveryId(2 ** 31 - 1, far).length).toBeLessThanOrEqual(25);
    expect(manualDeliveryId(2 ** 31 - 1, far).length).toBeLessThanOrEqual(25);
  });
  it('differ per subscription and per slot', () => {
    const a = new Date('2026-03-08T07:30:00Z');
    const b = new Date('2026-03-08T07:31:00Z');
    const ids = new Set([scheduledDeliveryId(1, a), scheduledDeliveryId(1, b), scheduledDeliveryId(2, a)]);
    expect(ids.size).toBe(3);
  });
});
