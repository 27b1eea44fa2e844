/**
 * Run-time permission checks on Discord, whatever the server's command settings say.
 * Already covered elsewhere (not repeated here): a plain member refused /digest subscribe
 * (tests/bots/discord/interactions.test.ts); a channel of another guild refused as a target
 * (tests/bots/discord/channel-check.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivate, seenText } from '../bots/discord/seen.js';
import { type DiscordWorld, startDiscordWorld } from '../bots/discord/world.js';
import { digestsOnTempStore } from '../bots/slack/digest-store.js';
import { ADMIN_PERMISSIONS, PERMISSIONS, snowflake } from '../fakes/discord/index.js';

const A = snowflake(10);
const NEWS = snowflake(11);
const B = snowflake(21);
const ELSEWHERE = snowflake(22);

/** Every permission bit Discord defines except Manage Server and Administrator. */
const EVERYTHING_BUT_ADMIN = ((1n << 51n) - 1n) & ~(PERMISSIONS.ManageGuild | PERMISSIONS.Administrator);

let world: DiscordWorld;
let temp: Awaited<ReturnType<typeof digestsOnTempStore>>;
const inB = { platform: 'discord' as const, workspaceId: B };

beforeAll(async () => {
  temp = await digestsOnTempStore();
  world = await startDiscordWorld({ services: { digests: temp.digests } });
  // Guild B's admin already has digest #1 there.
  const made = await temp.digests.subscribe(
    { ...inB, userId: '200000000000000009', now: new Date() },
    { channelId: ELSEWHERE, schedule: 'daily 08:00' },
  );
  expect(made.ok).toBe(true);
});
afterAll(async () => {
  await world.close();
  await temp.close();
});

async function digest(
  subcommand: string,
  permissions: bigint,
  options: Record<string, string | number> = {},
  where = { guildId: A, channelId: NEWS },
) {
  const handle = world.fake.slashCommand({
    ...where,
    group: 'digest',
    subcommand,
    options,
    permissions,
  });
  const first = await handle.firstReply();
  expect(isPrivate(first)).toBe(true);
  return seenText([first]);
}

const guildB = async () => temp.digests.list(inB, new Date());
const guildA = async () => temp.digests.list({ platform: 'discord', workspaceId: A }, new Date());

describe('/digest with every permission except Manage Server (server overrode the default)', () => {
  it.each([
    ['subscribe', { schedule: 'daily 08:00' }],
    ['list', {}],
    ['pause', { id: 1 }],
    ['remove', { id: 1 }],
    ['send-now', { id: 1 }],
    ['status', {}],
  ] as const)('refuses %s and changes nothing', async (subcommand, options) => {
    expect(await digest(subcommand, EVERYTHING_BUT_ADMIN, options)).toMatch(/admins only/i);
    expect(await guildA()).toEqual([]);
    expect((await guildB()).map((s) => [s.localId, s.paused])).toEqual([[1, false]]);
  });
});

describe('/digest ids are confined to the guild they were made in', () => {
  it.each(['pause', 'resume', 'remove', 'send-now', 'status'])(
    'an admin of guild A cannot %s digest #1 of guild B',
    async (subcommand) => {
      expect(await digest(subcommand, ADMIN_PERMISSIONS, { id: 1 })).toMatch(
        /no digest #1 in this workspace/i,
      );
      expect((await guildB()).map((s) => [s.localId, s.channelId, s.paused])).toEqual([
        [1, ELSEWHERE, false],
      ]);
    },
  );

  it('while guild B’s own admin can (control)', async () => {
    const text = await digest('status', ADMIN_PERMISSIONS, { id: 1 }, { guildId: B, channelId: ELSEWHERE });
    expect(text).not.toMatch(/no digest #1/i);
    expect(text).toContain(`<#${ELSEWHERE}>`);
  });

  it('an admin of guild A does not see guild B’s digests in list', async () => {
    const text = await digest('list', ADMIN_PERMISSIONS);
    expect(text).not.toContain(ELSEWHERE);
  });
});
