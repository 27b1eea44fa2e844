import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { COMMANDS } from '../../commands/registry.js';
import type { CommandGroup, OptionDef } from '../../commands/types.js';

export type DiscordCommandJson = RESTPutAPIApplicationCommandsJSONBody[number];

function optionJson(def: OptionDef): APIApplicationCommandBasicOption {
  const base = { name: def.name, description: def.description, required: def.required };
  switch (def.type) {
    case 'integer':
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer as const,
        ...(def.minValue !== undefined ? { min_value: def.minValue } : {}),
        autocomplete: def.autocomplete,
      };
    case 'channel':
      return {
        ...base,
        type: ApplicationCommandOptionType.Channel as const,
        channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const,
      };
    default:
      return {
        ...base,
        type: ApplicationCommandOptionType.String as const,
        ...(def.maxLength !== undefined ? { max_length: def.maxLength } : {}),
        // Discord forbids choices together with autocomplete.
        ...(def.choices
          ? { choices: def.choices.map((c) => ({ name: c, value: c })) }
          : { autocomplete: def.autocomplete }),
      };
  }
}

function groupJson(group: CommandGroup): DiscordCommandJson {
  return {
    type: ApplicationCommandType.ChatInput,
    name: group.name,
    description: group.description,
    // A string, as Discord documents it; only a default — admins are checked again at run time.
    default_member_permissions: group.access === 'admin' ? PermissionFlagsBits.ManageGuild.toString() : null,
    // Guild install only, so "private channel" (user-install) contexts do not apply.
    contexts: group.allowInDMs
      ? [InteractionContextType.Guild, InteractionContextType.BotDM]
      : [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    options: group.subcommands.map((sub) => ({
      type: ApplicationCommandOptionType.Subcommand,
      name: sub.name,
      description: sub.description,
      // Discord requires required options first; the definitions already list them so.
      options: sub.options.map(optionJson),
    })),
  };
}

/** The application commands, generated from the shared definitions (`newsroom commands --platform discord`). */
export function discordCommandsJson(): DiscordCommandJson[] {
  return COMMANDS.map(groupJson);
}
