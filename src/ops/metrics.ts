import { Counter, Gauge, Histogram, Registry } from 'prom-client';

type CommandLabels = { platform: string; command: string; outcome: string };

/** Latencies held before prom-client takes them; past this many they are handed over at once. */
const HELD_LATENCIES = 1_024;

/** One registry per process; adapters and the digest runner record into it, /metrics reads it. */
export function createMetrics() {
  const registry = new Registry();
  // A command's latency is held as it is and handed to prom-client when /metrics is read (or the
  // batch fills): prom-client validates and hashes the labels of every observation, work that sat
  // on every command's path to its reply.
  const held: { labels: CommandLabels; seconds: number }[] = [];
  const commandLatency: Histogram<keyof CommandLabels> = new Histogram({
    name: 'newsroom_command_duration_seconds',
    help: 'Time from receiving a command to having its reply ready',
    labelNames: ['platform', 'command', 'outcome'] as const,
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 3],
    registers: [registry],
    collect: () => handOver(),
  });
  const handOver = () => {
    for (const { labels, seconds } of held) commandLatency.observe(labels, seconds);
    held.length = 0;
  };
  return {
    registry,
    commandLatency,
    /** Records one command's latency; prom-client sees it by the next read of the histogram. */
    recordCommand(labels: CommandLabels, seconds: number): void {
      held.push({ labels, seconds });
      if (held.length >= HELD_LATENCIES) handOver();
    },
    deliveries: new Counter({
      name: 'newsroom_digest_deliveries_total',
      help: 'Digest deliveries by outcome',
      labelNames: ['platform', 'outcome'] as const,
      registers: [registry],
    }),
    pausedSubscriptions: new Gauge({
      name: 'newsroom_paused_subscriptions',
      help: 'Subscriptions currently paused (by an admin or after a permanent channel error)',
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'newsroom_rate_limited_total',
      help: '429 responses seen from a platform',
      labelNames: ['platform'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
