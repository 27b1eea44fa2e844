import {
  createDigestRuntime,
  type DigestRuntime,
  type DigestRuntimeOptions,
} from '../../src/digests/runtime.js';
import type { Actor } from '../../src/digests/service.js';
import type { Store } from '../../src/storage/open-store.js';
import type { Platform } from '../../src/storage/types.js';
import { fakeKnowledge, silentLog } from './fake-knowledge.js';
import { RecordingAdapter } from './recording-adapter.js';

/** A runtime on a controllable clock, posting into a RecordingAdapter. */
export interface Harness {
  runtime: DigestRuntime;
  adapter: RecordingAdapter;
  clock: { now: Date };
  actor(userId?: string): Actor;
  subscribe(channelId: string, schedule: string, timezone?: string): Promise<number>;
  /** Ticks every `stepMinutes` from the current clock up to and including `until`. */
  runUntil(until: string, stepMinutes?: number): Promise<void>;
}

export function harness(
  store: Store,
  start: string,
  overrides: Partial<DigestRuntimeOptions> & { platform?: Platform; instanceId?: string } = {},
): Harness {
  const clock = { now: new Date(start) };
  const adapter = new RecordingAdapter(overrides.platform ?? 'slack');
  const runtime = createDigestRuntime({
    store,
    adapters: [adapter],
    knowledge: fakeKnowledge([
      { text: 'Officials say the count is secure.', addedAt: '2026-01-01T00:00:00Z' },
    ]),
    clock: () => clock.now,
    graceMinutes: 30,
    minIntervalMinutes: 15,
    defaultTimezone: 'UTC',
    log: silentLog,
    instanceId: overrides.instanceId ?? 'test-instance',
    retry: { retries: 2, minTimeoutMs: 0 },
    ...overrides,
  });
  const actor = (userId = 'U-admin'): Actor => ({
    platform: adapter.platform,
    workspaceId: 'T1',
    userId,
    now: clock.now,
  });
  return {
    runtime,
    adapter,
    clock,
    actor,
    async subscribe(channelId, schedule, timezone) {
      const r = await runtime.service.subscribe(actor(), { channelId, schedule, timezone });
      if (!r.ok) throw new Error(`subscribe failed: ${r.error} ${r.detail}`);
      return r.subscription.localId;
    },
    async runUntil(until, stepMinutes = 5) {
      const end = new Date(until).getTime();
      while (clock.now.getTime() < end) {
        clock.now = new Date(Math.min(clock.now.getTime() + stepMinutes * 60_000, end));
        await runtime.tick();
      }
    },
  };
}

/** Posts per channel, with the instant each slot names. */
export function slotsPosted(h: Harness, channelId: string): string[] {
  return h.adapter.postsTo(channelId).map((p) => p.deliveryId);
}
