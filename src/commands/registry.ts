import { digestCommand } from './digest/index.js';
import { makeHelp } from './election/help.js';
import { electionCommand } from './election/index.js';
import { type CommandGroup, type CommandGroupInput, commandGroupSchema, type Subcommand } from './types.js';

/** Validated once at load: a malformed definition fails start-up, not a user's command. */
function defineGroup(input: CommandGroupInput): CommandGroup {
  const group = commandGroupSchema.parse(input);
  if (!group.subcommands.some((s) => s.name === group.defaultSubcommand)) {
    throw new Error(`/${group.name}: default subcommand "${group.defaultSubcommand}" is not defined`);
  }
  return group;
}

/** Every command the bot serves, in the order help lists them. Registration is explicit, here only. */
export const COMMANDS: readonly CommandGroup[] = [
  // Help lists the registry itself, so it is attached here rather than imported by the group.
  defineGroup({
    ...electionCommand,
    subcommands: [...electionCommand.subcommands, makeHelp(() => COMMANDS)],
  }),
  defineGroup(digestCommand),
];

/**
 * Look-ups run on every command, as plain loops: a callback made per call is work of its own on a
 * path where every step of each reply counts (`npm run bench`).
 */
export function findGroup(name: string): CommandGroup | undefined {
  const bare = (name.startsWith('/') ? name.slice(1) : name).toLowerCase();
  for (const group of COMMANDS) if (group.name === bare) return group;
  return undefined;
}

export function findSubcommand(group: CommandGroup, name: string): Subcommand | undefined {
  for (const sub of group.subcommands) if (sub.name === name) return sub;
  return undefined;
}
