import type { CommandRequest } from '../../commands/dispatch.js';

/**
 * A terminal line becomes the same request a Slack slash command would: `/election balloon`.
 * Plain text without a slash is a question, so a newcomer can just type one.
 */
export function parseConsoleLine(line: string): CommandRequest | null {
  const text = line.trim();
  if (text === '') return null;
  const match = /^\/(\S+)\s*(.*)$/s.exec(text);
  if (!match) return { group: 'election', text: `ask ${text}` };
  return { group: match[1] ?? '', text: match[2] ?? '' };
}
