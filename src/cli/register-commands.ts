import { registerCommands } from '../bots/discord/register.js';
import { loadConfig } from '../config.js';
import type { ParsedArgs } from './args.js';

/** `newsroom register-commands [--guild <id>]`: bulk overwrite, so running it twice changes nothing. */
export async function runRegisterCommands(args: ParsedArgs): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    for (const problem of loaded.problems) process.stderr.write(`${problem}\n`);
    return 2;
  }
  const { DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_API_URL } = loaded.config;
  if (!DISCORD_TOKEN || !DISCORD_APPLICATION_ID) {
    process.stderr.write('newsroom register-commands: set DISCORD_TOKEN and DISCORD_APPLICATION_ID first\n');
    return 2;
  }
  const guild = args.flags.get('guild');
  if (guild === true || (guild !== undefined && !/^\d{15,21}$/.test(guild))) {
    process.stderr.write(
      'newsroom register-commands: --guild takes a numeric guild id, e.g. --guild 123456789012345678\n',
    );
    return 2;
  }
  await registerCommands({
    token: DISCORD_TOKEN,
    applicationId: DISCORD_APPLICATION_ID,
    apiUrl: DISCORD_API_URL,
    guildId: guild,
  });
  process.stdout.write(`Registered commands ${guild ? `in guild ${guild}` : 'globally'}.\n`);
  return 0;
}
