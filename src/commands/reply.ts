/**
 * The platform-neutral message every handler returns. Adapters render it into Block Kit,
 * Discord embeds or plain text; handlers never know which.
 */
import type { Citation } from '../knowledge/api.js';

export type { Citation };

export interface ReplySection {
  heading?: string;
  text: string;
  citations?: Citation[];
}

export type ReplyTone = 'answer' | 'usage' | 'refusal' | 'error' | 'digest' | 'notice';

export interface Reply {
  title: string;
  sections: ReplySection[];
  footer?: string;
  tone: ReplyTone;
  /** Whether adapters offer a "Share to channel" button under it. */
  shareable: boolean;
}

export function notice(title: string, text: string, tone: ReplyTone = 'notice'): Reply {
  return { title, sections: [{ text }], tone, shareable: false };
}

/** Plain-text form of a reply: what the console prints, and a readable summary for logs and tests. */
export function replyToPlainText(reply: Reply): string {
  const lines: string[] = [reply.title];
  for (const section of reply.sections) {
    lines.push('');
    if (section.heading) lines.push(section.heading);
    lines.push(section.text);
    for (const c of section.citations ?? []) {
      lines.push(`  > "${c.quote}"${c.attribution ? ` (${c.attribution})` : ''}`);
    }
  }
  if (reply.footer) lines.push('', reply.footer);
  return lines.join('\n');
}
