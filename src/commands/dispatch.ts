import { parseOptionsFromText, validateOptions } from './parse-text.js';
import { COMMANDS, findGroup, findSubcommand } from './registry.js';
import { notice, type Reply } from './reply.js';
import type { CommandContext, CommandGroup, OptionValues, Subcommand } from './types.js';
import { usageReply } from './usage.js';

/** Slack and the console deliver free text; Discord delivers structured options. */
export type CommandRequest =
  | { group: string; text: string }
  | { group: string; subcommand: string; options: OptionValues };

export type CommandOutcome = 'ok' | 'usage' | 'forbidden' | 'failed';

export interface CommandResult {
  reply: Reply;
  outcome: CommandOutcome;
  /** `election.ask`, for logs and metrics; `unknown` when the command did not resolve. */
  commandId: string;
  error?: unknown;
}

/** Longest text we look at: anything longer is refused before parsing, so huge input costs nothing. */
export const MAX_COMMAND_TEXT = 4_000;

/** Resolves, authorises and runs one command. Never throws: failures become replies. */
export async function runCommand(request: CommandRequest, ctx: CommandContext): Promise<CommandResult> {
  return dispatchCommand(request, ctx);
}

/**
 * `runCommand`, without a promise when nothing in the command waits: one that needs no admin check
 * and whose handler answers at once (the knowledge commands) comes back as a plain result, so an
 * adapter can answer it without arming a deadline or queueing microtasks. Never throws.
 */
export function dispatchCommand(
  request: CommandRequest,
  ctx: CommandContext,
): CommandResult | Promise<CommandResult> {
  const group = findGroup(request.group);
  if (!group) {
    return {
      reply: usageReply(undefined, `Unknown command /${request.group}.`, COMMANDS),
      outcome: 'usage',
      commandId: 'unknown',
    };
  }
  const resolved = resolve(group, request);
  if (!resolved.ok) {
    return { reply: usageReply(group, resolved.error), outcome: 'usage', commandId: `${group.name}.unknown` };
  }
  const { sub, options } = resolved;
  const commandId = `${group.name}.${sub.name}`;
  if (group.access === 'admin') return asAdmin(group, sub, options, ctx, commandId);
  return handle(sub, options, ctx, commandId);
}

async function asAdmin(
  group: CommandGroup,
  sub: Subcommand,
  options: OptionValues,
  ctx: CommandContext,
  commandId: string,
): Promise<CommandResult> {
  try {
    if (!(await ctx.isAdmin())) {
      return {
        reply: notice(
          'Admins only',
          `Only workspace admins can use /${group.name}. Ask an admin of this workspace to set it up.`,
          'refusal',
        ),
        outcome: 'forbidden',
        commandId,
      };
    }
  } catch (error) {
    return failed(commandId, error);
  }
  return handle(sub, options, ctx, commandId);
}

/** Runs the handler: a plain result when it answers at once, a promise when it waits. */
function handle(
  sub: Subcommand,
  options: OptionValues,
  ctx: CommandContext,
  commandId: string,
): CommandResult | Promise<CommandResult> {
  let reply: Reply | Promise<Reply>;
  try {
    reply = sub.handler({ options, ctx });
  } catch (error) {
    return failed(commandId, error);
  }
  if (reply instanceof Promise) {
    return reply.then(
      (r): CommandResult => ({ reply: r, outcome: 'ok', commandId }),
      (error: unknown) => failed(commandId, error),
    );
  }
  return { reply, outcome: 'ok', commandId };
}

function failed(commandId: string, error: unknown): CommandResult {
  return {
    reply: notice(
      'Something went wrong',
      'That command failed on our side. Nothing was changed; please try again in a moment.',
      'error',
    ),
    outcome: 'failed',
    commandId,
    error,
  };
}

type Resolution = { ok: true; sub: Subcommand; options: OptionValues } | { ok: false; error?: string };

function resolve(group: CommandGroup, request: CommandRequest): Resolution {
  if ('options' in request) {
    const sub = findSubcommand(group, request.subcommand);
    if (!sub) return { ok: false, error: `Unknown subcommand "${clip(request.subcommand)}".` };
    const parsed = validateOptions(sub, request.options);
    return parsed.ok ? { ok: true, sub, options: parsed.options } : { ok: false, error: parsed.error };
  }
  if (request.text.length > MAX_COMMAND_TEXT) {
    return { ok: false, error: `That text is too long (${request.text.length} characters).` };
  }
  const text = request.text.trim();
  const match = /^(\S+)\s*(.*)$/s.exec(text);
  const name = (match?.[1] ?? group.defaultSubcommand).toLowerCase();
  const sub = findSubcommand(group, name);
  if (!sub) return { ok: false, error: `Unknown subcommand "${clip(name)}".` };
  const parsed = parseOptionsFromText(sub, match?.[2] ?? '');
  return parsed.ok
    ? { ok: true, sub, options: parsed.options }
    : { ok: false, error: `${parsed.error} Usage: \`/${group.name} ${sub.usage}\`` };
}

function clip(text: string): string {
  return text.length > 32 ? `${text.slice(0, 32)}…` : text;
}
