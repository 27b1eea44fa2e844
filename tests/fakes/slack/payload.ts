/** Reading Slack payloads the way a person in Slack would see them. */

type Json = unknown;

/** Every string a user can read in a message payload (fallback, header, sections, context, buttons). */
export function visibleText(payload: Json): string {
  const parts: string[] = [];
  const walk = (node: Json, key?: string) => {
    if (typeof node === 'string') {
      if (key === 'text') parts.push(node);
      return;
    }
    if (Array.isArray(node)) for (const item of node) walk(item, key === 'text' ? undefined : key);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) if (k !== 'value' && k !== 'metadata') walk(v, k);
    }
  };
  walk(payload);
  return parts
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u200B/g, '');
}

/**
 * Mentions Slack could turn into notifications: `<!channel>`, `<!here>`, `<!everyone>`,
 * `<!subteam^…>`, `<@U…>`, and (strictly, whatever `link_names` says) bare `@channel`-style words.
 */
export function activeMentions(payload: Json): string[] {
  const raw = JSON.stringify(payload);
  const found = raw.match(/<!(channel|here|everyone|subteam\^[^>|]*)[^>]*>|<@[UW][A-Z0-9]*[^>]*>/g) ?? [];
  const bare = raw.match(/@(everyone|here|channel)\b/g) ?? [];
  const linkNames = /"link_names":\s*(true|1|"true"|"1")/.test(raw) ? ['link_names'] : [];
  return [...found, ...bare, ...linkNames];
}

/** Blocks of a payload, typed loosely for assertions. */
export type LooseBlock = { type: string; [key: string]: unknown };

export function blocksOf(payload: Json): LooseBlock[] {
  const blocks = (payload as { blocks?: unknown }).blocks;
  return Array.isArray(blocks) ? (blocks as LooseBlock[]) : [];
}

export function hasShareButton(payload: Json): boolean {
  return blocksOf(payload).some(
    (b) => b.type === 'actions' && JSON.stringify(b.elements).includes('"type":"button"'),
  );
}
