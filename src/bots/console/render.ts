import { type Reply, replyToPlainText } from '../../commands/reply.js';

/**
 * The terminal shows everything: no length limits, no mentions to defuse. Channel references
 * (`<#id>`, the form both chat platforms use) read as `#id`.
 */
export function renderForConsole(reply: Reply): string {
  return `${replyToPlainText(reply).replace(/<#([^>|]+)(?:\|[^>]*)?>/g, '#$1')}\n`;
}
