import type { APIEmbed } from 'discord.js';
import { truncateAtWord } from '../../text/truncate.js';
import { DISCORD_LIMITS as L } from './limits.js';

/** Characters Discord counts towards the 6,000 per-message embed total. */
export function embedSize(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Clamps one embed to every per-embed limit; never throws, never returns an empty field. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (embed.title !== undefined) out.title = truncateAtWord(embed.title, L.title);
  if (embed.description !== undefined) out.description = truncateAtWord(embed.description, L.description);
  if (embed.footer) out.footer = { ...embed.footer, text: truncateAtWord(embed.footer.text, L.footer) };
  if (embed.author) out.author = { ...embed.author, name: truncateAtWord(embed.author.name, L.authorName) };
  if (embed.fields) {
    out.fields = embed.fields.slice(0, L.fields).map((f) => ({
      ...f,
      name: truncateAtWord(f.name, L.fieldName) || '\u200B',
      value: truncateAtWord(f.value, L.fieldValue) || '\u200B',
    }));
  }
  // A single embed over the message total keeps its head; the renderer avoids this by budgeting.
  while (embedSize(out) > L.embedsTotal && out.fields?.length) out.fields = out.fields.slice(0, -1);
  if (embedSize(out) > L.embedsTotal && out.description) {
    const room = L.embedsTotal - (embedSize(out) - out.description.length);
    out.description = truncateAtWord(out.description, Math.max(room, 1));
  }
  return out;
}

/** Groups embeds into messages of at most 10 embeds and 6,000 characters, keeping their order. */
export function packEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let total = 0;
  for (const raw of embeds) {
    const embed = fitEmbed(raw);
    const size = embedSize(embed);
    if (current.length > 0 && (current.length >= L.embedsPerMessage || total + size > L.embedsTotal)) {
      messages.push(current);
      current = [];
      total = 0;
    }
    current.push(embed);
    total += size;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

/** Message content is plain text; clamp it like everything else. */
export function fitContent(text: string): string {
  return truncateAtWord(text, L.content);
}
