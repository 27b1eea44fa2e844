/**
 * Neutralising mentions in text we did not write (questions, source quotes, channel names).
 * Renderers also send the platform's own "ping nobody" switches; this is the second lock.
 */

const ZERO_WIDTH_SPACE = '\u200B';

/** `@everyone`, `@here`, `@channel` and `<@…>`-style tokens lose their power but stay readable. */
export function neutralizeMentions(text: string): string {
  return text
    .replace(/@(everyone|here|channel)\b/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(@|#|!|@&)/g, `<${ZERO_WIDTH_SPACE}$1`);
}
