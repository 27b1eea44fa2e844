import { type Client, type Interaction, PermissionFlagsBits } from 'discord.js';
import type { CommandContext } from '../../commands/types.js';
import type { AdapterDeps } from '../adapter.js';
import { checkDiscordChannel } from './channel-check.js';

/** Who asked and where, for the platform-neutral handlers. */
export function commandContext(client: Client, interaction: Interaction, deps: AdapterDeps): CommandContext {
  const { user } = interaction;
  return {
    platform: 'discord',
    // Direct messages have no guild; the user's own id keeps their data apart.
    workspaceId: interaction.guildId ?? `dm-${user.id}`,
    channelId: interaction.channelId ?? '',
    userId: user.id,
    userName: user.globalName ?? user.username,
    now: deps.clock?.() ?? new Date(),
    // The member's permissions as Discord computed them for this interaction, read every time:
    // default_member_permissions is only a default a server can override.
    isAdmin: async () => interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    checkChannel: (channelId) => checkDiscordChannel(client, interaction.guildId, channelId),
    services: deps.services,
  };
}
