import { round, roundSummary, type Summary, summarize } from './stats.js';

export interface Comparison {
  ours: Summary;
  baseline: Summary;
  p50Ratio: number;
  p99Ratio: number;
}

export interface CompareOptions {
  samples: number;
  warmup: number;
  ours: (i: number) => Promise<void>;
  baseline: (i: number) => Promise<void>;
  /** Stop early (with fewer samples) after this long. */
  maxMs?: number;
}

/**
 * Ours and the baseline one request at a time, alternating which goes first, so machine noise
 * (GC, CPU frequency, other processes) lands on both sides alike.
 */
export async function compareInterleaved(options: CompareOptions): Promise<Comparison> {
  for (let i = 0; i < options.warmup; i++) {
    await options.ours(i);
    await options.baseline(i);
  }
  const ours: number[] = [];
  const baseline: number[] = [];
  const timed = async (fn: (i: number) => Promise<void>, i: number, into: number[]) => {
    const t = performance.now();
    await fn(i);
    into.push(performance.now() - t);
  };
  const deadline = performance.now() + (options.maxMs ?? 60_000);
  for (let i = 0; i < options.samples && performance.now() < deadline; i++) {
    if (i % 2 === 0) {
      await timed(options.ours, i, ours);
      await timed(options.baseline, i, baseline);
    } else {
      await timed(options.baseline, i, baseline);
      await timed(options.ours, i, ours);
    }
  }
  const o = summarize(ours);
  const b = summarize(baseline);
  return {
    ours: roundSummary(o),
    baseline: roundSummary(b),
    p50Ratio: round(o.p50 / b.p50),
    p99Ratio: round(o.p99 / b.p99),
  };
}
