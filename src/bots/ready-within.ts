/**
 * The result of `pending` if it settles within `ms`, otherwise undefined (the caller acknowledges
 * now and answers later). A plain timer: an aborted promise timer would build an AbortError, with
 * its stack, on every fast command.
 */
export async function readyWithin<T>(pending: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  try {
    return await Promise.race([pending, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
