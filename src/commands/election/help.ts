import type { CommandGroup, SubcommandInput } from '../types.js';
import { helpLines } from '../usage.js';

/** Built from the registry at call time, so help can never drift from the real commands. */
export function makeHelp(groups: () => readonly CommandGroup[]): SubcommandInput {
  return {
    name: 'help',
    description: 'List every command',
    usage: 'help',
    handler: () => {
      const all = groups();
      return {
        title: 'Newsroom bot: election-security reporting',
        sections: all.map((g) => ({
          heading: g.access === 'admin' ? `/${g.name} (admins)` : `/${g.name}`,
          text: helpLines([g]).join('\n'),
        })),
        footer: 'Answers are visible only to you until you press "Share to channel".',
        tone: 'notice',
        shareable: false,
      };
    },
  };
}
