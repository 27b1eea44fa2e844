import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';
import { freshDatabase, type TestDatabase } from '../helpers/postgres.js';
import type { FaultAction } from './fault-proxy.js';
import { faultScenario } from './fault-scenario.js';
import { adapterFor, CHAT_PLATFORMS, type PlatformFake, startPlatformFake } from './platform-rig.js';

/**
 * Transport and platform faults during a fan-out, through the real runtime and the real Slack and
 * Discord adapters against their fakes. The database is not what is under test here, so these
 * run on SQLite; database faults are in faults-database.test.ts, on both drivers.
 */
const CHANNELS = 4;

const TRANSPORT: Array<[string, FaultAction]> = [
  ['a post that times out before reaching the platform', 'hang'],
  ['a post that lands but whose answer times out', 'hang-after-forward'],
  ['a connection reset before the platform sees the post', 'reset'],
  ['a connection reset after the post landed', 'reset-after-forward'],
];

describe.each(CHAT_PLATFORMS)('%s under faults', (platform) => {
  let db: TestDatabase | undefined;
  let fake: PlatformFake | undefined;
  afterEach(async () => {
    await fake?.close();
    await db?.cleanup();
  });

  async function setUp() {
    db = await freshDatabase('sqlite');
    fake = await startPlatformFake(platform, CHANNELS);
    const metrics = createMetrics();
    const adapter = adapterFor(fake, metrics);
    const scenario = await faultScenario(db.store, fake, adapter, metrics);
    return { db, fake, metrics, scenario };
  }

  async function expectEachPostedOnce(s: Awaited<ReturnType<typeof setUp>>) {
    await s.scenario.recover();
    expect(s.fake.delivered()).toEqual(s.scenario.expected);
    const rows = await s.db.store.ledger.listAll();
    expect(rows.map((r) => r.status)).toEqual(Array(CHANNELS).fill('delivered'));
    expect(await s.metrics.registry.metrics()).toMatch(
      new RegExp(
        `newsroom_digest_deliveries_total\\{platform="${platform}",outcome="posted"\\} ${CHANNELS}\\b`,
      ),
    );
  }

  for (const [what, action] of TRANSPORT) {
    it(`${what}: every digest is posted exactly once`, async () => {
      const s = await setUp();
      s.fake.proxy.add({ match: s.fake.isPost, action, times: 2 });
      await s.scenario.fanOut();
      expect(s.fake.proxy.applied).toBe(2);
      await expectEachPostedOnce(s);
    });
  }

  it('a storm of 5xx answers: every digest is posted exactly once', async () => {
    const s = await setUp();
    s.fake.failPosts('5xx', 6);
    await s.scenario.fanOut();
    await expectEachPostedOnce(s);
  });

  it('a storm of 429 answers: every digest is posted exactly once', async () => {
    const s = await setUp();
    s.fake.failPosts('429', 8);
    await s.scenario.fanOut();
    await expectEachPostedOnce(s);
  });
});
