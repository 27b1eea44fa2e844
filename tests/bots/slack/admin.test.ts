import { afterEach, describe, expect, it } from 'vitest';
import { visibleText } from '../../fakes/slack/payload.js';
import { digestsOnTempStore } from './digest-store.js';
import { ADMIN, LISTED, MEMBER, type Rig, startRig, TEAM } from './rig.js';

describe('/digest on Slack: admin rights and channel checks', () => {
  let rig: Rig;
  let temp: Awaited<ReturnType<typeof digestsOnTempStore>>;
  afterEach(async () => {
    await rig?.close();
    await temp?.close();
  });

  const start = async () => {
    temp = await digestsOnTempStore();
    rig = await startRig({ digests: temp.digests });
  };
  const stored = () => temp.digests.list({ platform: 'slack', workspaceId: TEAM }, new Date());

  it('refuses a member whom users.info calls neither admin nor owner: nothing posted or stored', async () => {
    await start();
    const answer = await rig.command('digest', 'subscribe <#C01NEWS|news> daily 08:00', { user: MEMBER });
    expect(visibleText(answer.payload)).toMatch(/admins only/i);
    expect(answer.payload.response_type).toBe('ephemeral');
    expect(rig.fake.callsTo('users.info').map((c) => c.params.user)).toEqual([MEMBER]);
    expect(rig.fake.posts).toHaveLength(0);
    expect(await stored()).toEqual([]);
  });

  it('lets a workspace admin subscribe a channel the bot is in', async () => {
    await start();
    const answer = await rig.command('digest', 'subscribe <#C01NEWS|news> daily 08:00 America/New_York', {
      user: ADMIN,
    });
    expect(visibleText(answer.payload)).toMatch(/digest scheduled/i);
    expect(visibleText(answer.payload)).toContain('<#C01NEWS>');
    const subs = await stored();
    expect(subs.map((s) => [s.channelId, s.schedule, s.timezone])).toEqual([
      ['C01NEWS', 'daily 08:00', 'America/New_York'],
    ]);
  });

  it('treats an owner as an admin', async () => {
    await start();
    const answer = await rig.command('digest', 'list', { user: 'U04OWNER' });
    expect(visibleText(answer.payload)).not.toMatch(/admins only/i);
  });

  it('treats a user listed in SLACK_ADMIN_USER_IDS as an admin without asking Slack', async () => {
    await start();
    const answer = await rig.command('digest', 'subscribe daily 09:00', { user: LISTED });
    expect(visibleText(answer.payload)).toMatch(/digest scheduled/i);
    expect(rig.fake.callsTo('users.info')).toHaveLength(0);
    expect((await stored()).map((s) => s.channelId)).toEqual(['C01NEWS']);
  });

  it('refuses a channel that belongs to another team, storing nothing', async () => {
    await start();
    const answer = await rig.command('digest', 'subscribe <#C03ELSEWHERE|elsewhere> daily 08:00', {
      user: ADMIN,
    });
    expect(visibleText(answer.payload)).toMatch(/another workspace/i);
    expect(await stored()).toEqual([]);
  });

  it('says exactly how to invite the bot when it is not in the channel', async () => {
    await start();
    const answer = await rig.command('digest', 'subscribe <#C02OUTSIDE|lobby> daily 08:00', { user: ADMIN });
    expect(visibleText(answer.payload)).toContain('Invite me first: type `/invite @newsroom` in #lobby');
    expect(await stored()).toEqual([]);
  });

  it('refuses archived and unknown channels', async () => {
    await start();
    const archived = await rig.command('digest', 'subscribe <#C04ARCHIVED|old-news> daily 08:00', {
      user: ADMIN,
    });
    expect(visibleText(archived.payload)).toMatch(/archived/i);
    const unknown = await rig.command('digest', 'subscribe <#C09GONE|gone> daily 08:00', { user: ADMIN });
    expect(visibleText(unknown.payload)).toMatch(/can't see that channel/i);
    expect(await stored()).toEqual([]);
  });

  it('refuses to schedule a digest into a direct message', async () => {
    await start();
    const answer = await rig.command('digest', 'subscribe daily 08:00', { user: ADMIN, channel: 'D01DM' });
    expect(visibleText(answer.payload)).toMatch(/not direct messages/i);
    expect(await stored()).toEqual([]);
  });

  it('does not treat a failed users.info as "not an admin": it says something went wrong', async () => {
    temp = await digestsOnTempStore();
    rig = await startRig({ digests: temp.digests, adapter: { retryConfig: { retries: 0 } } });
    rig.fake.fail('users.info', { status: 500 });
    const answer = await rig.command('digest', 'list', { user: ADMIN });
    expect(visibleText(answer.payload)).toMatch(/went wrong/i);
    expect(visibleText(answer.payload)).not.toMatch(/admins only/i);
  });
});
