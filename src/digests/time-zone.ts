/**
 * Wall-clock arithmetic in IANA zones with Intl only. The one rule that matters here
 * (commands.md): a local time that does not exist runs shifted by the gap, and a local time that
 * occurs twice runs at its first occurrence. Both fall out of reading the wall time with the
 * offset in force just before the transition.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The canonical spelling of a zone Intl knows (`america/new_york` → `America/New_York`), else undefined. */
export function canonicalTimeZone(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The instant's wall-clock reading in the zone, encoded as if that reading were UTC. */
export function wallClock(instant: Date, timeZone: string): Date {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return new Date(
    Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
      instant.getUTCMilliseconds(),
    ),
  );
}

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMs(instant: Date, timeZone: string): number {
  return wallClock(instant, timeZone).getTime() - instant.getTime();
}

const DAY = 86_400_000;

/** The instant a wall-clock reading (encoded as UTC) names in the zone, under the DST rule above. */
export function wallClockToInstant(wall: Date, timeZone: string): Date {
  const w = wall.getTime();
  // Transitions are months apart, so a day either side gives the offsets around this wall time.
  const before = offsetMs(new Date(w - DAY), timeZone);
  const after = offsetMs(new Date(w + DAY), timeZone);
  const candidates = [w - before, w - after].filter((t) => offsetMs(new Date(t), timeZone) === w - t);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In the spring-forward gap: the pre-transition offset moves 02:30 to 03:30.
  return new Date(w - before);
}
