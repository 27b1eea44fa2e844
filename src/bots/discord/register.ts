import { REST, Routes } from 'discord.js';
import { type DiscordCommandJson, discordCommandsJson } from './commands-json.js';

export interface RegisterOptions {
  token: string;
  applicationId: string;
  /** REST base URL (`DISCORD_API_URL`); discord.js appends `/v10`. */
  apiUrl?: string;
  /** Guild-scoped registration (instant, for development); global otherwise. */
  guildId?: string;
}

export interface RegisterResult {
  scope: 'guild' | 'global';
  names: string[];
}

/**
 * Bulk overwrite of the application commands: the full list replaces whatever was there, so
 * running it twice leaves the same set (idempotent), and removed commands disappear.
 */
export async function registerCommands(options: RegisterOptions): Promise<RegisterResult> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const saved = (await rest.put(route, { body: discordCommandsJson() })) as DiscordCommandJson[];
  return { scope: options.guildId ? 'guild' : 'global', names: saved.map((c) => c.name) };
}
