import { Cron } from 'croner';

export interface Schedule {
  /** Normalised for display and storage, e.g. `weekdays 07:30`. */
  label: string;
  /** Five-field cron evaluated on the subscriber's wall clock. */
  cron: string;
}

export type ScheduleParse = { ok: true; schedule: Schedule } | { ok: false; error: string };

export const SCHEDULE_EXAMPLES =
  '`daily 08:00`, `weekdays 07:30`, `weekly mon 09:00`, `every 6 hours`, `cron 0 8 * * 1-5`';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** The grammar of commands.md, case-insensitive. Frequency limits are checked separately. */
export function parseSchedule(input: string): ScheduleParse {
  const words = input.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const [kind, ...rest] = words;
  const fail = (why: string): ScheduleParse => ({
    ok: false,
    error: `${why} Valid schedules: ${SCHEDULE_EXAMPLES}.`,
  });
  const at = (time: string | undefined) => (time ? TIME.exec(time) : null);

  switch (kind) {
    case 'daily':
    case 'weekdays': {
      const t = rest.length === 1 ? at(rest[0]) : null;
      if (!t) return fail(`"${kind}" needs a 24-hour time, e.g. \`${kind} 08:00\`.`);
      const dow = kind === 'daily' ? '*' : '1-5';
      return ok(`${kind} ${hhmm(t)}`, `${Number(t[2])} ${Number(t[1])} * * ${dow}`);
    }
    case 'weekly': {
      const day = DAYS.indexOf(rest[0] as (typeof DAYS)[number]);
      const t = rest.length === 2 ? at(rest[1]) : null;
      if (day < 0 || !t) return fail('"weekly" needs a day and a time, e.g. `weekly mon 09:00`.');
      return ok(`weekly ${DAYS[day]} ${hhmm(t)}`, `${Number(t[2])} ${Number(t[1])} * * ${day}`);
    }
    case 'every':
      return parseEvery(rest, fail);
    case 'cron': {
      if (rest.length !== 5) return fail('A cron schedule has exactly five fields, e.g. `cron 0 8 * * 1-5`.');
      const expr = rest.join(' ');
      try {
        new Cron(expr, { paused: true, timezone: 'UTC' });
      } catch {
        return fail(`\`${expr}\` is not a valid cron expression.`);
      }
      return ok(`cron ${expr}`, expr);
    }
    default:
      return fail(`Can't read "${clip(input.trim())}" as a schedule.`);
  }
}

function parseEvery(rest: string[], fail: (why: string) => ScheduleParse): ScheduleParse {
  const n = Number(rest[0]);
  const unit = rest[1]?.replace(/s$/, '');
  if (rest.length !== 2 || !Number.isInteger(n) || n < 1 || (unit !== 'minute' && unit !== 'hour')) {
    return fail('Use `every <N> minutes` or `every <N> hours`.');
  }
  // Cron steps restart every hour/day, so only divisors give evenly spaced slots.
  const whole = unit === 'minute' ? 60 : 24;
  if (whole % n !== 0) {
    return fail(`Every ${n} ${unit}s does not divide the ${unit === 'minute' ? 'hour' : 'day'} evenly.`);
  }
  const label = `every ${n} ${unit}${n === 1 ? '' : 's'}`;
  if (unit === 'minute') return ok(label, n === 60 ? '0 * * * *' : `*/${n} * * * *`);
  return ok(label, n === 24 ? '0 0 * * *' : `0 */${n} * * *`);
}

function ok(label: string, cron: string): ScheduleParse {
  return { ok: true, schedule: { label, cron } };
}

function hhmm(t: RegExpExecArray): string {
  return `${String(t[1]).padStart(2, '0')}:${t[2]}`;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
