import { describe, expect, it } from 'vitest';
import { BOT_SCOPES, slackManifest } from '../../../src/bots/slack/manifest.js';
import { COMMANDS } from '../../../src/commands/registry.js';

describe('Slack app manifest generated from the command definitions', () => {
  it('declares every command with should_escape and the events URL from PUBLIC_URL', () => {
    const m = slackManifest({ PUBLIC_URL: 'https://bot.example.org/', SLACK_APP_TOKEN: undefined });
    expect(m.features.slash_commands.map((c) => c.command)).toEqual(COMMANDS.map((g) => `/${g.name}`));
    for (const c of m.features.slash_commands) {
      expect(c.should_escape).toBe(true);
      expect(c).toMatchObject({ url: 'https://bot.example.org/slack/events' });
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.usage_hint.length).toBeLessThanOrEqual(1000);
    }
    const election = m.features.slash_commands.find((c) => c.command === '/election');
    expect(election?.usage_hint).toContain('threats [russia|china|compare]');
    expect(election?.usage_hint).toContain('ask <question>');
    expect(m.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://bot.example.org/slack/events',
    });
    expect(m.settings.socket_mode_enabled).toBe(false);
  });

  it('asks only for the scopes the adapter uses', () => {
    const m = slackManifest({ PUBLIC_URL: 'https://bot.example.org', SLACK_APP_TOKEN: undefined });
    expect(m.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
    expect(m.oauth_config.scopes.bot).not.toContain('chat:write.public');
    expect(m.oauth_config.scopes.bot).not.toContain('users:read.email');
    expect(m.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('switches to Socket Mode without request URLs when an app-level token is configured', () => {
    const m = slackManifest({ PUBLIC_URL: undefined, SLACK_APP_TOKEN: 'xapp-1-A1-2-x' });
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.settings.interactivity).toEqual({ is_enabled: true });
    for (const c of m.features.slash_commands) expect(c).not.toHaveProperty('url');
  });

  it('is plain JSON (round-trips unchanged)', () => {
    const m = slackManifest({ PUBLIC_URL: 'https://bot.example.org', SLACK_APP_TOKEN: undefined });
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});
