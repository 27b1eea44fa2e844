/**
 * Neutralising mentions in text we did not write (questions, source quotes, channel names).
 * Renderers also send the platform's own "ping nobody" switches; this is the second lock.
 */

const ZERO_WIDTH_SPACE = '\u200B';
const MENTION_START = /[@<]/;

/** `@everyone`, `@here`, `@channel` and `<@…>`-style tokens lose their power but stay readable. */
export function neutralizeMentions(text: string): string {
  // Most text holds neither character: skip both passes (every reply runs through here).
  if (!MENTION_START.test(text)) return text;
  return text
    .replace(/@(everyone|here|channel)\b/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(@|#|!|@&)/g, `<${ZERO_WIDTH_SPACE}$1`);
}
