/** Reading fake-recorded payloads the way a Discord user would see them. */
type Payload = Record<string, unknown>;
/** A payload the fake recorded, or a message the renderer produced: the same JSON shape. */
type Message = { content?: unknown; embeds?: unknown };
interface EmbedJson {
  title?: string;
  description?: string;
  author?: { name: string };
  footer?: { text: string };
  fields?: Array<{ name: string; value: string }>;
}

export function embedsOf(payload: Message): EmbedJson[] {
  return (payload.embeds as EmbedJson[] | undefined) ?? [];
}

export function seenText(payloads: readonly Message[]): string {
  return payloads
    .flatMap((p) => [
      typeof p.content === 'string' ? p.content : '',
      ...embedsOf(p).flatMap((e) => [
        e.author?.name,
        e.title,
        e.description,
        ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
        e.footer?.text,
      ]),
    ])
    .filter(Boolean)
    .join('\n');
}

export const isPrivate = (p: Payload) => ((Number(p.flags) || 0) & 64) === 64;

export function hasShareButton(p: Payload): boolean {
  const rows = (p.components as Array<{ components: Array<{ custom_id?: string; label?: string }> }>) ?? [];
  return rows.some((r) => r.components.some((c) => /share/i.test(c.label ?? '')));
}

export function shareCustomId(p: Payload): string | undefined {
  const rows = (p.components as Array<{ components: Array<{ custom_id?: string }> }>) ?? [];
  return rows.flatMap((r) => r.components).find((c) => c.custom_id)?.custom_id;
}

/** Would Discord notify anyone? Only if allowed_mentions is missing or lets something through. */
export function wouldPing(p: Payload): boolean {
  const am = p.allowed_mentions as { parse?: string[]; users?: string[]; roles?: string[] } | undefined;
  if (!am) return /@everyone|@here|<@[!&]?\d+>/.test(JSON.stringify(p));
  return (am.parse?.length ?? 0) > 0 || (am.users?.length ?? 0) > 0 || (am.roles?.length ?? 0) > 0;
}
