import { afterEach, describe, expect, it } from 'vitest';
import { discordCommandsJson } from '../../../src/bots/discord/commands-json.js';
import { registerCommands } from '../../../src/bots/discord/register.js';
import { type FakeDiscord, startFakeDiscord } from '../../fakes/discord/index.js';
import { itWithDiscordSpec } from '../../helpers/discord-openapi.js';

type Json = { name: string; options?: Json[]; [k: string]: unknown };
const commands = () => discordCommandsJson() as unknown as Json[];
const sub = (group: string, name: string) =>
  commands()
    .find((c) => c.name === group)
    ?.options?.find((o) => o.name === name);

describe('application commands generated from the shared definitions', () => {
  it('declares /election with every subcommand and option name of commands.md', () => {
    const election = commands().find((c) => c.name === 'election');
    expect(election?.options?.map((o) => o.name)).toEqual(
      expect.arrayContaining(['assurance', 'balloon', 'threats', 'ask', 'digest', 'sources', 'help']),
    );
    const focus = sub('election', 'threats')?.options?.[0];
    expect(focus).toMatchObject({ name: 'focus', type: 3, required: false });
    expect(((focus?.choices ?? []) as Array<{ value: string }>).map((c) => c.value)).toEqual([
      'russia',
      'china',
      'compare',
    ]);
    expect(sub('election', 'ask')?.options?.[0]).toMatchObject({
      name: 'question',
      type: 3,
      required: true,
      max_length: 500,
    });
  });

  it('restricts /digest to Manage Server by default and keeps it out of DMs', () => {
    const digest = commands().find((c) => c.name === 'digest');
    expect(digest?.default_member_permissions).toBe('32');
    expect(digest?.contexts).toEqual([0]);
    expect(commands().find((c) => c.name === 'election')?.contexts).toEqual([0, 1]);
    expect(commands().find((c) => c.name === 'election')?.default_member_permissions).toBeNull();
  });

  it('gives /digest subcommands the option names and types of commands.md', () => {
    const subscribe = sub('digest', 'subscribe')?.options ?? [];
    expect(subscribe.map((o) => [o.name, o.type, o.required])).toEqual([
      ['schedule', 3, true],
      ['channel', 7, false],
      ['timezone', 3, false],
    ]);
    expect(subscribe[2]?.autocomplete).toBe(true);
    for (const name of ['pause', 'resume', 'remove', 'send-now']) {
      expect(sub('digest', name)?.options?.[0]).toMatchObject({
        name: 'id',
        type: 4,
        required: true,
        autocomplete: true,
      });
    }
    expect(sub('digest', 'status')?.options?.[0]).toMatchObject({ name: 'id', type: 4, required: false });
  });

  itWithDiscordSpec('validates against the Discord OpenAPI spec as a bulk overwrite body', (spec) => {
    expect(spec.validate('PUT', '/applications/{application_id}/commands', discordCommandsJson())).toEqual(
      [],
    );
  });
});

describe('register-commands against the fake Discord', () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('overwrites guild commands idempotently: twice gives the same set, one PUT each', async () => {
    fake = await startFakeDiscord();
    const guildId = [...fake.state.guilds.keys()][0] ?? '';
    const options = {
      token: fake.token,
      applicationId: fake.state.applicationId,
      apiUrl: fake.restUrl,
      guildId,
    };
    const first = await registerCommands(options);
    const second = await registerCommands(options);
    expect(first).toEqual({ scope: 'guild', names: ['election', 'digest'] });
    expect(second).toEqual(first);
    expect((fake.state.commands.get(guildId) ?? []).map((c) => (c as Json).name)).toEqual([
      'election',
      'digest',
    ]);
    const puts = fake.state.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.route)).toEqual([
      '/applications/{application_id}/guilds/{guild_id}/commands',
      '/applications/{application_id}/guilds/{guild_id}/commands',
    ]);
  });

  it('registers globally without --guild', async () => {
    fake = await startFakeDiscord();
    const result = await registerCommands({
      token: fake.token,
      applicationId: fake.state.applicationId,
      apiUrl: fake.restUrl,
    });
    expect(result.scope).toBe('global');
    expect(fake.state.commands.get('global')).toHaveLength(2);
  });

  it('fails loudly with a bad token instead of retrying', async () => {
    fake = await startFakeDiscord();
    await expect(
      registerCommands({
        token: 'bad.token.value',
        applicationId: fake.state.applicationId,
        apiUrl: fake.restUrl,
      }),
    ).rejects.toMatchObject({ status: 401 });
    expect(fake.state.requests.filter((r) => r.status === 401)).toHaveLength(1);
  });

  itWithDiscordSpec('sends a body the spec accepts', async (spec) => {
    fake = await startFakeDiscord();
    await registerCommands({
      token: fake.token,
      applicationId: fake.state.applicationId,
      apiUrl: fake.restUrl,
    });
    const put = fake.state.requests.find((r) => r.method === 'PUT');
    expect(put && spec.validate(put.method, put.route, put.body)).toEqual([]);
  });
});
