import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/registry.js';
import { runCli } from '../helpers/cli.js';
import { itWithDiscordSpec } from '../helpers/discord-openapi.js';

describe('newsroom commands (built, spawned)', () => {
  itWithDiscordSpec('--platform discord prints command JSON the Discord spec accepts', async (spec) => {
    const run = await runCli(['commands', '--platform', 'discord']);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout);
    expect(spec.validate('PUT', '/applications/{application_id}/commands', body)).toEqual([]);
    expect(body.map((c: { name: string }) => c.name)).toEqual(COMMANDS.map((g) => g.name));
  });

  it('--platform discord stays within every documented command limit', async () => {
    const body = JSON.parse((await runCli(['commands', '--platform', 'discord'])).stdout);
    const name = /^[-_a-z0-9]{1,32}$/;
    expect(body.length).toBeLessThanOrEqual(100);
    for (const command of body) {
      expect(command.name).toMatch(name);
      expect(command.description.length).toBeGreaterThanOrEqual(1);
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.options.length).toBeLessThanOrEqual(25);
      for (const sub of command.options) {
        expect(sub.name).toMatch(name);
        expect(sub.description.length).toBeLessThanOrEqual(100);
        expect((sub.options ?? []).length).toBeLessThanOrEqual(25);
        for (const option of sub.options ?? []) {
          expect(option.name).toMatch(name);
          expect(option.description.length).toBeLessThanOrEqual(100);
          expect((option.choices ?? []).length).toBeLessThanOrEqual(25);
        }
      }
    }
    const digest = body.find((c: { name: string }) => c.name === 'digest');
    expect(digest.default_member_permissions).toBe('32');
  });

  it('--platform slack prints a manifest whose slash commands match the definitions', async () => {
    const run = await runCli(['commands', '--platform', 'slack'], {
      env: { PUBLIC_URL: 'https://bot.example.org' },
    });
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout);
    const slash = manifest.features.slash_commands;
    expect(slash.map((c: { command: string }) => c.command)).toEqual(COMMANDS.map((g) => `/${g.name}`));
    for (const command of slash) {
      expect(command.should_escape).toBe(true);
      expect(command.url).toBe('https://bot.example.org/slack/events');
      expect(command.usage_hint.length).toBeGreaterThan(0);
    }
  });

  it('without --platform, explains the choices and exits 2', async () => {
    const run = await runCli(['commands']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--platform discord or --platform slack/);
  });
});
