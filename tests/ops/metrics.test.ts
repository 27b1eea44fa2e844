import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';

const labels = { platform: 'slack', command: 'election.ask', outcome: 'ok' };

/** The count of one latency series as a scrape shows it (undefined when the series is absent). */
async function scrapedCount(metrics: ReturnType<typeof createMetrics>): Promise<number | undefined> {
  const text = await metrics.registry.metrics();
  const line = text
    .split('\n')
    .find((l) =>
      l.startsWith('newsroom_command_duration_seconds_count{platform="slack",command="election.ask"'),
    );
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('command latency metrics', () => {
  it('given recorded commands, when /metrics is read, then every one of them is counted once', async () => {
    const metrics = createMetrics();
    for (let i = 0; i < 3; i++) metrics.recordCommand(labels, 0.0004);
    expect(await scrapedCount(metrics)).toBe(3);
    // A second read counts nothing twice.
    expect(await scrapedCount(metrics)).toBe(3);
    metrics.recordCommand(labels, 2);
    expect(await scrapedCount(metrics)).toBe(4);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'newsroom_command_duration_seconds_bucket{le="0.0005",platform="slack",command="election.ask",outcome="ok"} 3',
    );
  });

  it('given a long stretch without a scrape, then latencies are handed over in batches, not held without bound', async () => {
    const metrics = createMetrics();
    for (let i = 0; i < 5_000; i++) metrics.recordCommand(labels, 0.001);
    // Read the histogram's own state without triggering its hand-over at scrape time.
    const seen = (metrics.commandLatency as unknown as { hashMap: Record<string, { count: number }> })
      .hashMap;
    const counted = Object.values(seen).reduce((n, v) => n + v.count, 0);
    expect(counted).toBeGreaterThanOrEqual(5_000 - 1_024);
    expect(await scrapedCount(metrics)).toBe(5_000);
  });
});
