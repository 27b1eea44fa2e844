import type { webApi } from '@slack/bolt';
import type { Logger } from '../../log.js';
import { type Adapter, WorkspaceAuthError } from '../adapter.js';
import { toTypedError } from './errors.js';
import { DELIVERY_EVENT_TYPE, SLACK_LIMITS } from './limits.js';
import type { PostPacer } from './pacing.js';
import { renderReply, type SlackMessage } from './render.js';

/** The posting half of the Slack adapter, as the Adapter interface defines it. */
export type Outbound = Pick<Adapter, 'post' | 'findDelivery' | 'notifyUser'>;

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

    async findDelivery(target, deliveryId, options = {}) {
      // Slack's `oldest` is a message ts (seconds); the margin absorbs clock skew between us and Slack.
      const oldest = options.since
        ? ((options.since.getTime() - HISTORY_SEARCH.marginMs) / 1000).toFixed(6)
        : undefined;
      const parts = new Set<number>();
      let expected: number | undefined;
      let cursor: string | undefined;
      try {
        for (let page = 0; page < HISTORY_SEARCH.maxPages; page++) {
          const res = await clients.read.conversations.history({
            channel: target.channelId,
            include_all_metadata: true,
            limit: SLACK_LIMITS.historyPageSize,
            ...(oldest && { oldest }),
            ...(cursor && { cursor }),
          });
          for (const m of res.messages ?? []) {
            const part = deliveryPart(m.metadata, deliveryId);
            if (!part) continue;
            parts.add(part.part);
            expected = part.parts;
          }
          if (expected !== undefined && parts.size >= expected) return 'found';
          cursor = res.response_metadata?.next_cursor || undefined;
          // Every message since the first attempt was read: what is missing never landed.
          if (!cursor) return parts.size > 0 ? 'unknown' : 'absent';
        }
        log.warn(
          { channel: target.channelId, pages: HISTORY_SEARCH.maxPages },
          'slack history search stopped at its page bound',
        );
        return 'unknown';
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

/**
 * How far `findDelivery` looks: from a few minutes before the delivery's first attempt, at most
 * this many pages of `historyPageSize` (conversations.history is Tier 3, ~50 calls a minute).
 */
const HISTORY_SEARCH = { marginMs: 5 * 60_000, maxPages: 5 } as const;

/** Which part of which split digest a message is, from the metadata `send` attaches. */
function deliveryPart(
  metadata: { event_type?: string; event_payload?: unknown } | undefined,
  deliveryId: string,
): { part: number; parts: number } | undefined {
  if (metadata?.event_type !== DELIVERY_EVENT_TYPE) return undefined;
  const payload = metadata.event_payload as { delivery_id?: unknown; part?: unknown; parts?: unknown };
  if (payload?.delivery_id !== deliveryId) return undefined;
  // Messages from before parts were recorded were whole digests.
  const part = Number(payload.part ?? 1);
  const parts = Number(payload.parts ?? 1);
  return Number.isInteger(part) && Number.isInteger(parts) ? { part, parts } : undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${(error as { code?: string }).code ?? error.name}: ${error.message}`;
  return String(error);
}
