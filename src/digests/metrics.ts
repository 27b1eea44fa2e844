import type { Metrics } from '../ops/metrics.js';
import type { Platform } from '../storage/types.js';
import type { DeliveryResult } from './deliver.js';

/**
 * `newsroom_digest_deliveries_total{outcome}`: posted; failed (after retries, or refused by the
 * channel); skipped (nothing new); paused (the slot came while its subscription was paused);
 * missed (the bot was not running); uncertain (interrupted, and the platform cannot say whether
 * it landed). A claim another instance took over is counted by that instance.
 */
export type DeliveryOutcome = 'posted' | 'failed' | 'skipped' | 'paused' | 'missed' | 'uncertain';

const OUTCOMES: Partial<Record<DeliveryResult, DeliveryOutcome>> = {
  delivered: 'posted',
  failed: 'failed',
  skipped: 'skipped',
  paused: 'paused',
  missed: 'missed',
  uncertain: 'uncertain',
};

export interface DigestMetrics {
  count(platform: Platform, outcome: DeliveryOutcome, n?: number): void;
  countResult(platform: Platform, result: DeliveryResult): void;
  /** Re-reads the number of paused subscriptions into the gauge (never throws). */
  refreshPaused(): Promise<void>;
}

export function digestMetrics(
  metrics: Metrics | undefined,
  countPaused: () => Promise<number>,
): DigestMetrics {
  const count = (platform: Platform, outcome: DeliveryOutcome, n = 1) => {
    if (n > 0) metrics?.deliveries.inc({ platform, outcome }, n);
  };
  return {
    count,
    countResult(platform, result) {
      const outcome = OUTCOMES[result];
      if (outcome) count(platform, outcome);
    },
    async refreshPaused() {
      if (!metrics) return;
      // A database hiccup leaves the last value: the gauge is refreshed again on the next pass.
      const paused = await countPaused().catch(() => undefined);
      if (paused !== undefined) metrics.pausedSubscriptions.set(paused);
    },
  };
}
