import { setTimeout as delay } from 'node:timers/promises';

/**
 * Waits for `work`, but calls `defer` first if it is still running after `deferAfterMs`, so
 * Discord gets an answer inside its 3-second window however slow the work turns out to be.
 */
export async function withDeferral<T>(
  work: Promise<T>,
  deferAfterMs: number,
  defer: () => Promise<unknown>,
): Promise<T> {
  const timer = new AbortController();
  const early = await Promise.race([
    work.then((value) => ({ value })),
    delay(deferAfterMs, undefined, { signal: timer.signal }).catch(() => undefined),
  ]);
  timer.abort();
  if (early) return early.value;
  await defer();
  return work;
}
