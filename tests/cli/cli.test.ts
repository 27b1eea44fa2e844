import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'newsroom-cli-'));

describe('newsroom CLI (built, spawned)', () => {
  it('given piped input and no tokens, start answers each line on the console and exits 0', async () => {
    const run = await runCli(['start'], {
      input: '/election balloon\n/election threats china\n',
      env: { DATA_DIR: dataDir() },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/surveillance balloon/);
    expect(run.stdout).toMatch(/climate change|slow and strategic/);
    expect(run.stdout.indexOf('balloon')).toBeLessThan(
      run.stdout.search(/climate change|slow and strategic/),
    );
  });

  it('given a malformed Discord token and an unknown zone, start exits 2 naming both, one per line', async () => {
    const run = await runCli(['start'], { env: { DISCORD_TOKEN: 'x', DEFAULT_TIMEZONE: 'Mars/Base' } });
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n');
    expect(lines.filter((l) => /DISCORD_TOKEN .*bot token/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /DEFAULT_TIMEZONE .*time zone/.test(l))).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('reads a .env in the working directory, and the real environment wins over it', async () => {
    const cwd = dataDir();
    writeFileSync(join(cwd, '.env'), 'DEFAULT_TIMEZONE=Mars/Base\n');
    const fromFile = await runCli(['start'], { cwd, env: { DATA_DIR: cwd } });
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toMatch(/DEFAULT_TIMEZONE .*time zone/);
    const overridden = await runCli(['start'], { cwd, env: { DATA_DIR: cwd, DEFAULT_TIMEZONE: 'UTC' } });
    expect(overridden.code).toBe(0);
    expect(overridden.stderr).not.toMatch(/DEFAULT_TIMEZONE/);
  });

  it('ask --jsonl answers every line, in order, with verbatim citations', async () => {
    const questions = [
      'Was Xi aware of the balloon?',
      'Who wrote Hamlet?',
      'How is Russia’s cyber threat described?',
    ];
    const run = await runCli(['ask', '--jsonl'], { input: `${questions.join('\n')}\n` });
    expect(run.code).toBe(0);
    const rows = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.question)).toEqual(questions);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['answered', 'citations', 'question', 'text']);
      for (const c of row.citations) expect(Object.keys(c).sort()).toEqual(['quote', 'source']);
    }
    expect(rows[0].answered).toBe(true);
    expect(rows[1].answered).toBe(false);
    expect(rows[2].text).toMatch(/hurricane/i);
  });

  it('ask --json prints one object; ask without a question explains itself', async () => {
    const one = await runCli(['ask', 'What did Xi tell Biden?', '--json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).answered).toBe(true);
    const none = await runCli(['ask']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give a question/);
  });

  it('every subcommand has --help', async () => {
    for (const command of ['start', 'ask', 'commands', 'register-commands', 'kb', 'eval']) {
      const run = await runCli([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`newsroom ${command}`);
    }
  });

  it('an unknown CLI command prints usage and exits 2', async () => {
    const run = await runCli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command "frobnicate"/);
  });
});
