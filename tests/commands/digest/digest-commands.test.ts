import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../../src/commands/dispatch.js';
import { replyToPlainText } from '../../../src/commands/reply.js';
import type { CommandContext } from '../../../src/commands/types.js';
import type { Store } from '../../../src/storage/open-store.js';
import { fakeKnowledge } from '../../digests/fake-knowledge.js';
import { type Harness, harness } from '../../digests/harness.js';
import {
  forEachDriver,
  freshDatabase,
  postgresAvailable,
  type TestDatabase,
} from '../../helpers/postgres.js';

const pgAvailable = await postgresAvailable();
const OWN_CHANNELS = new Set(['C-here', 'C-news']);

forEachDriver(pgAvailable, (driver) => {
  let db: TestDatabase;
  let store: Store;
  let h: Harness;
  beforeEach(async () => {
    db = await freshDatabase(driver);
    store = db.store;
    h = harness(store, '2026-01-05T15:00:00Z'); // Monday 10:00 in New York
  });
  afterEach(async () => db.cleanup());

  function ctx(overrides: Partial<CommandContext> = {}): CommandContext {
    return {
      platform: 'slack',
      workspaceId: 'T1',
      channelId: 'C-here',
      userId: 'U-admin',
      now: h.clock.now,
      isAdmin: async () => true,
      checkChannel: async (id) =>
        OWN_CHANNELS.has(id) ? { ok: true } : { ok: false, reason: 'That channel is not in this workspace.' },
      services: {
        knowledge: fakeKnowledge([{ text: 'Officials say the count is secure.', addedAt: '2026-01-01' }]),
        defaultTimezone: 'UTC',
        digests: h.runtime.service,
      },
      ...overrides,
    };
  }
  const run = async (text: string, c = ctx()) => {
    const result = await runCommand({ group: 'digest', text }, c);
    return { ...result, text: replyToPlainText(result.reply) };
  };

  describe('subscribe', () => {
    it('subscribes a referenced channel with a schedule and zone, and lists its next run in words', async () => {
      const r = await run('subscribe <#C-news|news> daily 08:00 America/New_York');
      expect(r.reply.title).toBe('Digest scheduled');
      expect(r.text).toContain('#1 · <#C-news> · daily 08:00 (America/New_York) · next: tomorrow 08:00 EST');
      const listed = await run('list');
      expect(listed.text).toContain('next: tomorrow 08:00 EST');
      const audit = await store.audit.listForWorkspace('slack', 'T1');
      expect(audit.map((a) => [a.actor, a.action])).toEqual([['U-admin', 'subscribe']]);
    });

    it('defaults to this channel and the default time zone', async () => {
      const r = await run('subscribe weekdays 07:30');
      expect(r.text).toContain('<#C-here> · weekdays 07:30 (UTC)');
    });

    it('accepts structured options as Discord sends them', async () => {
      const r = await runCommand(
        {
          group: 'digest',
          subcommand: 'subscribe',
          options: { schedule: 'cron 0 8 * * 1-5', timezone: 'Europe/Berlin' },
        },
        ctx(),
      );
      expect(replyToPlainText(r.reply)).toContain('cron 0 8 * * 1-5 (Europe/Berlin)');
    });

    it.each([
      ['subscribe daly 08:00', 'Invalid schedule', 'daily 08:00'],
      ['subscribe daily 08:00 Mars/Olympus', 'Unknown time zone', 'America/New_York'],
      ['subscribe every 5 minutes', 'Schedule too frequent', 'minimum is 15'],
      ['subscribe cron */5 * * * *', 'Schedule too frequent', 'every 30 minutes'],
      ['subscribe cron * * * * *', 'Schedule too frequent', 'minimum is 15'],
      ['subscribe cron 0 0 31 2 *', 'Schedule never runs', 'cron 0 8 * * 1-5'],
      ['subscribe cron 0 8 30 2 * America/New_York', 'Schedule never runs', '31 February'],
    ])('%s → a one-line "%s" reply with an example', async (text, title, hint) => {
      const r = await run(text);
      expect(r.reply.title).toBe(title);
      expect(r.reply.sections).toHaveLength(1);
      expect(r.reply.sections[0]?.text).not.toContain('\n');
      expect(r.text).toContain(hint);
      expect(await store.subscriptions.listForWorkspace('slack', 'T1')).toEqual([]);
    });

    it('refuses an unknown time zone given as an option', async () => {
      const r = await runCommand(
        {
          group: 'digest',
          subcommand: 'subscribe',
          options: { schedule: 'daily 08:00', timezone: 'Mars/Olympus' },
        },
        ctx(),
      );
      expect(r.reply.title).toBe('Unknown time zone');
      expect(replyToPlainText(r.reply)).toContain('America/New_York');
    });

    it('refuses a duplicate subscription and names the existing one', async () => {
      await run('subscribe daily 08:00');
      const r = await run('subscribe daily 8:00');
      expect(r.reply.title).toBe('Already subscribed');
      expect(r.text).toContain('digest #1');
      expect(await store.subscriptions.listForWorkspace('slack', 'T1')).toHaveLength(1);
    });

    it('refuses a non-admin and stores nothing', async () => {
      const r = await run('subscribe daily 08:00', ctx({ isAdmin: async () => false }));
      expect(r.outcome).toBe('forbidden');
      expect(await store.subscriptions.listForWorkspace('slack', 'T1')).toEqual([]);
      expect(await store.audit.listForWorkspace('slack', 'T1')).toEqual([]);
    });

    it('refuses an admin naming another workspace’s channel and stores nothing', async () => {
      const r = await run('subscribe <#C-elsewhere|theirs> daily 08:00');
      expect(r.reply.tone).toBe('refusal');
      expect(r.text).toContain('not in this workspace');
      expect(await store.subscriptions.listScheduled(['slack'])).toEqual([]);
    });
  });

  describe('managing subscriptions', () => {
    it('pauses, resumes and removes by the listed number, with an audit trail', async () => {
      await run('subscribe daily 08:00');
      expect((await run('pause 1')).text).toContain('paused: paused by an admin');
      expect((await run('resume 1')).text).toContain('next: tomorrow 08:00 UTC');
      expect((await run('remove 1')).reply.title).toBe('Digest removed');
      expect((await run('list')).reply.title).toBe('No digests yet');
      const actions = (await store.audit.listForWorkspace('slack', 'T1')).map((a) => a.action);
      expect(actions).toEqual(['subscribe', 'pause', 'resume', 'remove']);
    });

    it('does not find another workspace’s subscription by its number', async () => {
      await run('subscribe daily 08:00');
      const other = ctx({ workspaceId: 'T2' });
      for (const verb of ['pause', 'resume', 'remove', 'send-now', 'status']) {
        const r = await run(`${verb} 1`, other);
        expect(r.reply.title).toBe('No such subscription');
        expect(r.text).toContain('/digest list');
      }
      expect((await store.subscriptions.findByLocalId('slack', 'T1', 1))?.paused).toBe(false);
      expect(h.adapter.posts).toEqual([]);
    });

    it('send-now posts to the channel and status then shows the delivery', async () => {
      await run('subscribe <#C-news|news> daily 08:00');
      expect((await run('send-now 1')).reply.title).toBe('Digest posted');
      expect(h.adapter.postsTo('C-news')).toHaveLength(1);
      expect((await run('status 1')).text).toContain('Last delivered: 5 Jan 15:00 UTC');
    });

    it('status explains a permanent channel error and the pause it caused', async () => {
      await run('subscribe <#C-news|news> daily 08:00');
      const { PermanentChannelError } = await import('../../../src/bots/adapter.js');
      h.adapter.failures.set('C-news', [new PermanentChannelError('not_in_channel', 'The bot was removed.')]);
      expect((await run('send-now 1')).reply.title).toBe('Digest not posted');
      const text = (await run('status')).text;
      expect(text).toContain('not_in_channel: The bot was removed');
      expect(text).toContain('Resume with `/digest resume 1`');
    });

    it('send-now and status explain a failed post in words, never with the raw error text', async () => {
      await run('subscribe <#C-news|news> daily 08:00');
      h.adapter.failures.set('C-news', () => new Error('connect ECONNREFUSED 10.0.0.7:443'));
      const sent = await run('send-now 1');
      expect(sent.reply.title).toBe('Digest not posted');
      expect(sent.text).toContain('the platform kept failing to accept the post');
      const status = (await run('status 1')).text;
      expect(status).toContain('Last problem: failed');
      expect(status).toContain('the platform kept failing to accept the post');
      for (const text of [sent.text, status]) {
        expect(text).not.toContain('ECONNREFUSED');
        expect(text).not.toContain('10.0.0.7');
      }
    });

    it('status never shows raw error text stored by older versions under a typed code', async () => {
      await run('subscribe <#C-news|news> daily 08:00');
      const slot = '2026-01-05T08:00:00.000Z';
      const key = { subscriptionId: 1, slot, kind: 'scheduled' as const, deliveryId: 'd-old' };
      const claim = await store.ledger.claim(key, { owner: 'old', now: h.clock.now, leaseMs: 60_000 });
      await store.ledger.finish(
        claim?.delivery.id ?? 0,
        'old',
        {
          status: 'failed',
          errorCode: 'internal',
          errorReason: 'error: relation "deliveries" does not exist',
        },
        h.clock.now,
      );
      const status = (await run('status 1')).text;
      expect(status).toContain('an internal error kept interrupting the delivery');
      expect(status).not.toContain('relation');
    });

    it('send-now whose delivery was handed back for the next pass says queued, and the next pass posts it', async () => {
      const knowledge = fakeKnowledge([
        { text: 'Officials say the count is secure.', addedAt: '2026-01-01' },
      ]);
      const digest = knowledge.digest;
      let crashes = 1;
      knowledge.digest = (q) => {
        if (crashes-- > 0) throw new Error('connection terminated unexpectedly');
        return digest(q);
      };
      h = harness(store, '2026-01-05T15:00:00Z', { knowledge });
      await run('subscribe <#C-news|news> daily 08:00');
      const sent = await run('send-now 1');
      expect(sent.reply.title).toBe('Digest queued');
      expect(sent.text).toContain('will be posted to <#C-news> within a minute');
      expect(sent.text).toContain('/digest status 1');
      expect(sent.text).not.toMatch(/released|not posted|terminated/);
      await h.runtime.tick();
      expect(h.adapter.postsTo('C-news')).toHaveLength(1);
    });

    it('send-now that outlasts its wait answers queued instead of holding the interaction, and still posts', async () => {
      h = harness(store, '2026-01-05T15:00:00Z', { sendNowWaitMs: 1 });
      let open = () => {};
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      const post = h.adapter.post.bind(h.adapter);
      h.adapter.post = async (...args) => {
        await gate;
        return post(...args);
      };
      await run('subscribe <#C-news|news> daily 08:00');
      expect((await run('send-now 1')).reply.title).toBe('Digest queued');
      open();
      await vi.waitFor(async () => expect((await store.ledger.listAll())[0]?.status).toBe('delivered'));
      expect(h.adapter.postsTo('C-news')).toHaveLength(1);
    });

    it('preview renders the digest for the admin only and records nothing', async () => {
      await run('subscribe daily 08:00');
      const r = await run('preview');
      expect(r.reply.title).toContain('Preview');
      expect(r.text).toContain('Officials say the count is secure.');
      expect(h.adapter.posts).toEqual([]);
      expect(await store.ledger.listAll()).toEqual([]);
    });
  });
});

describe('without a digest service', () => {
  it('says digests are unavailable instead of failing', async () => {
    const r = await runCommand(
      { group: 'digest', text: 'list' },
      {
        platform: 'console',
        workspaceId: 'console',
        channelId: 'terminal',
        userId: 'local',
        now: new Date(),
        isAdmin: async () => true,
        checkChannel: async () => ({ ok: true }),
        services: { knowledge: fakeKnowledge([]), defaultTimezone: 'UTC' },
      },
    );
    expect(r.reply.title).toBe('Digests are not available');
  });
});
