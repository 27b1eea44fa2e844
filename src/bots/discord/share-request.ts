import { z } from 'zod';
import type { CommandRequest } from '../../commands/dispatch.js';
import { findGroup, findSubcommand } from '../../commands/registry.js';
import type { OptionValues } from '../../commands/types.js';
import { DISCORD_LIMITS } from './limits.js';

/** custom_id prefix of a Share button that carries the command to run again. */
export const SHARE_RERUN_PREFIX = 'share:';

/** The command to run again, as the button carries it: names, then option values in definition order. */
const carriedSchema = z
  .tuple([z.string().regex(/^[a-z0-9_-]{1,32}$/), z.string().regex(/^[a-z0-9_-]{1,32}$/)])
  .rest(z.union([z.string(), z.number(), z.null()]));

/** A structured request (what Discord delivers), as runCommand takes it. */
export type ShareRequest = Extract<CommandRequest, { subcommand: string }>;

function optionDefs(group: string, subcommand: string) {
  const found = findGroup(group);
  return found && findSubcommand(found, subcommand)?.options;
}

/**
 * The Share button's custom_id for this command, or undefined when it would not fit Discord's
 * 100 characters (a long question). Positional values keep it short; the button carries no
 * rendered text, so sharing never trusts what a client sends back beyond a command to ask.
 */
export function encodeShareRequest(request: ShareRequest): string | undefined {
  const defs = optionDefs(request.group, request.subcommand);
  if (!defs) return undefined;
  const values: (string | number | null)[] = [];
  for (const d of defs) values.push(request.options[d.name] ?? null);
  while (values.at(-1) === null) values.pop();
  const id = `${SHARE_RERUN_PREFIX}${JSON.stringify([request.group, request.subcommand, ...values])}`;
  return id.length <= DISCORD_LIMITS.customId ? id : undefined;
}

export function decodeShareRequest(customId: string): ShareRequest | undefined {
  if (!customId.startsWith(SHARE_RERUN_PREFIX)) return undefined;
  let parsed: z.infer<typeof carriedSchema>;
  try {
    parsed = carriedSchema.parse(JSON.parse(customId.slice(SHARE_RERUN_PREFIX.length)));
  } catch {
    return undefined;
  }
  const [group, subcommand, ...values] = parsed;
  const defs = optionDefs(group, subcommand);
  if (!defs || values.length > defs.length) return undefined;
  const options: OptionValues = {};
  values.forEach((value, i) => {
    const def = defs[i];
    if (def && value !== null) options[def.name] = value;
  });
  return { group, subcommand, options };
}
