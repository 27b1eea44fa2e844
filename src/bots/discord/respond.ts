import {
  type APIActionRowComponent,
  type APIButtonComponent,
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import type { Reply } from '../../commands/reply.js';
import { DISCORD_LIMITS } from './limits.js';
import { type DiscordMessage, renderReply } from './render.js';

/** custom_id of the Share button; the answer itself travels in the message it is attached to. */
export const SHARE_CUSTOM_ID = 'newsroom:share';

export function shareRow(): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: SHARE_CUSTOM_ID.slice(0, DISCORD_LIMITS.customId),
        label: 'Share to channel',
      },
    ],
  };
}

function payload(message: DiscordMessage, withShare: boolean) {
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds,
    allowedMentions: { parse: [] },
    components: withShare ? [shareRow()] : [],
  };
}

/**
 * Sends a reply only the asker sees: the interaction response (or the edit of a deferral),
 * then follow-ups when the reply needs several messages. Each shareable part carries the button.
 */
export async function replyPrivately(interaction: RepliableInteraction, reply: Reply): Promise<void> {
  const [first, ...rest] = renderReply(reply);
  if (!first) return;
  if (interaction.deferred) await interaction.editReply(payload(first, reply.shareable));
  else await interaction.reply({ ...payload(first, reply.shareable), flags: MessageFlags.Ephemeral });
  for (const message of rest) {
    await interaction.followUp({ ...payload(message, reply.shareable), flags: MessageFlags.Ephemeral });
  }
}

/** Posts messages publicly in the interaction's channel, as the response and its follow-ups. */
export async function replyPublicly(
  interaction: RepliableInteraction,
  messages: DiscordMessage[],
): Promise<void> {
  const [first, ...rest] = messages;
  if (!first) return;
  await interaction.reply(payload(first, false));
  for (const message of rest) await interaction.followUp(payload(message, false));
}
