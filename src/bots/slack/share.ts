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
 * The button value, or undefined when it would not fit Slack's limit. base64url keeps the user's
 * words opaque, so no `<!channel>` appears anywhere in the payload, not even in data.
 */
export function encodeShare(group: string, text: string): string | undefined {
  const json = JSON.stringify({ g: group, t: text } satisfies ShareRequest);
  const value = Buffer.from(json, 'utf8').toString('base64url');
  return value.length <= SLACK_LIMITS.buttonValue ? value : undefined;
}

export function decodeShare(value: string | undefined): ShareRequest | undefined {
  if (!value) return undefined;
  try {
    const parsed = shareRequestSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
