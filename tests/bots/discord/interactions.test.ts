import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../../src/bots/discord/render.js';
import { runCommand } from '../../../src/commands/dispatch.js';
import { loadKnowledge } from '../../../src/knowledge/index.js';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, PERMISSIONS } from '../../fakes/discord/index.js';
import { testContext } from '../../helpers/context.js';
import { itWithDiscordSpec } from '../../helpers/discord-openapi.js';
import { embedsOf, hasShareButton, isPrivate, seenText, shareCustomId, wouldPing } from './seen.js';
import { type DiscordWorld, startDiscordWorld } from './world.js';

let world: DiscordWorld;
let guildId: string;
let channelId: string;

beforeAll(async () => {
  world = await startDiscordWorld();
  const guild = [...world.fake.state.guilds.values()][0];
  guildId = guild?.id ?? '';
  channelId = guild?.channels[0]?.id ?? '';
});
afterAll(() => world.close());

const slash = (
  subcommand: string,
  options: Record<string, string | number> = {},
  permissions = MEMBER_PERMISSIONS,
) => world.fake.slashCommand({ guildId, channelId, group: 'election', subcommand, options, permissions });

/** What the neutral core answers, rendered: the embed the user must see for that command. */
async function expectedEmbeds(subcommand: string, options: Record<string, string> = {}) {
  const ctx = testContext({
    platform: 'discord',
    workspaceId: guildId,
    channelId,
    services: { knowledge: loadKnowledge(), defaultTimezone: 'UTC' },
  });
  const { reply } = await runCommand({ group: 'election', subcommand, options }, ctx);
  return renderReply(reply)[0]?.embeds;
}

describe('/election over the Discord gateway', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['assurance', {}, /Xi|Biden|assur/i],
    ['balloon', {}, /surveillance balloon/],
    ['threats', { focus: 'china' }, /China/],
    ['threats', {}, /hurricane/i],
    ['ask', { question: 'What did officials say about the balloon?' }, /balloon/i],
    ['digest', {}, /./],
    ['sources', {}, /Outlet/],
    ['help', {}, /\/election ask/],
  ];
  for (const [sub, options, pattern] of cases) {
    it(`answers /election ${sub} ${JSON.stringify(options)} privately with the expected embed`, async () => {
      const handle = slash(sub, options);
      const first = await handle.firstReply();
      expect(handle.log.callbacks[0]?.type).toBe(4);
      expect(isPrivate(first)).toBe(true);
      expect(wouldPing(first)).toBe(false);
      expect(embedsOf(first)).toEqual(await expectedEmbeds(sub, options));
      expect(seenText([first])).toMatch(pattern);
    });
  }

  it('offers Share to channel on answers, and not on help', async () => {
    expect(hasShareButton(await slash('balloon').firstReply())).toBe(true);
    expect(hasShareButton(await slash('help').firstReply())).toBe(false);
  });

  it('reposts a shared answer publicly, marked with who shared it, pinging nobody', async () => {
    const answer = await slash('balloon').firstReply();
    const click = world.fake.clickButton({
      guildId,
      channelId,
      user: { id: '300000000000000003', username: 'Dana' },
      customId: shareCustomId(answer) ?? '',
      message: answer,
    });
    const shared = await click.firstReply();
    expect(isPrivate(shared)).toBe(false);
    expect(wouldPing(shared)).toBe(false);
    expect(embedsOf(shared)[0]?.author?.name).toBe('Shared by Dana');
    expect(seenText([shared])).toContain('surveillance balloon');
    expect(hasShareButton(shared)).toBe(false);
  });

  it('never pings for a question full of mentions', async () => {
    const first = await slash('ask', {
      question: '@everyone <@123> @here did the balloon matter?',
    }).firstReply();
    expect(wouldPing(first)).toBe(false);
    expect(seenText([first])).not.toMatch(/(^|[^\u200B])@everyone/);
  });
});

describe('/digest permissions over the Discord gateway', () => {
  const digest = (subcommand: string, permissions: bigint, options: Record<string, string | number> = {}) =>
    world.fake.slashCommand({ guildId, channelId, group: 'digest', subcommand, options, permissions });

  it('refuses /digest subscribe to a member without Manage Server, privately', async () => {
    const handle = digest('subscribe', MEMBER_PERMISSIONS, { schedule: 'daily 08:00' });
    const first = await handle.firstReply();
    expect(isPrivate(first)).toBe(true);
    expect(seenText([first])).toMatch(/admins only/i);
  });

  it('defers first (type 5, private), then edits in the answer', async () => {
    const handle = digest('list', ADMIN_PERMISSIONS);
    const first = await handle.firstReply();
    expect(handle.log.callbacks).toEqual([{ type: 5, data: { flags: 64 } }]);
    expect(handle.log.edits).toHaveLength(1);
    expect(isPrivate(first)).toBe(true);
    expect(seenText([first])).not.toMatch(/admins only/i);
  });

  it('treats Administrator as admin even without the Manage Server bit', async () => {
    const first = await digest('list', MEMBER_PERMISSIONS | PERMISSIONS.Administrator).firstReply();
    expect(seenText([first])).not.toMatch(/admins only/i);
  });
});

describe('payloads the bot sent during these tests', () => {
  itWithDiscordSpec('all validate against the Discord OpenAPI spec', (spec) => {
    const sent = world.fake.state.requests.filter((r) => r.body !== undefined);
    expect(sent.length).toBeGreaterThan(10);
    const errors = sent.flatMap((r) => spec.validate(r.method, r.route, r.body));
    expect(errors).toEqual([]);
  });
});
