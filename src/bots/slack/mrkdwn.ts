import { neutralizeMentions } from '../../text/mentions.js';
import { splitText, truncateAtWord } from '../../text/truncate.js';

/**
 * Text we did not write (questions, source quotes) goes into mrkdwn escaped: with `&`, `<` and
 * `>` encoded, `<!channel>` or `<@U…>` can never become a mention, and `@here` loses its power too.
 */
export function escapeMrkdwn(plain: string): string {
  return neutralizeMentions(plain.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** plain_text objects are not parsed for mentions; neutralising keeps even their source inert. */
export function safePlain(plain: string, max: number): string {
  return fitWith(plain, max, neutralizeMentions);
}

/** Escaped and cut at a word so that the *escaped* form fits `max`. */
export function fitMrkdwn(plain: string, max: number): string {
  return fitWith(plain, max, escapeMrkdwn);
}

/** Escaped chunks of at most `max` characters each, split at paragraph, line or word boundaries. */
export function splitMrkdwn(plain: string, max: number): string[] {
  const out: string[] = [];
  for (const chunk of splitText(plain, max)) {
    const escaped = escapeMrkdwn(chunk);
    if (escaped.length <= max) out.push(escaped);
    // Too small to split usefully (never the case for Slack's limits): cut instead of recursing.
    else if (max < 16) out.push(fitMrkdwn(chunk, max));
    // Escaping grew the chunk past the limit: split it again, proportionally smaller.
    else out.push(...splitMrkdwn(chunk, Math.max(1, Math.floor((max * chunk.length) / escaped.length))));
  }
  return out;
}

/** Turns our own mrkdwn back into what a reader sees; used for the plain `text` fallback. */
export function unescapeMrkdwn(text: string): string {
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
