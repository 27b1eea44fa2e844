import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per process; adapters and the digest runner record into it, /metrics reads it. */
export function createMetrics() {
  const registry = new Registry();
  return {
    registry,
    commandLatency: new Histogram({
      name: 'newsroom_command_duration_seconds',
      help: 'Time from receiving a command to having its reply ready',
      labelNames: ['platform', 'command', 'outcome'] as const,
      buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 3],
      registers: [registry],
    }),
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
