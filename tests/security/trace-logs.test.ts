/**
 * The whole bot in this process, Slack over HTTP and Discord at once, at LOG_LEVEL=trace with the
 * production logger writing to stderr, which the capture setup records and scans for every
 * configured credential after this file. These flows make the scan meaningful: commands,
 * admin subscriptions, a digest post, and both platforms rejecting the token mid-run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type RunningBot, startBot } from '../../src/main.js';
import { ADMIN, APP_TOKEN, BOT_TOKEN, CHANNEL, SECRET, TEAM } from '../bots/slack/rig.js';
import { ADMIN_PERMISSIONS, type FakeDiscord, snowflake, startFakeDiscord } from '../fakes/discord/index.js';
import { visibleText } from '../fakes/slack/payload.js';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server.js';
import { postSigned, slashCommandBody } from '../fakes/slack/sign.js';
import { capturedOutput } from '../setup/captured-output.js';
import { findLeaks, TEST_SECRETS } from '../setup/secret-scan.js';

let slack: FakeSlack;
let discord: FakeDiscord;
let bot: RunningBot;
let base: string;

beforeAll(async () => {
  slack = await startFakeSlack({
    botToken: BOT_TOKEN,
    users: [{ id: ADMIN, name: 'ada', isAdmin: true }],
    channels: [{ id: CHANNEL, name: 'news' }],
  });
  discord = await startFakeDiscord();
  const loaded = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.state.applicationId,
    DISCORD_API_URL: discord.restUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'newsroom-trace-')),
    PORT: '0',
    LOG_LEVEL: 'trace',
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  bot = await startBot(loaded.config, {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    interactive: false,
  });
  const port = (bot.adapters.find((a) => a.platform === 'slack') as unknown as { port: number }).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await bot?.stop();
  await slack?.close();
  await discord?.close();
});

const slackCommand = async (group: string, text: string) => {
  const body = slashCommandBody({
    command: `/${group}`,
    text,
    user_id: ADMIN,
    team_id: TEAM,
    channel_id: CHANNEL,
    response_url: slack.responseUrl(),
  });
  const res = await postSigned(`${base}/slack/events`, SECRET, body);
  expect(res.status).toBe(200);
  return visibleText(await res.json());
};

const discordCommand = (group: string, subcommand: string, options: Record<string, string | number> = {}) =>
  discord
    .slashCommand({
      guildId: snowflake(10),
      channelId: snowflake(11),
      group,
      subcommand,
      options,
      permissions: ADMIN_PERMISSIONS,
    })
    .firstReply();

describe('a trace-level run of both adapters logs plenty and never a credential', () => {
  it('answers, subscribes and posts a digest on both platforms', async () => {
    expect(await slackCommand('election', 'ask What did Xi tell Biden?')).toMatch(/Xi/);
    expect(await slackCommand('digest', 'subscribe daily 08:00')).toMatch(/digest scheduled/i);
    expect(await slackCommand('digest', 'send-now 1')).not.toMatch(/admins only|went wrong/i);
    await slack.waitFor(() => slack.posts.length > 0);

    await discordCommand('election', 'balloon');
    await discordCommand('digest', 'subscribe', { schedule: 'daily 08:00' });
    await discordCommand('digest', 'send-now', { id: 1 });
  });

  it('logs loudly, still without the token, when both platforms reject it', async () => {
    slack.fail('chat.postMessage', { error: 'token_revoked' }, { times: 5 });
    await slackCommand('digest', 'send-now 1');
    discord.revokeToken();
    await discordCommand('digest', 'send-now', { id: 1 });
    const rejected = capturedOutput()
      .split('\n')
      .filter((l) => /credentials rejected/.test(l));
    expect(rejected.map((l) => (JSON.parse(l) as { platform: string }).platform).sort()).toEqual([
      'discord',
      'slack',
    ]);
  });

  it('wrote trace and debug lines from Slack, Discord and the digests to the captured stderr, none with a secret', () => {
    const lines = capturedOutput()
      .split('\n')
      .filter((l) => l.startsWith('{"level":'))
      .map((l) => JSON.parse(l) as { level: number; component?: string; msg?: string });
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.some((l) => l.level <= 20)).toBe(true);
    const text = capturedOutput();
    expect(text).toMatch(/slack/i);
    expect(text).toMatch(/discord/i);
    expect(text).toMatch(/"component":"digests"/);
    expect(findLeaks(text, [...TEST_SECRETS, APP_TOKEN])).toEqual([]);
  });
});
