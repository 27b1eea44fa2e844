import { describe, expect, it } from 'vitest';
import { withDeferral } from '../../../src/bots/discord/defer.js';

describe('answering inside the 3-second window', () => {
  it('does not defer work that finishes first', async () => {
    let deferred = 0;
    const value = await withDeferral(Promise.resolve('fast'), 1_000, async () => {
      deferred += 1;
    });
    expect(value).toBe('fast');
    expect(deferred).toBe(0);
  });

  it('defers slow work before it finishes, then returns its result', async () => {
    let finish: (v: string) => void = () => {};
    const slow = new Promise<string>((resolve) => {
      finish = resolve;
    });
    const events: string[] = [];
    const answered = withDeferral(slow, 1, async () => {
      events.push('deferred');
      finish('slow');
    });
    const value = await answered;
    events.push(value);
    expect(events).toEqual(['deferred', 'slow']);
  });
});
