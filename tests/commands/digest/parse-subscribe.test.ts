import { describe, expect, it } from 'vitest';
import { parseSubscribeText } from '../../../src/commands/digest/subscribe.js';

describe('parseSubscribeText', () => {
  it.each([
    [
      '<#C123|news> daily 08:00 America/New_York',
      { channel: 'C123', schedule: 'daily 08:00', timezone: 'America/New_York' },
    ],
    ['<#C123> weekdays 07:30', { channel: 'C123', schedule: 'weekdays 07:30' }],
    ['daily 08:00 utc', { schedule: 'daily 08:00', timezone: 'utc' }],
    ['cron 0 8 * * 1-5 Europe/Berlin', { schedule: 'cron 0 8 * * 1-5', timezone: 'Europe/Berlin' }],
    ['every 6 hours', { schedule: 'every 6 hours' }],
    // IANA names without a slash are zones too.
    ['daily 08:00 GMT', { schedule: 'daily 08:00', timezone: 'GMT' }],
    ['weekdays 07:30 Japan', { schedule: 'weekdays 07:30', timezone: 'Japan' }],
    ['weekly mon 09:00', { schedule: 'weekly mon 09:00' }],
    // A zone-shaped but unknown zone is still read as the zone, so the reply names the real problem.
    ['daily 08:00 Mars/Olympus', { schedule: 'daily 08:00', timezone: 'Mars/Olympus' }],
    ['cron */15 8-17 * * 1-5', { schedule: 'cron */15 8-17 * * 1-5' }],
  ])('%s', (text, options) => {
    expect(parseSubscribeText(text)).toEqual({ ok: true, options });
  });

  it('asks for a channel link when given a bare #name', () => {
    const r = parseSubscribeText('#news daily 08:00');
    expect(r.ok).toBe(false);
  });

  it('asks for a schedule when there is none', () => {
    expect(parseSubscribeText('<#C123|news>')).toMatchObject({ ok: false });
    expect(parseSubscribeText('')).toMatchObject({ ok: false });
  });
});
