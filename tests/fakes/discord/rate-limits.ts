/**
 * Optional enforcement of Discord's limits, for benchmarks and rate-limit tests: a global
 * requests-per-second cap and per-route buckets (keyed by route + major parameter), announced
 * with the same X-RateLimit-* headers Discord sends, so discord.js's queues can learn them.
 */
export interface RateLimitOptions {
  /** Global requests per second for the bot (Discord: 50). */
  globalPerSecond?: number;
  /** Requests per window for each bucket, e.g. 5 per 5 s per channel for message posts. */
  bucket?: { limit: number; windowMs: number };
  /**
   * How early the global one-second window may be treated as over. discord.js counts its window
   * from when it sends, the fake from when a request arrives; on a loaded machine that skew can
   * put a correctly paced request into the previous window. 0 (the default) is strict.
   */
  globalSkewMs?: number;
}

export interface Verdict {
  headers: Record<string, string>;
  /** Seconds to wait, when this request is refused. */
  retryAfter?: number;
  global?: boolean;
}

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  private global: Window = { start: 0, count: 0 };
  private readonly buckets = new Map<string, Window>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  check(bucketKey: string): Verdict {
    const t = this.now();
    const perSecond = this.options.globalPerSecond;
    if (perSecond !== undefined) {
      if (t - this.global.start >= 1000 - (this.options.globalSkewMs ?? 0))
        this.global = { start: t, count: 0 };
      if (this.global.count >= perSecond) {
        const retryAfter = (this.global.start + 1000 - t) / 1000;
        return {
          retryAfter,
          global: true,
          headers: { 'X-RateLimit-Global': 'true', 'X-RateLimit-Scope': 'global' },
        };
      }
      this.global.count += 1;
    }
    const spec = this.options.bucket;
    if (!spec) return { headers: {} };
    let w = this.buckets.get(bucketKey);
    if (!w || t - w.start >= spec.windowMs) {
      w = { start: t, count: 0 };
      this.buckets.set(bucketKey, w);
    }
    const resetAfter = (w.start + spec.windowMs - t) / 1000;
    const base = {
      'X-RateLimit-Limit': String(spec.limit),
      'X-RateLimit-Reset': ((w.start + spec.windowMs) / 1000).toFixed(3),
      'X-RateLimit-Reset-After': resetAfter.toFixed(3),
      'X-RateLimit-Bucket': `fake-${bucketKey.split(':')[0]}`,
    };
    if (w.count >= spec.limit) {
      return {
        retryAfter: resetAfter,
        headers: { ...base, 'X-RateLimit-Remaining': '0', 'X-RateLimit-Scope': 'user' },
      };
    }
    w.count += 1;
    return { headers: { ...base, 'X-RateLimit-Remaining': String(spec.limit - w.count) } };
  }
}
