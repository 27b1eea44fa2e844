/**
 * The fake's own idea of Slack's posting limits (about 1 message/s per channel plus a
 * workspace-wide ceiling), so benchmarks and tests can watch the real client back off.
 */
export interface FakeRateLimit {
  /** chat.postMessage per channel per window (Slack: about 1 per second). */
  perChannel?: number;
  /** chat.postMessage across the workspace per window. */
  workspace?: number;
  windowMs?: number;
  /** Seconds announced in `Retry-After`. */
  retryAfterSeconds?: number;
}

export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Records a hit and says whether it was within the limit; refused hits are not counted. */
  take(key: string): boolean {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => t - at < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(t);
    this.hits.set(key, recent);
    return true;
  }
}

export function postLimiter(config: FakeRateLimit | undefined, now: () => number) {
  const windowMs = config?.windowMs ?? 1_000;
  const perChannel = config?.perChannel ? new SlidingWindow(config.perChannel, windowMs, now) : undefined;
  const workspace = config?.workspace ? new SlidingWindow(config.workspace, windowMs, now) : undefined;
  return {
    retryAfterSeconds: config?.retryAfterSeconds ?? 1,
    allow(channel: string): boolean {
      if (perChannel && !perChannel.take(channel)) return false;
      if (workspace && !workspace.take('*')) return false;
      return true;
    },
  };
}
