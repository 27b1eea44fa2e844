import { describe, expect, it } from 'vitest';
import { dispatchCommand, MAX_COMMAND_TEXT, runCommand } from '../../src/commands/dispatch.js';
import { replyToPlainText } from '../../src/commands/reply.js';
import { echoKnowledge, testContext } from '../helpers/context.js';

const text = async (group: string, line: string, ctx = testContext()) => {
  const result = await runCommand({ group, text: line }, ctx);
  return { ...result, plain: replyToPlainText(result.reply) };
};

describe('runCommand', () => {
  it('given /election alone, then it shows help listing every subcommand', async () => {
    const { plain, outcome } = await text('election', '');
    expect(outcome).toBe('ok');
    for (const sub of ['assurance', 'balloon', 'threats', 'ask', 'digest', 'sources', 'help']) {
      expect(plain).toContain(`/election ${sub}`);
    }
  });

  it('passes the rest of the line to ask as the question', async () => {
    const { plain } = await text('election', 'ask   was Xi aware of the balloon?');
    expect(plain).toContain('echo: was Xi aware of the balloon?');
  });

  it('given /election ask with no question, then it replies with usage', async () => {
    const { plain, outcome } = await text('election', 'ask');
    expect(outcome).toBe('usage');
    expect(plain).toMatch(/Missing `question`/);
    expect(plain).toContain('/election ask <question>');
  });

  it('given a question over 500 characters, then it says the limit instead of answering', async () => {
    const { plain, outcome } = await text('election', `ask ${'why '.repeat(200)}`);
    expect(outcome).toBe('usage');
    expect(plain).toMatch(/limited to 500 characters/);
  });

  it('given text beyond any command size, then it refuses before parsing', async () => {
    const { plain, outcome } = await text('election', `ask ${'x'.repeat(MAX_COMMAND_TEXT)}`);
    expect(outcome).toBe('usage');
    expect(plain).toMatch(/too long/);
  });

  it('accepts threats focus case-insensitively and refuses an unknown focus with the choices', async () => {
    expect((await text('election', 'threats CHINA')).plain).toContain('threats china');
    const bad = await text('election', 'threats mars');
    expect(bad.outcome).toBe('usage');
    expect(bad.plain).toMatch(/one of russia, china, compare/);
  });

  it('defaults threats to the side-by-side comparison', async () => {
    expect((await text('election', 'threats')).plain).toContain('threats compare');
  });

  it('given an unknown subcommand, then usage — never an error', async () => {
    const { plain, outcome } = await text('election', 'frobnicate now');
    expect(outcome).toBe('usage');
    expect(plain).toMatch(/Unknown subcommand "frobnicate"/);
  });

  it('given an unknown command group, then usage listing the real commands', async () => {
    const { plain, outcome } = await text('weather', '');
    expect(outcome).toBe('usage');
    expect(plain).toContain('/election balloon');
  });

  it('given a non-admin, when they use /digest, then they are refused and the handler never runs', async () => {
    let asked = 0;
    const ctx = testContext({
      isAdmin: async () => {
        asked++;
        return false;
      },
    });
    const result = await text('digest', 'list', ctx);
    expect(result.outcome).toBe('forbidden');
    expect(result.plain).toMatch(/admins/i);
    expect(asked).toBe(1);
  });

  it('given a handler that throws, then a polite error without internals', async () => {
    const ctx = testContext({
      services: {
        knowledge: {
          ...echoKnowledge,
          ask: () => {
            throw new Error('database exploded at /srv/secret/path');
          },
        },
        defaultTimezone: 'UTC',
      },
    });
    const result = await text('election', 'ask anything', ctx);
    expect(result.outcome).toBe('failed');
    expect(result.error).toBeInstanceOf(Error);
    expect(result.plain).not.toMatch(/exploded|secret|at \//);
  });

  it('validates structured options the same way (Discord path)', async () => {
    const ok = await runCommand(
      { group: 'election', subcommand: 'threats', options: { focus: 'russia' } },
      testContext(),
    );
    expect(replyToPlainText(ok.reply)).toContain('threats russia');
    const bad = await runCommand({ group: 'election', subcommand: 'ask', options: {} }, testContext());
    expect(bad.outcome).toBe('usage');
  });
});

describe('dispatchCommand', () => {
  const throwing = (): ReturnType<typeof testContext> =>
    testContext({
      services: {
        knowledge: {
          ...echoKnowledge,
          ask: () => {
            throw new Error('boom');
          },
        },
        defaultTimezone: 'UTC',
      },
    });

  it('given a command that answers at once, then the result comes back without a promise', () => {
    const out = dispatchCommand({ group: 'election', text: 'ask was Xi aware?' }, testContext());
    expect(out).not.toBeInstanceOf(Promise);
    expect(out instanceof Promise ? undefined : replyToPlainText(out.reply)).toContain('echo: was Xi aware?');
  });

  it('given a handler that throws at once, then a failed result, still without a promise', () => {
    const out = dispatchCommand({ group: 'election', text: 'ask anything' }, throwing());
    expect(out).not.toBeInstanceOf(Promise);
    expect(out instanceof Promise ? undefined : out.outcome).toBe('failed');
  });

  it('given an admin command, then it waits for the admin check and answers through a promise', async () => {
    const out = dispatchCommand(
      { group: 'digest', text: 'status' },
      testContext({ isAdmin: async () => false }),
    );
    expect(out).toBeInstanceOf(Promise);
    expect((await out).outcome).toBe('forbidden');
  });
});
