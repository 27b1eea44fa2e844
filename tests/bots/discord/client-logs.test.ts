import { afterEach, describe, expect, it, vi } from 'vitest';
import { snowflake } from '../../fakes/discord/index.js';
import { findLeaks, TEST_SECRETS } from '../../setup/secret-scan.js';
import { recordingLogger } from './log-lines.js';
import { type DiscordWorld, startDiscordWorld } from './world.js';

const GUILD = snowflake(10);
const NEWS = snowflake(11);
const DESK = snowflake(13);
const guilds = [
  {
    id: GUILD,
    channels: [
      { id: NEWS, name: 'news' },
      { id: DESK, name: 'Desk', type: 4 },
    ],
  },
];

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const fromLibrary = (line: { component?: string }) => line.component === 'discord.js';

describe('discord.js logging through our logger', () => {
  it('at trace, forwards its debug stream (gateway and REST) without ever writing the token', async () => {
    const { log, lines, raw } = recordingLogger('trace');
    world = await startDiscordWorld({ fake: { guilds }, log });
    const traced = lines().filter((l) => fromLibrary(l) && l.level === 10);
    expect(traced.some((l) => /Fetched Gateway Information/.test(l.msg ?? ''))).toBe(true);
    expect(traced.some((l) => /Provided token/.test(l.msg ?? ''))).toBe(true);
    expect(findLeaks(raw.join(''), TEST_SECRETS)).toEqual([]);
  });

  it('above trace, leaves the debug stream out', async () => {
    const { log, lines } = recordingLogger('debug');
    world = await startDiscordWorld({ fake: { guilds }, log });
    expect(lines().filter(fromLibrary)).toEqual([]);
    expect(lines().some((l) => l.msg === 'discord connected')).toBe(true);
  });

  it('forwards its warnings (here: Discord reporting typing in a category)', async () => {
    const { log, lines } = recordingLogger('info');
    world = await startDiscordWorld({ fake: { guilds }, log });
    world.fake.gateway.dispatch(GUILD, 'TYPING_START', {
      channel_id: DESK,
      guild_id: GUILD,
      user_id: '200000000000000001',
      timestamp: 1_795_000_000,
    });
    await vi.waitFor(() =>
      expect(lines().find((l) => fromLibrary(l) && l.level === 40)?.msg).toMatch(/typing packet/),
    );
  });

  it('forwards shard errors and disconnects, e.g. the gateway refusing the token', async () => {
    const { log, lines } = recordingLogger('info');
    world = await startDiscordWorld({ fake: { guilds }, log, connect: false, adapter: { loginRetries: 0 } });
    world.fake.gateway.rejectIdentify = true;
    await expect(world.adapter.start()).rejects.toThrow();
    const library = lines().filter(fromLibrary);
    expect(library.find((l) => l.level === 50)).toMatchObject({
      msg: 'discord shard error',
      err: { message: 'Authentication failed' },
    });
    expect(library.find((l) => l.level === 40)).toMatchObject({ code: 4004 });
  });
});
