import { findGroup } from './registry.js';
import type { CommandContext } from './types.js';

export interface Suggestion {
  name: string;
  value: string | number;
}

/** Platforms cap suggestion lists (Discord: 25 choices). */
export const MAX_SUGGESTIONS = 25;

/**
 * Values to offer while someone types an option marked `autocomplete`: time zones, and the
 * subscription ids of their own workspace. Suggestions are a convenience; handlers still validate.
 */
export async function suggestOptionValues(
  request: { group: string; subcommand: string; option: string; typed: string },
  ctx: CommandContext,
): Promise<Suggestion[]> {
  const group = findGroup(request.group);
  const def = group?.subcommands
    .find((s) => s.name === request.subcommand)
    ?.options.find((o) => o.name === request.option);
  if (!group || !def?.autocomplete) return [];
  const typed = request.typed.trim().toLowerCase();

  if (request.option === 'timezone') {
    return Intl.supportedValuesOf('timeZone')
      .filter((zone) => zone.toLowerCase().includes(typed))
      .slice(0, MAX_SUGGESTIONS)
      .map((zone) => ({ name: zone, value: zone }));
  }
  if (request.option === 'id' && ctx.services.digests) {
    // Subscription lists are admin information: nobody else gets them, not even as hints.
    if (group.access === 'admin' && !(await ctx.isAdmin())) return [];
    const subs = await ctx.services.digests.list(
      { platform: ctx.platform, workspaceId: ctx.workspaceId },
      ctx.now,
    );
    return subs
      .filter((s) => typed === '' || String(s.localId).startsWith(typed))
      .slice(0, MAX_SUGGESTIONS)
      .map((s) => ({
        name: `#${s.localId} · ${s.schedule} (${s.timezone})${s.paused ? ' · paused' : ''}`.slice(0, 100),
        value: s.localId,
      }));
  }
  return [];
}
