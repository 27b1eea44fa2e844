import { type CommandRequest, runCommand } from '../src/commands/dispatch.js';
import type { Reply } from '../src/commands/reply.js';
import type { Knowledge } from '../src/knowledge/api.js';

/**
 * The baselines answer with constants of the same size and shape as our answers, computed once
 * before timing starts: the bytes on the wire match, so the ratio measures only the work our app
 * does per request (parsing, the knowledge lookup, rendering), not the size of a real answer.
 */
export async function precomputeReplies(
  knowledge: Knowledge,
  requests: { key: string; request: CommandRequest }[],
): Promise<Map<string, Reply>> {
  const replies = new Map<string, Reply>();
  for (const { key, request } of requests) {
    const result = await runCommand(request, {
      platform: 'console',
      workspaceId: 'bench',
      channelId: 'bench',
      userId: 'bench',
      now: new Date(),
      isAdmin: async () => false,
      checkChannel: async () => ({ ok: true }),
      services: { knowledge, defaultTimezone: 'UTC' },
    });
    replies.set(key, result.reply);
  }
  return replies;
}
