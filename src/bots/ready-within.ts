/**
 * The result of `pending` if it settles within `ms`, otherwise undefined (the caller acknowledges
 * now and answers later). A plain timer: an aborted promise timer would build an AbortError, with
 * its stack, on every fast command.
 */
export function readyWithin<T>(pending: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve, reject) => {
    const timer = setTimeout(resolve, ms, undefined);
    pending.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
