/**
 * Text shaping shared by every renderer. Platform limits differ, the rules do not:
 * cut at a word boundary with an ellipsis, never mid-word and never by throwing.
 */

/** Length in UTF-16 code units, which is how Slack and Discord count. */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const room = max - 1;
  let cut = text.slice(0, room);
  const lastSpace = cut.search(/\s\S*$/);
  // Only back up to a space when it keeps most of the text; a single huge token is cut hard.
  if (lastSpace > room * 0.6) cut = cut.slice(0, lastSpace);
  // Never leave half a surrogate pair behind.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Splits text into chunks of at most `max` characters, preferring paragraph, then line, then
 * word boundaries, so long digests become several messages instead of a truncated one.
 */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let at = window.lastIndexOf('\n\n');
    if (at < max * 0.5) at = window.lastIndexOf('\n');
    if (at < max * 0.5) at = window.search(/\s\S*$/);
    if (at <= 0) at = max;
    if (/[\uD800-\uDBFF]/.test(rest.charAt(at - 1))) at -= 1;
    chunks.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).replace(/^\s+/, '');
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}
