import { z } from 'zod';
import { MAX_COMMAND_TEXT } from '../../commands/dispatch.js';
import { SLACK_LIMITS } from './limits.js';

/**
 * What the "Share to channel" button carries: the command to run again, never a rendered answer.
 * Any instance can re-run it deterministically, and a forged value can only ask a command.
 */
export const shareRequestSchema = z.object({
  g: z.string().regex(/^[a-z0-9_-]{1,32}$/),
  t: z.string().max(MAX_COMMAND_TEXT),
});
export type ShareRequest = z.infer<typeof shareRequestSchema>;

/**
 * The button value, or undefined when it would not fit Slack's limit. The user's words stay
 * opaque, so no `<!channel>` appears anywhere in the payload, not even in data: percent-encoded
 * (`election%20ask%20…`), or as base64url JSON when that encoding is too long (text mostly outside
 * ASCII grows less that way). Percent-encoding comes first because the engine does it itself, where
 * base64 takes two trips into Node's C++: about 3 µs of every answer on Slack (`npm run bench`).
 */
export function encodeShare(group: string, text: string): string | undefined {
  const percent = encodeURIComponent(`${group} ${text}`);
  if (percent.length <= SLACK_LIMITS.buttonValue) return percent;
  const json = JSON.stringify({ g: group, t: text } satisfies ShareRequest);
  const value = Buffer.from(json, 'utf8').toString('base64url');
  return value.length <= SLACK_LIMITS.buttonValue ? value : undefined;
}

/** Either encoding: a percent-encoded value always holds the `%20` after the group; base64url never has `%`. */
export function decodeShare(value: string | undefined): ShareRequest | undefined {
  if (!value) return undefined;
  try {
    const parsed = shareRequestSchema.safeParse(value.includes('%') ? fromPercent(value) : fromBase64(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function fromPercent(value: string): unknown {
  const decoded = decodeURIComponent(value);
  const space = decoded.indexOf(' ');
  return space < 0 ? undefined : { g: decoded.slice(0, space), t: decoded.slice(space + 1) };
}

const fromBase64 = (value: string): unknown => JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
