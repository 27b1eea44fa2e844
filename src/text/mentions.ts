/**
 * Neutralising mentions in text we did not write (questions, source quotes, channel names).
 * Renderers also send the platform's own "ping nobody" switches; this is the second lock.
 */

const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Whether the text holds a character a mention starts with: otherwise neutralising leaves it as is.
 * One search per character rather than a pattern: answers carry whole paragraphs of quotes, and a
 * single-character search runs through them several times faster.
 */
export function mayMention(text: string): boolean {
  return text.includes('@') || text.includes('<');
}

/** `@everyone`, `@here`, `@channel` and `<@…>`-style tokens lose their power but stay readable. */
export function neutralizeMentions(text: string): string {
  // Most text holds neither character: skip both passes (every reply runs through here).
  if (!mayMention(text)) return text;
  return text
    .replace(/@(everyone|here|channel)\b/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(@|#|!|@&)/g, `<${ZERO_WIDTH_SPACE}$1`);
}
