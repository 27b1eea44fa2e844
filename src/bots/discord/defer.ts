import { readyWithin } from '../ready-within.js';

/**
 * Waits for `work`, but calls `defer` first if it is still running after `deferAfterMs`, so
 * Discord gets an answer inside its 3-second window however slow the work turns out to be.
 */
export async function withDeferral<T>(
  work: Promise<T>,
  deferAfterMs: number,
  defer: () => Promise<unknown>,
): Promise<T> {
  const early = await readyWithin(
    work.then((value) => ({ value })),
    deferAfterMs,
  );
  if (early) return early.value;
  await defer();
  return work;
}
