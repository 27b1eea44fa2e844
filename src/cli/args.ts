/** The CLI's argument shapes: few enough that a parser library would be heavier than the rules. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const long = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(arg);
    if (long) {
      const name = long[1] ?? '';
      const next = argv[i + 1];
      if (long[2] !== undefined) flags.set(name, long[2]);
      else if (VALUE_FLAGS.has(name) && next !== undefined && !next.startsWith('--')) {
        flags.set(name, next);
        i++;
      } else flags.set(name, true);
    } else if (arg === '-h') flags.set('help', true);
    else positionals.push(arg);
  }
  return { positionals, flags };
}

/** Flags that take a value (`--platform slack`); every other flag is a switch. */
const VALUE_FLAGS = new Set(['platform', 'guild', 'file']);
