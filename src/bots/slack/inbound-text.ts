/**
 * Slack's slash-command text, with `should_escape: true`, arrives with mentions and links as
 * `<…>` tokens and literal `&`, `<`, `>` encoded. Handlers get plain words; channel references
 * stay as `<#C…|name>` because the /digest grammar reads them (commands.md).
 */
export function fromSlackText(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  return text
    .replace(/<([^<>]*)>/g, (token, inner: string) => {
      if (inner.startsWith('#')) return token;
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return `@${label || target.slice(1)}`;
      if (target.startsWith('!subteam^')) return label || '@group';
      if (target.startsWith('!date^')) return label ?? '';
      if (target.startsWith('!')) return `@${target.slice(1)}`;
      return label || target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
