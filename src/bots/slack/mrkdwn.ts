import { mayMention, neutralizeMentions } from '../../text/mentions.js';
import { splitText, truncateAtWord } from '../../text/truncate.js';

/** Channel links notify nobody and the /digest replies name channels with them, so they stay links. */
const CHANNEL_LINK = /<#([CG][A-Z0-9]+)(?:\|([^<>|]*))?>/g;

/**
 * Text we did not write (questions, source quotes) goes into mrkdwn escaped: with `&`, `<` and
 * `>` encoded, `<!channel>` or `<@U…>` can never become a mention, and `@here` loses its power too.
 * Only well-formed channel links (`<#C123>`, `<#C123|news>`) survive as links.
 */
export function escapeMrkdwn(plain: string): string {
  if (!plain.includes('<#')) return escapeText(plain);
  let out = '';
  let last = 0;
  for (const m of plain.matchAll(CHANNEL_LINK)) {
    out += escapeText(plain.slice(last, m.index));
    out += m[2] ? `<#${m[1]}|${escapeText(m[2])}>` : `<#${m[1]}>`;
    last = m.index + m[0].length;
  }
  return out + escapeText(plain.slice(last));
}

/**
 * Whether escaping or neutralising changes the text (it holds & < > or @): text without any (most
 * of it) passes as it is.
 */
export function hasMarkup(text: string): boolean {
  return text.includes('&') || text.includes('>') || mayMention(text);
}

function escapeText(plain: string): string {
  if (!hasMarkup(plain)) return plain;
  return neutralizeMentions(plain.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** plain_text objects are not parsed for mentions; neutralising keeps even their source inert. */
export function safePlain(plain: string, max: number): string {
  // Short text with nothing to neutralise is its own answer: the usual title or label.
  if (plain.length <= max && !mayMention(plain)) return plain;
  return fitWith(plain, max, neutralizeMentions);
}

/** Escaped and cut at a word so that the *escaped* form fits `max`. */
export function fitMrkdwn(plain: string, max: number): string {
  if (plain.length <= max && !hasMarkup(plain)) return plain;
  return fitWith(plain, max, escapeMrkdwn);
}

/** Escaped chunks of at most `max` characters each, split at paragraph, line or word boundaries. */
export function splitMrkdwn(plain: string, max: number, size = max): string[] {
  if (plain.length <= size && plain.length <= max && !hasMarkup(plain)) return plain ? [plain] : [];
  const out: string[] = [];
  for (const chunk of splitText(plain, size)) {
    const escaped = escapeMrkdwn(chunk);
    if (escaped.length <= max) out.push(escaped);
    // Too small to split usefully (never the case for Slack's limits): cut instead of recursing.
    else if (size < 16) out.push(fitMrkdwn(chunk, max));
    // Escaping grew the chunk past the limit: split it again into proportionally smaller pieces.
    else out.push(...splitMrkdwn(chunk, max, Math.floor((chunk.length * max) / escaped.length)));
  }
  return out.filter((chunk) => chunk.length > 0);
}

/** Turns our own mrkdwn back into what a reader sees; used for the plain `text` fallback. */
export function unescapeMrkdwn(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function fitWith(plain: string, max: number, transform: (s: string) => string): string {
  let budget = max;
  for (;;) {
    const out = transform(truncateAtWord(plain, budget));
    if (out.length <= max || budget <= 1) return out.length <= max ? out : '';
    budget -= Math.max(1, out.length - max);
  }
}
