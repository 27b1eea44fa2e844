import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Reply, ReplySection, ReplyTone } from '../../commands/reply.js';
import { mayMention, neutralizeMentions } from '../../text/mentions.js';
import { splitText, truncateAtWord } from '../../text/truncate.js';
import { embedSize, fitContent, packEmbeds } from './embeds.js';
import { DISCORD_LIMITS as L } from './limits.js';

/** A message body as the REST API takes it; components and flags are added by the caller. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  allowed_mentions: { parse: [] };
}

const COLORS: Record<ReplyTone, number> = {
  answer: 0x2b6cb0,
  digest: 0x2f855a,
  notice: 0x718096,
  usage: 0x718096,
  refusal: 0xc05621,
  error: 0xc53030,
};

export interface RenderOptions {
  /** "Shared by <name>", shown as the embed author of a reposted answer. */
  sharedBy?: string;
}

/**
 * The shared neutraliser, minus channel links: `<#id>` never notifies anyone on Discord and
 * the digest replies use it to name channels.
 */
function safe(text: string): string {
  const neutral = neutralizeMentions(text);
  if (!neutral.includes('<')) return neutral;
  return neutral.replace(/<\u200B#(\d+)>/g, '<#$1>');
}

type Unit = { kind: 'text'; text: string } | { kind: 'field'; field: APIEmbedField };

/** A section's text and its quotes, as written (not yet neutralised). */
function sectionText(section: ReplySection): string {
  let text = section.text;
  for (const c of section.citations ?? []) {
    const quote = `> “${c.quote}”${c.attribution ? ` (${c.attribution})` : ''} — ${c.source}`;
    text = text ? `${text}\n${quote}` : quote;
  }
  return text;
}

function sectionBody(section: ReplySection): string {
  return safe(sectionText(section));
}

/** Short headed sections read best as fields; long ones as description paragraphs. */
function units(reply: Reply, budget: number): Unit[] {
  const out: Unit[] = [];
  for (const section of reply.sections) {
    const body = sectionBody(section);
    const heading = section.heading ? safe(section.heading) : undefined;
    if (heading && heading.length <= L.fieldName && body.length > 0 && body.length <= L.fieldValue) {
      out.push({ kind: 'field', field: { name: heading, value: body } });
      continue;
    }
    const text = heading ? `**${heading}**\n${body}` : body;
    for (const chunk of splitText(text, Math.min(L.description, budget)))
      out.push({ kind: 'text', text: chunk });
  }
  return out;
}

/**
 * Renders a neutral reply as one or more messages of embeds, each within every Discord limit,
 * pinging nobody. Long replies become several messages rather than being cut.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): DiscordMessage[] {
  return renderPlain(reply, options) ?? renderEmbeds(reply, options);
}

/**
 * The usual reply (an answer: a title, one section and its quotes) as the one embed the general
 * path makes of it, built directly: it runs once per question with the caches cold, where each
 * step of the general path costs. Tests check it against `renderEmbeds` on every answer shape.
 * Undefined when anything needs neutralising, cutting or splitting: the general path does that.
 */
export function renderPlain(reply: Reply, options: RenderOptions): DiscordMessage[] | undefined {
  const section = reply.sections[0];
  if (options.sharedBy || reply.footer || reply.sections.length !== 1 || !section || section.heading)
    return undefined;
  const title = reply.title || 'Newsroom';
  const body = sectionText(section);
  const room = Math.min(L.description, L.embedsTotal - title.length);
  if (body === '' || title.length > L.title || body.length > room || mayMention(title) || mayMention(body))
    return undefined;
  return [
    { embeds: [{ color: COLORS[reply.tone], description: body, title }], allowed_mentions: { parse: [] } },
  ];
}

/** Any reply: embeds neutralised, cut and split to Discord's limits. */
export function renderEmbeds(reply: Reply, options: RenderOptions = {}): DiscordMessage[] {
  const title = truncateAtWord(safe(reply.title || 'Newsroom'), L.title);
  const footer = reply.footer ? truncateAtWord(safe(reply.footer), L.footer) : undefined;
  const author = options.sharedBy
    ? truncateAtWord(`Shared by ${safe(options.sharedBy)}`, L.authorName)
    : undefined;
  // Every embed leaves room for the title, footer and author, so packing never has to cut text.
  const budget = L.embedsTotal - title.length - (footer?.length ?? 0) - (author?.length ?? 0);
  const color = COLORS[reply.tone];

  const embeds: APIEmbed[] = [];
  let current: APIEmbed = { color };
  const fits = (e: APIEmbed) =>
    embedSize(e) <= budget &&
    (e.description?.length ?? 0) <= L.description &&
    (e.fields?.length ?? 0) <= L.fields;
  const flush = () => {
    if (current.description || current.fields?.length) embeds.push(current);
    current = { color };
  };
  for (const unit of units(reply, budget)) {
    if (unit.kind === 'text') {
      // Description renders above fields, so text after fields starts a new embed to keep order.
      if (current.fields?.length) flush();
      const joined = {
        ...current,
        description: current.description ? `${current.description}\n\n${unit.text}` : unit.text,
      };
      if (fits(joined)) current = joined;
      else {
        flush();
        current = { ...current, description: unit.text };
      }
    } else {
      const added = { ...current, fields: [...(current.fields ?? []), unit.field] };
      if (fits(added)) current = added;
      else {
        flush();
        current = { ...current, fields: [unit.field] };
      }
    }
  }
  flush();
  if (embeds.length === 0) embeds.push({ color });

  const first = embeds[0] as APIEmbed;
  first.title = title;
  if (author) first.author = { name: author };
  if (footer) (embeds.at(-1) as APIEmbed).footer = { text: footer };

  return packEmbeds(embeds).map((group) => ({ embeds: group, allowed_mentions: { parse: [] } }));
}

/** A plain-text message (e.g. a short notice) within the content limit, pinging nobody. */
export function renderText(text: string): DiscordMessage {
  return { content: fitContent(safe(text)), embeds: [], allowed_mentions: { parse: [] } };
}
