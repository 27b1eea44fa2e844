import { describe, expect, it } from 'vitest';
import { loadConfig, secretsOf } from '../src/config.js';

describe('loadConfig', () => {
  it('given an empty environment, then it runs the console with documented defaults', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.slack).toBeNull();
    expect(result.config.discord).toBe(false);
    expect(result.config.PORT).toBe(3000);
    expect(result.config.DEFAULT_TIMEZONE).toBe('UTC');
    expect(result.config.DIGEST_GRACE_MINUTES).toBe(30);
    expect(result.config.DIGEST_MIN_INTERVAL_MINUTES).toBe(15);
    expect(result.config.DATA_DIR).toBe('./data');
    // The console's terminal is its user interface: routine info logs would drown the answers.
    expect(result.config.logLevel).toBe('warn');
  });

  it('logs at info by default when a chat platform runs, and at LOG_LEVEL when set', () => {
    const discord = loadConfig({ DISCORD_TOKEN: 'a.b.c' });
    expect(discord.ok && discord.config.logLevel).toBe('info');
    const explicit = loadConfig({ LOG_LEVEL: 'debug' });
    expect(explicit.ok && explicit.config.logLevel).toBe('debug');
  });

  it('treats empty values as unset, as .env files write them', () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '  ', PORT: '' });
    expect(result.ok && result.config.slack === null && !result.config.discord).toBe(true);
  });

  it('given a malformed Discord token and an unknown zone, then it names both problems on separate lines', () => {
    const result = loadConfig({ DISCORD_TOKEN: 'x', DEFAULT_TIMEZONE: 'Mars/Base' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(2);
    expect(result.problems.find((p) => p.startsWith('DISCORD_TOKEN'))).toMatch(/not shaped like a bot token/);
    expect(result.problems.find((p) => p.startsWith('DEFAULT_TIMEZONE'))).toMatch(
      /IANA time zone.*America\/New_York/,
    );
  });

  it('never echoes a secret value in a problem line', () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: 'not-a-token-s3cret', DISCORD_TOKEN: 'abc.def' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join('\n')).not.toContain('s3cret');
    expect(result.problems.join('\n')).not.toContain('abc.def');
  });

  it('given a Slack token without a signing secret, then start-up is refused with the missing name', () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET is required/)]);
  });

  it('chooses Slack over HTTP, or Socket Mode when an app token is present', () => {
    const http = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdef0123456789' });
    const socket = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'abcdef0123456789',
      SLACK_APP_TOKEN: 'xapp-1-A1-2-abc',
    });
    expect(http.ok && http.config.slack).toEqual({ mode: 'http' });
    expect(socket.ok && socket.config.slack).toEqual({ mode: 'socket' });
  });

  it.each([
    ['PORT', 'eighty', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be a port number/],
    ['DIGEST_GRACE_MINUTES', '-5', /DIGEST_GRACE_MINUTES must be at least 0/],
    ['DIGEST_MIN_INTERVAL_MINUTES', '0', /at least 1/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['DATABASE_URL', 'mysql://x', /PostgreSQL URL/],
    ['SLACK_API_URL', 'not a url', /SLACK_API_URL must be a URL/],
    ['SLACK_ADMIN_USER_IDS', 'U123,bob', /Slack user ids/],
    ['DISCORD_SHARDS', 'many', /DISCORD_SHARDS must be "auto"/],
  ])('given %s=%s, then the problem line explains it', (name, value, pattern) => {
    const result = loadConfig({ [name]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(pattern);
  });

  it('reports a missing partner setting even when another variable is also wrong', () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', PORT: 'eighty' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(2);
    expect(result.problems.join('\n')).toMatch(/PORT must be a whole number/);
    expect(result.problems.join('\n')).toMatch(/SLACK_SIGNING_SECRET is required/);
  });

  it('treats an empty DATA_DIR as unset', () => {
    const result = loadConfig({ DATA_DIR: '' });
    expect(result.ok && result.config.DATA_DIR).toBe('./data');
  });

  it('scrubs the database password on its own too, raw and decoded', () => {
    const result = loadConfig({ DATABASE_URL: 'postgres://bot:p%40ss-word@db:5432/news' });
    expect(result.ok && secretsOf(result.config)).toEqual(
      expect.arrayContaining(['postgres://bot:p%40ss-word@db:5432/news', 'p%40ss-word', 'p@ss-word']),
    );
  });

  it('parses the admin allow-list and shard count', () => {
    const result = loadConfig({ SLACK_ADMIN_USER_IDS: 'U123, W456', DISCORD_SHARDS: '2' });
    expect(result.ok && result.config.SLACK_ADMIN_USER_IDS).toEqual(['U123', 'W456']);
    expect(result.ok && result.config.DISCORD_SHARDS).toBe(2);
  });

  it('lists every configured token as a secret to scrub', () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'abcdef0123456789' });
    expect(result.ok && secretsOf(result.config)).toEqual(['xoxb-1-2-abc', 'abcdef0123456789']);
  });
});
