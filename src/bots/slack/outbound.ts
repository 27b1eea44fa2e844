import type { webApi } from '@slack/bolt';
import type { Reply } from '../../commands/reply.js';
import type { Logger } from '../../log.js';
import { type PostOptions, type PostResult, type PostTarget, WorkspaceAuthError } from '../adapter.js';
import { toTypedError } from './errors.js';
import { DELIVERY_EVENT_TYPE, SLACK_LIMITS } from './limits.js';
import type { PostPacer } from './pacing.js';
import { renderReply, type SlackMessage } from './render.js';

export interface Outbound {
  post(target: PostTarget, reply: Reply, options: PostOptions): Promise<PostResult>;
  findDelivery(target: PostTarget, deliveryId: string): Promise<'found' | 'absent' | 'unknown'>;
  notifyUser(workspaceId: string, userId: string, reply: Reply): Promise<void>;
}

/**
 * Public posting through the Web API client. Every chat.postMessage waits for the pacer, so posts
 * stay under Slack's limits instead of collecting 429s; retries and `Retry-After` remain the
 * client's job (retryConfig, rejectRateLimitedCalls: false). This layer also classifies failures.
 */
export function createOutbound(
  clients: { post: webApi.WebClient; read: webApi.WebClient },
  log: Logger,
  onAuthFailure: (e: WorkspaceAuthError) => void,
  pacer: PostPacer,
): Outbound {
  const fail = (error: unknown, workspaceId: string): never => {
    const typed = toTypedError(error, workspaceId);
    if (typed instanceof WorkspaceAuthError) onAuthFailure(typed);
    throw typed;
  };

  const send = async (
    channel: string,
    messages: SlackMessage[],
    workspaceId: string,
    deliveryId?: string,
  ) => {
    const ids: string[] = [];
    for (const [part, message] of messages.entries()) {
      try {
        const res = await pacer.schedule(channel, () =>
          clients.post.chat.postMessage({
            channel,
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            unfurl_media: false,
            ...(deliveryId && {
              metadata: {
                event_type: DELIVERY_EVENT_TYPE,
                event_payload: { delivery_id: deliveryId, part: part + 1, parts: messages.length },
              },
            }),
          }),
        );
        if (res.ts) ids.push(res.ts);
      } catch (error) {
        // A digest split in several messages stops at the first failure; the ledger retries the slot.
        log.warn(
          { channel, part: part + 1, parts: messages.length, err: describe(error) },
          'slack post failed',
        );
        fail(error, workspaceId);
      }
    }
    return ids;
  };

  return {
    async post(target, reply, options) {
      const messageIds = await send(
        target.channelId,
        renderReply(reply),
        target.workspaceId,
        options.deliveryId,
      );
      return { messageIds };
    },

    async findDelivery(target, deliveryId) {
      try {
        const res = await clients.read.conversations.history({
          channel: target.channelId,
          include_all_metadata: true,
          limit: SLACK_LIMITS.historyPageSize,
        });
        const found = (res.messages ?? []).some(
          (m) =>
            m.metadata?.event_type === DELIVERY_EVENT_TYPE &&
            (m.metadata.event_payload as { delivery_id?: unknown } | undefined)?.delivery_id === deliveryId,
        );
        return found ? 'found' : 'absent';
      } catch (error) {
        const typed = toTypedError(error, target.workspaceId);
        if (typed !== error) fail(error, target.workspaceId);
        log.warn({ channel: target.channelId, err: describe(error) }, 'slack history lookup failed');
        return 'unknown';
      }
    },

    async notifyUser(workspaceId, userId, reply) {
      // Posting to a user id makes Slack open (or reuse) the app's DM with that person.
      await send(userId, renderReply(reply), workspaceId);
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${(error as { code?: string }).code ?? error.name}: ${error.message}`;
  return String(error);
}
