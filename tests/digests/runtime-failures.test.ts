import { expect, it } from 'vitest';
import { PermanentChannelError, WorkspaceAuthError } from '../../src/bots/adapter.js';
import { forEachStore, postgresAvailable } from '../helpers/postgres.js';
import { fakeKnowledge, silentLog } from './fake-knowledge.js';
import { harness } from './harness.js';

const pgAvailable = await postgresAvailable();

forEachStore(pgAvailable, (store) => {
  it('pauses a channel that refuses the digest after the first failure, tells its creator once, and keeps the others going', async () => {
    const h = harness(store(), '2026-05-04T07:00:00Z');
    await h.subscribe('C-gone', 'daily 08:00');
    await h.subscribe('C-ok', 'daily 08:00');
    h.adapter.failures.set(
      'C-gone',
      () => new PermanentChannelError('channel_not_found', 'The channel was deleted.'),
    );
    await h.runUntil('2026-05-06T09:00:00Z', 30);

    expect(h.adapter.postsTo('C-ok')).toHaveLength(3);
    expect(h.adapter.postsTo('C-gone')).toHaveLength(0);
    expect(h.adapter.notifications).toHaveLength(1);
    expect(h.adapter.notifications[0]).toMatchObject({ workspaceId: 'T1', userId: 'U-admin' });
    const [status] = await h.runtime.service.status({ platform: 'slack', workspaceId: 'T1' }, h.clock.now, 1);
    expect(status).toMatchObject({ paused: true, lastProblem: { errorCode: 'channel_not_found' } });
    expect(status?.pausedReason).toContain('The channel was deleted.');
    const audit = await store().audit.listForWorkspace('slack', 'T1');
    expect(audit.map((a) => [a.actor, a.action])).toContainEqual(['system', 'pause']);
  });

  it('retries a transient failure and posts once', async () => {
    const h = harness(store(), '2026-05-04T07:59:00Z');
    await h.subscribe('C-news', 'daily 08:00');
    h.adapter.failures.set('C-news', [new Error('ETIMEDOUT'), new Error('503')]);
    await h.runUntil('2026-05-04T08:00:00Z', 1);
    expect(h.adapter.postsTo('C-news')).toHaveLength(1);
    expect((await store().ledger.listAll()).map((r) => r.status)).toEqual(['delivered']);
  });

  it('records a failure that outlasts the retries as a typed code, logs the raw error, and does not pause', async () => {
    const errors: Array<{ obj: object; msg?: string }> = [];
    const log = { ...silentLog, error: (obj: object, msg?: string) => errors.push({ obj, msg }) };
    const h = harness(store(), '2026-05-04T07:59:00Z', { log });
    await h.subscribe('C-news', 'daily 08:00');
    h.adapter.failures.set('C-news', () => new Error('connect ECONNREFUSED 10.0.0.7:443'));
    await h.runUntil('2026-05-04T08:00:00Z', 1);
    const [status] = await h.runtime.service.status({ platform: 'slack', workspaceId: 'T1' }, h.clock.now);
    expect(status).toMatchObject({
      paused: false,
      lastProblem: { status: 'failed', errorCode: 'post_failed', errorReason: null },
    });
    const logged = errors.find((e) => e.msg === 'digest post failed after retries')?.obj as { err?: Error };
    expect(String(logged?.err?.message)).toContain('ECONNREFUSED');
  });

  it('records a delivery that keeps crashing on our side as internal, without the error text', async () => {
    const knowledge = fakeKnowledge([]);
    knowledge.digest = () => {
      throw new Error('relation "deliveries" does not exist');
    };
    const h = harness(store(), '2026-05-04T07:59:00Z', { knowledge });
    await h.subscribe('C-news', 'daily 08:00');
    await h.runUntil('2026-05-04T08:08:00Z', 1);
    const [row] = await store().ledger.listAll();
    expect(row).toMatchObject({ status: 'failed', errorCode: 'internal', errorReason: null });
    expect(h.adapter.posts).toEqual([]);
  });

  it('records a post that kept being rate-limited as rate_limited', async () => {
    const h = harness(store(), '2026-05-04T07:59:00Z');
    await h.subscribe('C-news', 'daily 08:00');
    h.adapter.failures.set('C-news', () =>
      Object.assign(new Error('A rate limit was exceeded (url: chat.postMessage, retry-after: 30)'), {
        code: 'slack_webapi_rate_limited_error',
      }),
    );
    await h.runUntil('2026-05-04T08:00:00Z', 1);
    const [row] = await store().ledger.listAll();
    expect(row).toMatchObject({ status: 'failed', errorCode: 'rate_limited', errorReason: null });
  });

  it('stops posting to a workspace whose token is rejected and reports unhealthy', async () => {
    const h = harness(store(), '2026-05-04T07:59:00Z');
    await h.subscribe('C-a', 'daily 08:00');
    await h.subscribe('C-b', 'daily 08:00');
    h.adapter.failures.set('C-a', [new WorkspaceAuthError('invalid_auth', 'T1')]);
    h.adapter.failures.set('C-b', [new WorkspaceAuthError('invalid_auth', 'T1')]);
    await h.runUntil('2026-05-04T08:00:00Z', 1);
    expect(h.runtime.healthy()).toBe(false);
    h.adapter.failures.clear();
    await h.runUntil('2026-05-05T08:00:00Z', 60);
    expect(h.adapter.posts).toHaveLength(0);
    const rows = await store().ledger.listAll();
    expect(rows.every((r) => r.status === 'failed')).toBe(true);
    expect(rows).toHaveLength(4);
  });

  it('records slots of a paused subscription as skipped and posts nothing', async () => {
    const h = harness(store(), '2026-05-04T07:00:00Z');
    await h.subscribe('C-news', 'daily 08:00');
    await h.runtime.service.pause(h.actor(), 1);
    await h.runUntil('2026-05-04T09:00:00Z', 30);
    expect(h.adapter.posts).toHaveLength(0);
    expect((await store().ledger.listAll()).map((r) => [r.status, r.errorReason])).toEqual([
      ['skipped', 'paused: paused by an admin'],
    ]);
  });

  it('a console process never claims a Slack slot', async () => {
    const slack = harness(store(), '2026-05-04T07:00:00Z');
    await slack.subscribe('C-news', 'daily 08:00');
    const consoleOnly = harness(store(), '2026-05-04T07:00:00Z', {
      platform: 'console',
      instanceId: 'console-1',
    });
    await consoleOnly.runUntil('2026-05-04T09:00:00Z', 30);
    expect(await store().ledger.listAll()).toEqual([]);
  });

  it('with two instances on one database, each slot is posted once', async () => {
    const a = harness(store(), '2026-05-04T07:00:00Z', { instanceId: 'a' });
    const b = harness(store(), '2026-05-04T07:00:00Z', { instanceId: 'b' });
    for (let i = 0; i < 20; i++) await a.subscribe(`C${i}`, 'every 15 minutes');
    for (const step of ['07:15', '07:30', '07:45', '08:00']) {
      const now = new Date(`2026-05-04T${step}:00Z`);
      a.clock.now = now;
      b.clock.now = now;
      await Promise.all([a.runtime.tick(), b.runtime.tick()]);
    }
    const posted = [...a.adapter.posts, ...b.adapter.posts].map((p) => p.deliveryId);
    expect(posted).toHaveLength(80);
    expect(new Set(posted).size).toBe(80);
  });

  it('the second digest carries what is new since the first', async () => {
    const h = harness(store(), '2026-05-04T07:00:00Z');
    await h.subscribe('C-news', 'daily 08:00');
    await h.runUntil('2026-05-05T08:00:00Z', 60);
    const [first, second] = h.adapter.postsTo('C-news');
    expect(first?.reply.sections.some((s) => s.heading?.startsWith('New since'))).toBe(false);
    expect(second?.reply.sections.at(-1)).toMatchObject({
      text: expect.stringContaining('Nothing new since'),
    });
    expect(second?.reply.footer).toContain('As of');
  });
});
