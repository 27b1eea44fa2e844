import { notice, type Reply } from './reply.js';
import type { CommandGroup } from './types.js';

export function helpLines(groups: readonly CommandGroup[]): string[] {
  return groups.flatMap((g) => g.subcommands.map((s) => `\`/${g.name} ${s.usage}\` — ${s.description}`));
}

/** A short usage reply: what went wrong (if anything) and the valid forms. */
export function usageReply(
  group: CommandGroup | undefined,
  problem?: string,
  all?: readonly CommandGroup[],
): Reply {
  const lines = helpLines(group ? [group] : (all ?? []));
  return notice('How to use this command', [problem, ...lines].filter(Boolean).join('\n'), 'usage');
}
