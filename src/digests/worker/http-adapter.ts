import type { Adapter, PostOptions, PostResult, PostTarget } from '../../bots/adapter.js';
import type { Reply } from '../../commands/reply.js';
import type { Platform } from '../../commands/types.js';

/**
 * A stand-in platform for multi-process tests: posts go as JSON to a local HTTP server, which
 * can also say whether a delivery id arrived (as Slack's metadata search does).
 */
export function createHttpTestAdapter(baseUrl: string, platform: Platform = 'slack'): Adapter {
  const call = async (path: string, body: unknown) => {
    const res = await fetch(new URL(path, baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`fake platform answered ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  };
  return {
    platform,
    async start() {},
    async stop() {},
    async post(target: PostTarget, reply: Reply, options: PostOptions): Promise<PostResult> {
      const body = await call('/post', { ...target, deliveryId: options.deliveryId, title: reply.title });
      return { messageIds: [String(body.messageId)] };
    },
    async findDelivery(target: PostTarget, deliveryId: string) {
      const body = await call('/find', { ...target, deliveryId });
      return body.found ? 'found' : 'absent';
    },
    async notifyUser(workspaceId: string, userId: string, reply: Reply) {
      await call('/notify', { workspaceId, userId, title: reply.title });
    },
    idempotentRepostMs: 0,
    healthy: () => true,
  };
}
