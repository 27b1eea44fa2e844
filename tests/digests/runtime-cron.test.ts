import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Store } from '../../src/storage/open-store.js';
import { freshDatabase, type TestDatabase } from '../helpers/postgres.js';
import { silentLog } from './fake-knowledge.js';
import { harness } from './harness.js';

let db: TestDatabase;
let store: Store;
beforeEach(async () => {
  db = await freshDatabase('sqlite');
  store = db.store;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.cleanup();
});

it('a scheduler pass that fails on the cron tick is logged once by our logger, never printed by node-cron', async () => {
  const failures: string[] = [];
  const log = { ...silentLog, error: (_obj: object, msg?: string) => failures.push(msg ?? '') };
  const h = harness(store, '2026-05-04T07:00:00Z', { log, tickCron: '* * * * * *' });
  await h.runtime.start();
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  store.subscriptions.listScheduled = async () => {
    throw new Error('connection terminated unexpectedly');
  };
  // Two failed passes: node-cron has long settled the first one's callback by the second.
  await vi.waitFor(() => expect(failures.length).toBeGreaterThanOrEqual(2), { timeout: 5_000 });
  await h.runtime.stop();
  expect(failures.every((m) => m === 'digest scheduler pass failed')).toBe(true);
  expect(consoleError).not.toHaveBeenCalled();
});
