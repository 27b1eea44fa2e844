import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AnsweredWindow } from '../../../src/bots/slack/answered-window.js';

describe('AnsweredWindow (pacing counted from answers)', () => {
  it('a post still in flight holds its slot: the next one waits until it has been answered', async () => {
    const window = new AnsweredWindow(1, 20, Date.now);
    const answerFirst = await window.acquire();
    let second = false;
    const next = window.acquire().then((answer) => {
      second = true;
      return answer;
    });
    for (let i = 0; i < 5; i++) await tick();
    expect(second).toBe(false);
    answerFirst();
    (await next)();
    expect(second).toBe(true);
  });

  it('lets `limit` posts through at once and holds the next', async () => {
    const window = new AnsweredWindow(3, 200, Date.now);
    const taken = await Promise.all([window.acquire(), window.acquire(), window.acquire()]);
    let fourth = false;
    void window.acquire().then(() => {
      fourth = true;
    });
    for (const answer of taken) answer();
    for (let i = 0; i < 5; i++) await tick();
    expect(fourth).toBe(false);
  });
});
