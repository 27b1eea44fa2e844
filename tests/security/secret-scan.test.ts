import { describe, expect, it } from 'vitest';
import { APP_TOKEN, BOT_TOKEN, SECRET } from '../bots/slack/rig.js';
import { TOKEN as DISCORD_TOKEN } from '../fakes/discord/index.js';
import { capturedOutput } from '../setup/captured-output.js';
import { assertNoLeaks, databaseSecrets, findLeaks, TEST_SECRETS } from '../setup/secret-scan.js';

describe('the secret scan run after every test file', () => {
  it('finds a leaking line, names the secret only by its start, and passes clean output', () => {
    const output = [
      '{"level":30,"msg":"slack adapter started"}',
      `{"level":20,"msg":"POST /api/chat.postMessage","headers":{"authorization":"Bearer ${BOT_TOKEN}"}}`,
      '{"level":20,"token":"[redacted]"}',
    ].join('\n');
    const leaks = findLeaks(output, TEST_SECRETS);
    expect(leaks).toHaveLength(1);
    expect(leaks[0]?.line).toContain('chat.postMessage');
    expect(JSON.stringify(leaks)).not.toContain(BOT_TOKEN);
    expect(findLeaks(output.split('\n')[0] ?? '', TEST_SECRETS)).toEqual([]);
  });

  it('fails (throws) on a leaking line and lets clean output through', () => {
    expect(() => assertNoLeaks(`debug: using token ${SECRET}\n`, TEST_SECRETS)).toThrow(
      /configured secret appeared.*fake-s…/s,
    );
    expect(() => assertNoLeaks('debug: using token [redacted]\n', TEST_SECRETS)).not.toThrow();
  });

  it('finds a secret split across two writes, and every occurrence', () => {
    const half = Math.floor(DISCORD_TOKEN.length / 2);
    const output = `login ${DISCORD_TOKEN.slice(0, half)}${DISCORD_TOKEN.slice(half)}\nagain ${DISCORD_TOKEN}\n`;
    expect(findLeaks(output, TEST_SECRETS).map((l) => l.line.split(' ')[0])).toEqual(['login', 'again']);
  });

  it('knows the credentials the fakes and rigs configure', () => {
    for (const secret of [BOT_TOKEN, APP_TOKEN, SECRET, DISCORD_TOKEN])
      expect(TEST_SECRETS).toContain(secret);
  });

  it('includes a configured PostgreSQL URL and its password', () => {
    expect(databaseSecrets('postgres://news:s3cr3t-pw@127.0.0.1:5432/newsroom')).toEqual([
      'postgres://news:s3cr3t-pw@127.0.0.1:5432/newsroom',
      's3cr3t-pw',
    ]);
    expect(databaseSecrets('')).toEqual([]);
  });

  it('is recording this file’s output (stderr and console)', () => {
    process.stderr.write('{"level":30,"msg":"capture probe stderr"}\n');
    console.info('capture probe console');
    expect(capturedOutput()).toContain('capture probe stderr');
    expect(capturedOutput()).toContain('capture probe console');
  });
});
