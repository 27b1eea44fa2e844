import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DigestService } from '../../../src/digests/service.js';
import { createDigestService } from '../../../src/digests/service-impl.js';
import { openStore, type Store } from '../../../src/storage/open-store.js';
import { sharedKnowledge } from './rig.js';

/** The real digest service on a throw-away SQLite file, so tests can see what was (not) stored. */
export async function digestsOnTempStore(): Promise<{
  digests: DigestService;
  store: Store;
  close(): Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-slack-'));
  const store = await openStore({ dataDir: dir });
  const digests = createDigestService({
    store,
    knowledge: sharedKnowledge(),
    defaultTimezone: 'UTC',
    minIntervalMinutes: 15,
    sendNow: async () => undefined,
  });
  return {
    digests,
    store,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
