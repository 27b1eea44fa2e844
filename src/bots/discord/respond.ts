import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  type JSONEncodable,
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

interface Payload {
  content?: string;
  embeds: JSONEncodable<APIEmbed>[];
  allowedMentions: { parse: [] };
  components: JSONEncodable<APIActionRowComponent<APIButtonComponent>>[];
}

/**
 * Our embeds and rows are already the API's JSON: handed over as encodable, discord.js sends them
 * as they are instead of rewriting every key of every object to snake_case, as it does with plain
 * objects (a measurable part of answering a command). A class rather than an object with its own
 * arrow: one shared method instead of a function made, and compiled on first call, per message.
 */
class AsJson<T> implements JSONEncodable<T> {
  constructor(private readonly value: T) {}
  toJSON(): T {
    return this.value;
  }
}

const asJson = <T>(value: T): JSONEncodable<T> => new AsJson(value);

/** The body discord.js sends for one message (an edit takes it as it is). */
function payload(message: DiscordMessage, shareId: string | undefined): Payload {
  const body: Payload = {
    embeds: message.embeds.map(asJson),
    allowedMentions: { parse: [] },
    components: shareId ? [asJson(shareRow(shareId))] : [],
  };
  if (message.content) body.content = message.content;
  return body;
}

/** A reply or follow-up also says who sees it; an edit keeps what the first reply set. */
function replyPayload(
  message: DiscordMessage,
  shareId: string | undefined,
  ephemeral: boolean,
): Payload & { flags?: MessageFlags.Ephemeral } {
  const body: Payload & { flags?: MessageFlags.Ephemeral } = payload(message, shareId);
  if (ephemeral) body.flags = MessageFlags.Ephemeral;
  return body;
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
  for (let part = 0; part < messages.length; part++) {
    const message = messages[part] as DiscordMessage;
    const shareId = options.shareOn?.part === part ? options.shareOn.customId : undefined;
    const first = part === 0 && !interaction.replied;
    if (first && !interaction.deferred)
      await interaction.reply(replyPayload(message, shareId, options.ephemeral));
    // A deferred reply is edited; a deferred update (button) has no reply of ours to edit.
    else if (first && !interaction.isMessageComponent())
      await interaction.editReply(payload(message, shareId));
    else await interaction.followUp(replyPayload(message, shareId, options.ephemeral));
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
