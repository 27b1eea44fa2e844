import {
  type APIActionRowComponent,
  type APIButtonComponent,
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import type { Reply } from '../../commands/reply.js';
import { type DiscordMessage, renderReply } from './render.js';

/**
 * custom_id of a Share button that reposts the message it sits on; used when the command is too
 * long to travel in the button (see share-request.ts for the usual, re-running kind).
 */
export const SHARE_CUSTOM_ID = 'newsroom:share';

export function shareRow(customId: string = SHARE_CUSTOM_ID): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: customId,
        label: 'Share to channel',
      },
    ],
  };
}

function payload(message: DiscordMessage, shareId?: string) {
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds,
    allowedMentions: { parse: [] },
    components: shareId ? [shareRow(shareId)] : [],
  };
}

/**
 * Sends messages as the interaction's answer: the response (or the edit of a deferred reply),
 * then follow-ups. After a deferred update (a button click) every message is a follow-up.
 */
export async function sendMessages(
  interaction: RepliableInteraction,
  messages: DiscordMessage[],
  options: { ephemeral: boolean; shareOn?: { part: number; customId: string } },
): Promise<void> {
  const flags = options.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
  for (const [part, message] of messages.entries()) {
    const body = payload(message, options.shareOn?.part === part ? options.shareOn.customId : undefined);
    const first = part === 0 && !interaction.replied;
    if (first && !interaction.deferred) await interaction.reply({ ...body, ...flags });
    // A deferred reply is edited; a deferred update (button) has no reply of ours to edit.
    else if (first && !interaction.isMessageComponent()) await interaction.editReply(body);
    else await interaction.followUp({ ...body, ...flags });
  }
}

/**
 * Sends a reply only the asker sees. A shareable reply carries one Share button: on its last
 * message when the button can re-run the command (sharing then posts every part), otherwise on
 * its first, which is then the part that gets shared.
 */
export async function replyPrivately(
  interaction: RepliableInteraction,
  reply: Reply,
  rerunId: string | undefined,
): Promise<void> {
  const messages = renderReply(reply);
  let shareOn: { part: number; customId: string } | undefined;
  if (reply.shareable && rerunId) shareOn = { part: messages.length - 1, customId: rerunId };
  else if (reply.shareable) shareOn = { part: 0, customId: SHARE_CUSTOM_ID };
  await sendMessages(interaction, messages, { ephemeral: true, shareOn });
}
