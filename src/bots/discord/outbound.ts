import { type APIChannel, type APIMessage, type REST, Routes } from 'discord.js';
import type { Reply } from '../../commands/reply.js';
import { type PostResult, type PostTarget, WorkspaceAuthError } from '../adapter.js';
import { toPostError } from './errors.js';
import { deliveryNonce } from './nonce.js';
import { renderReply } from './render.js';

/**
 * Public posting through discord.js REST, whose queues handle per-route buckets, the global
 * limit and `retry_after`. Only 401 and the permanent codes stop a post; nothing is retried blindly.
 */
export class DiscordOutbound {
  private authRejected = false;

  /** A getter: the adapter replaces its client when a gateway login has to be retried. */
  constructor(private readonly rest: () => REST) {}

  healthy(): boolean {
    return !this.authRejected;
  }

  /** The gateway refused the token: REST would refuse it too, so stop before asking. */
  markAuthRejected(): void {
    this.authRejected = true;
  }

  /**
   * Every REST call goes through here: after a 401 every request would fail the same way and
   * count towards Discord's IP ban, so none is made; errors become the typed ones digests act on.
   */
  private async call<T>(workspaceId: string, request: (rest: REST) => Promise<unknown>): Promise<T> {
    if (this.authRejected) throw new WorkspaceAuthError('401', workspaceId);
    try {
      return (await request(this.rest())) as T;
    } catch (error) {
      const mapped = toPostError(error, workspaceId);
      if (mapped instanceof WorkspaceAuthError) this.authRejected = true;
      throw mapped;
    }
  }

  private send(workspaceId: string, channelId: string, body: object): Promise<APIMessage> {
    return this.call(workspaceId, (rest) => rest.post(Routes.channelMessages(channelId), { body }));
  }

  /** Each message carries a nonce derived from the delivery, enforced, so a repeat is stored once. */
  async post(target: PostTarget, reply: Reply, deliveryId: string): Promise<PostResult> {
    const messageIds: string[] = [];
    for (const [part, message] of renderReply(reply).entries()) {
      const body = { ...message, nonce: deliveryNonce(deliveryId, part), enforce_nonce: true };
      messageIds.push((await this.send(target.workspaceId, target.channelId, body)).id);
    }
    return { messageIds };
  }

  async notifyUser(workspaceId: string, userId: string, reply: Reply): Promise<void> {
    const dm = await this.call<APIChannel>(workspaceId, (rest) =>
      rest.post(Routes.userChannels(), { body: { recipient_id: userId } }),
    );
    for (const message of renderReply(reply)) await this.send(workspaceId, dm.id, message);
  }
}
