import { afterEach, describe, expect, it } from 'vitest';
import { BOT_TOKEN, CHANNEL, MEMBER, SECRET, TEAM } from '../bots/slack/rig.js';
import { visibleText } from '../fakes/slack/payload.js';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server.js';
import { postSigned, slashCommandBody } from '../fakes/slack/sign.js';
import { checksByName, expectMetrics, health } from './expectations.js';
import { type SpawnedBot, spawnBot } from './spawned-bot.js';

describe('newsroom start with Slack over HTTP (built CLI, fake Slack): /healthz and /metrics', () => {
  let fake: FakeSlack | undefined;
  let bot: SpawnedBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    await fake?.close();
    bot = undefined;
  });

  /** `acceptedToken`: the only bot token the fake Slack honours (auth.test says invalid_auth otherwise). */
  const start = async (acceptedToken: string) => {
    fake = await startFakeSlack({ botToken: acceptedToken, users: [{ id: MEMBER, name: 'max' }] });
    bot = await spawnBot({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
    });
    return { fake, bot };
  };

  it('serves both next to /slack/events: ready, and a command shows up in the latency histogram', async () => {
    const { fake, bot } = await start(BOT_TOKEN);
    const ready = await health(bot.base);
    expect(ready.status).toBe(200);
    expect(checksByName(ready.body)).toEqual({ storage: true, slack: true, digests: true });

    const body = slashCommandBody({
      command: '/election',
      text: 'balloon',
      user_id: MEMBER,
      team_id: TEAM,
      channel_id: CHANNEL,
      response_url: fake.responseUrl(),
    });
    const res = await postSigned(`${bot.base}/slack/events`, SECRET, body);
    expect(res.status).toBe(200);
    expect(visibleText(await res.json())).toContain('balloon');
    await expectMetrics(bot.base, 'slack', 'election.balloon');

    expect(await bot.stop()).toBe(0);
    for (const secret of [BOT_TOKEN, SECRET]) expect(bot.output()).not.toContain(secret);
  });

  it('answers 503 naming Slack when auth.test says invalid_auth, and keeps serving metrics', async () => {
    const { fake, bot } = await start('xoxb-999-999-someone-else');
    expect(fake.callsTo('auth.test').map((c) => c.outcome)).toContain('invalid_auth');
    const down = await health(bot.base);
    expect(down.status).toBe(503);
    expect(checksByName(down.body)).toMatchObject({ storage: true, slack: false });
    expect((await fetch(`${bot.base}/metrics`)).status).toBe(200);
    for (const secret of [BOT_TOKEN, SECRET]) expect(bot.output()).not.toContain(secret);
  });
});
