import type { APIEmbed, ButtonInteraction, Client } from 'discord.js';
import { neutralizeMentions } from '../../text/mentions.js';
import { truncateAtWord } from '../../text/truncate.js';
import type { AdapterDeps } from '../adapter.js';
import { runObserved } from '../run-observed.js';
import { commandContext } from './context.js';
import { withDeferral } from './defer.js';
import { packEmbeds } from './embeds.js';
import { DISCORD_LIMITS } from './limits.js';
import { type DiscordMessage, renderReply, renderText } from './render.js';
import { sendMessages } from './respond.js';
import { decodeShareRequest } from './share-request.js';

/** The sharer's display name, as text: it never becomes a mention, wherever it is shown. */
const sharerName = (interaction: ButtonInteraction) =>
  interaction.user.globalName ?? interaction.user.username;

const privately = (interaction: ButtonInteraction, text: string) =>
  sendMessages(interaction, [renderText(text)], { ephemeral: true });

/**
 * "Share to channel" on an answer whose command the button carries: the command runs again for
 * the person who clicked, with their permissions, and every part of the answer is posted publicly,
 * marked with who shared it. Nothing rendered on the client is trusted.
 */
export async function rerunAndShare(
  client: Client,
  interaction: ButtonInteraction,
  deps: AdapterDeps,
  deferAfterMs: number,
): Promise<void> {
  const request = decodeShareRequest(interaction.customId);
  if (!request) return privately(interaction, 'That answer can no longer be shared. Run the command again.');
  const result = await withDeferral(
    runObserved(deps, request, commandContext(client, interaction, deps)),
    deferAfterMs,
    () => interaction.deferUpdate(),
  );
  if (result.outcome !== 'ok' || !result.reply.shareable) {
    return privately(interaction, 'That answer cannot be shared.');
  }
  const messages = renderReply(result.reply, { sharedBy: sharerName(interaction) });
  await sendMessages(interaction, messages, { ephemeral: false });
}

/**
 * "Share to channel" on an answer too long to carry its command (a long question): reposts the
 * embeds of the private message the click came from, which Discord itself hands us.
 */
export async function shareAnswer(interaction: ButtonInteraction): Promise<void> {
  const sharedBy = truncateAtWord(
    `Shared by ${neutralizeMentions(sharerName(interaction))}`,
    DISCORD_LIMITS.authorName,
  );
  const embeds: APIEmbed[] = interaction.message.embeds.map((e) => e.toJSON());
  const [head, ...tail] = embeds;
  if (!head) return privately(interaction, 'There is nothing to share in that message.');
  // The author line adds characters, so re-pack: a full message may become two.
  const messages: DiscordMessage[] = packEmbeds([{ ...head, author: { name: sharedBy } }, ...tail]).map(
    (group) => ({ embeds: group, allowed_mentions: { parse: [] } }),
  );
  await sendMessages(interaction, messages, { ephemeral: false });
}
