import { Cron } from 'croner';
import { wallClock, wallClockToInstant } from './time-zone.js';

/**
 * Slot arithmetic. Croner walks the cron pattern over a zone-less wall-clock timeline (UTC has no
 * DST, so each local time matches exactly once); each match then becomes an instant under the DST
 * rule in time-zone.ts. Croner's own zone handling is not used: on 2026-03-08 it moves
 * America/New_York 02:30 to 03:00, where our rule says 03:30.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Largest DST shift in use anywhere is 2 h; a wider margin keeps shifted slots inside the scan. */
const MARGIN = 3 * HOUR;

function wallPattern(cron: string): Cron {
  return new Cron(cron, { paused: true, timezone: 'UTC' });
}

/** Every slot in (after, until], ascending, one per instant. */
export function slotsBetween(
  cron: string,
  timeZone: string,
  after: Date,
  until: Date,
  limit = 10_000,
): Date[] {
  const pattern = wallPattern(cron);
  const end = wallClock(until, timeZone).getTime() + MARGIN;
  const found = new Set<number>();
  let wall: Date | null = new Date(wallClock(after, timeZone).getTime() - MARGIN);
  for (let i = 0; i < limit * 2 + 100; i++) {
    wall = pattern.nextRun(wall);
    if (!wall || wall.getTime() > end) break;
    const t = wallClockToInstant(wall, timeZone).getTime();
    if (t > after.getTime() && t <= until.getTime()) found.add(t);
  }
  return [...found]
    .sort((a, b) => a - b)
    .slice(-limit)
    .map((t) => new Date(t));
}

/** The first slot strictly after `after`. */
export function nextSlot(cron: string, timeZone: string, after: Date): Date | undefined {
  const pattern = wallPattern(cron);
  const start = wallClock(after, timeZone).getTime();
  let best: number | undefined;
  let wall: Date | null = new Date(start - MARGIN);
  for (let i = 0; i < 1_000; i++) {
    wall = pattern.nextRun(wall);
    if (!wall) break;
    const t = wallClockToInstant(wall, timeZone).getTime();
    if (t > after.getTime() && (best === undefined || t < best)) best = t;
    // Past the margin, later wall times can only map to later instants.
    if (best !== undefined && wall.getTime() > start + MARGIN) break;
  }
  return best === undefined ? undefined : new Date(best);
}

/**
 * Smallest gap, in minutes, between consecutive slots: over the coming week, and around each DST
 * transition of the coming year (where shifted slots can crowd real ones). Scanning a whole year
 * slot by slot would make every `/digest subscribe` noticeably slow. With `stopBelow`, the first
 * gap under it is returned at once: `* * * * *` is refused after an hour of slots, not a week's.
 */
export function smallestGapMinutes(cron: string, timeZone: string, from: Date, stopBelow = 0): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (const [start, end] of gapWindows(timeZone, from)) {
    // Growing chunks: dense schedules meet a short gap in the first hour; sparse ones pay little
    // for the margin each chunk rescans. Chunks are disjoint in instants, so order holds across them.
    let previous: number | undefined;
    let chunk = HOUR;
    for (let at = start; at < end; at += chunk, chunk = Math.min(chunk * 2, DAY)) {
      const until = Math.min(at + chunk, end);
      for (const slot of slotsBetween(cron, timeZone, new Date(at), new Date(until), 5_000)) {
        const t = slot.getTime();
        if (previous !== undefined) smallest = Math.min(smallest, (t - previous) / 60_000);
        if (smallest < stopBelow) return smallest;
        previous = t;
      }
    }
  }
  return smallest;
}

/** The coming week, then (found only if still needed) two days either side of each DST change. */
function* gapWindows(timeZone: string, from: Date): Generator<[number, number]> {
  yield [from.getTime(), from.getTime() + 8 * DAY];
  for (const transition of transitionsWithin(timeZone, from, 400)) {
    yield [transition - 2 * DAY, transition + 2 * DAY];
  }
}

/** Days (as instants) on which the zone's UTC offset changes. */
function transitionsWithin(timeZone: string, from: Date, days: number): number[] {
  const found: number[] = [];
  const offset = (t: number) => wallClock(new Date(t), timeZone).getTime() - t;
  let previous = offset(from.getTime());
  for (let d = 1; d <= days; d++) {
    const t = from.getTime() + d * DAY;
    const current = offset(t);
    if (current !== previous) found.push(t);
    previous = current;
  }
  return found;
}
