import { setTimeout as sleep } from 'node:timers/promises';

const IN_FLIGHT = Number.POSITIVE_INFINITY;

/**
 * At most `limit` posts within any `windowMs`, each counted from the moment Slack *answered* it
 * (and for as long as it is in flight). Slack saw a post no later than its answer, so however the
 * network delays or reorders requests, Slack never counts more than `limit` of ours in a window.
 * Fixed-window counters (p-queue's intervalCap) cannot promise that across a window boundary.
 */
export class AnsweredWindow {
  /** Answer times of recent posts; IN_FLIGHT while unanswered (in-flight slots are interchangeable). */
  private entries: number[] = [];
  private waiting: Array<() => void> = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  get idle(): boolean {
    const t = this.now();
    return this.entries.every((at) => t - at >= this.windowMs);
  }

  /** Waits for room, takes it, and returns the function to call once Slack has answered. */
  async acquire(): Promise<() => void> {
    for (;;) {
      const t = this.now();
      this.entries = this.entries.filter((at) => t - at < this.windowMs);
      if (this.entries.length < this.limit) break;
      const oldest = Math.min(...this.entries);
      if (oldest !== IN_FLIGHT) await sleep(oldest + this.windowMs - t);
      else await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.entries.push(IN_FLIGHT);
    let answered = false;
    return () => {
      if (answered) return;
      answered = true;
      const slot = this.entries.indexOf(IN_FLIGHT);
      if (slot >= 0) this.entries[slot] = this.now();
      for (const wake of this.waiting.splice(0)) wake();
    };
  }
}
