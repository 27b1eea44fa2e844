import { wallClock } from './time-zone.js';

const DAY = 86_400_000;

/**
 * "today 08:00 EST", "tomorrow 08:00 EST", "Mon 08:00 EST", or "Mon 12 Jan 08:00 EST" beyond a
 * week, read in the subscriber's zone (days are counted on their calendar, not ours).
 */
export function nextRunInWords(next: Date, now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(next);
  const zone = zoneAbbreviation(next, timeZone);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')} ${zone}`;
  const days = Math.round((startOfDay(next, timeZone) - startOfDay(now, timeZone)) / DAY);
  if (days === 0) return `today ${time}`;
  if (days === 1) return `tomorrow ${time}`;
  if (days > 1 && days < 7) return `${part('weekday')} ${time}`;
  return `${part('weekday')} ${part('day')} ${part('month')} ${time}`;
}

function startOfDay(instant: Date, timeZone: string): number {
  const wall = wallClock(instant, timeZone).getTime();
  return wall - (wall % DAY);
}

/** "4 May 08:00 EDT": an instant as the subscriber reads it. */
export function formatLocal(instant: Date, timeZone: string): string {
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(instant)
    .replace(',', '');
  return `${date} ${zoneAbbreviation(instant, timeZone)}`;
}

/** en-US spells zones as US newsrooms read them (EST, not GMT-5); elsewhere it gives GMT+1. */
function zoneAbbreviation(instant: Date, timeZone: string): string {
  return (
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
      .formatToParts(instant)
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone
  );
}
