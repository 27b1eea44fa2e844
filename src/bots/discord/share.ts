import type { APIEmbed, ButtonInteraction } from 'discord.js';
import { neutralizeMentions } from '../../text/mentions.js';
import { truncateAtWord } from '../../text/truncate.js';
import { packEmbeds } from './embeds.js';
import { DISCORD_LIMITS } from './limits.js';
import { replyPublicly } from './respond.js';

/**
 * "Share to channel": reposts the embeds of the private message the click came from, publicly,
 * marked with who shared it. Nothing is re-run, so what the channel sees is what the user saw.
 */
export async function shareAnswer(interaction: ButtonInteraction): Promise<void> {
  const name = interaction.user.globalName ?? interaction.user.username;
  const sharedBy = truncateAtWord(`Shared by ${neutralizeMentions(name)}`, DISCORD_LIMITS.authorName);
  const embeds: APIEmbed[] = interaction.message.embeds.map((e) => e.toJSON());
  if (embeds.length === 0) {
    await interaction.reply({
      content: 'There is nothing to share in that message.',
      flags: 64,
      allowedMentions: { parse: [] },
    });
    return;
  }
  const [head, ...tail] = embeds;
  const marked = [{ ...head, author: { name: sharedBy } }, ...tail];
  // The author line adds characters, so re-pack: a full message may become two.
  const messages = packEmbeds(marked).map((group) => ({
    embeds: group,
    allowed_mentions: { parse: [] as [] },
  }));
  await replyPublicly(interaction, messages);
}
