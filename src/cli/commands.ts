import { discordCommandsJson } from '../bots/discord/commands-json.js';
import { slackManifest } from '../bots/slack/manifest.js';
import { loadConfig } from '../config.js';
import type { ParsedArgs } from './args.js';

/** `newsroom commands --platform discord|slack`: the generated definitions, as JSON on stdout. */
export function runCommandsExport(args: ParsedArgs): number {
  const platform = args.flags.get('platform');
  if (platform === 'discord') {
    process.stdout.write(`${JSON.stringify(discordCommandsJson(), null, 2)}\n`);
    return 0;
  }
  if (platform === 'slack') {
    const loaded = loadConfig(process.env);
    if (!loaded.ok) {
      for (const problem of loaded.problems) process.stderr.write(`${problem}\n`);
      return 2;
    }
    process.stdout.write(`${JSON.stringify(slackManifest(loaded.config), null, 2)}\n`);
    return 0;
  }
  process.stderr.write('newsroom commands: choose --platform discord or --platform slack\n');
  return 2;
}
