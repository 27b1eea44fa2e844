import { afterEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, snowflake, startFakeDiscord } from '../fakes/discord/index.js';
import { checksByName, expectMetrics, health } from './expectations.js';
import { type SpawnedBot, spawnBot } from './spawned-bot.js';

describe('newsroom start with Discord (built CLI, fake Discord): /healthz and /metrics on PORT', () => {
  let fake: FakeDiscord | undefined;
  let bot: SpawnedBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    await fake?.close();
    bot = undefined;
  });

  const start = async (prepare: (f: FakeDiscord) => void = () => {}) => {
    fake = await startFakeDiscord();
    prepare(fake);
    bot = await spawnBot({
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.state.applicationId,
      DISCORD_API_URL: fake.restUrl,
    });
    return { fake, bot };
  };

  it('is ready with storage, Discord and digests up, and counts a command in /metrics', async () => {
    const { fake, bot } = await start();
    const ready = await health(bot.base);
    expect(ready.status).toBe(200);
    expect(checksByName(ready.body)).toEqual({ storage: true, discord: true, digests: true });

    const asked = fake.slashCommand({
      guildId: snowflake(10),
      channelId: snowflake(11),
      group: 'election',
      subcommand: 'balloon',
    });
    await asked.firstReply();
    await expectMetrics(bot.base, 'discord', 'election.balloon');

    expect(await bot.stop()).toBe(0);
    expect(bot.output()).not.toContain(fake.token);
  });

  it('stays up but answers 503 naming Discord when the token is rejected', async () => {
    const { fake, bot } = await start((f) => f.revokeToken());
    const down = await health(bot.base);
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('unavailable');
    expect(checksByName(down.body)).toMatchObject({ storage: true, discord: false });
    expect((await fetch(`${bot.base}/metrics`)).status).toBe(200);
    expect(bot.output()).toMatch(/platform rejected our credentials/);
    expect(bot.output()).not.toContain(fake.token);
  });
});
