import type { Adapter, PostOptions, PostResult, PostTarget } from '../../src/bots/adapter.js';
import type { Reply } from '../../src/commands/reply.js';
import type { Platform } from '../../src/commands/types.js';

export interface RecordedPost {
  target: PostTarget;
  reply: Reply;
  deliveryId: string;
}

/**
 * In-memory adapter for the digest core: records posts and DMs; errors are injected per channel.
 * `findDelivery` answers from what it recorded, like Slack's metadata search, unless told it cannot.
 */
export class RecordingAdapter implements Adapter {
  readonly posts: RecordedPost[] = [];
  readonly notifications: Array<{ workspaceId: string; userId: string; reply: Reply }> = [];
  /** Errors thrown by the next posts to a channel, in order; a function throws on every post. */
  readonly failures = new Map<string, Array<Error> | (() => Error)>();
  lookup: 'records' | 'unknown' = 'records';
  /** As Discord's nonce window when set: reposting the same delivery id inside it is harmless. */
  idempotentRepostMs = 0;
  private ok = true;

  constructor(readonly platform: Platform = 'slack') {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async post(target: PostTarget, reply: Reply, options: PostOptions): Promise<PostResult> {
    const planned = this.failures.get(target.channelId);
    const error = typeof planned === 'function' ? planned() : planned?.shift();
    if (error) {
      if (error.name === 'WorkspaceAuthError') this.ok = false;
      throw error;
    }
    this.posts.push({ target, reply, deliveryId: options.deliveryId });
    return { messageIds: [`m${this.posts.length}`] };
  }

  async findDelivery(target: PostTarget, deliveryId: string): Promise<'found' | 'absent' | 'unknown'> {
    if (this.lookup === 'unknown') return 'unknown';
    const hit = this.posts.some(
      (p) => p.deliveryId === deliveryId && p.target.channelId === target.channelId,
    );
    return hit ? 'found' : 'absent';
  }

  async notifyUser(workspaceId: string, userId: string, reply: Reply): Promise<void> {
    this.notifications.push({ workspaceId, userId, reply });
  }

  healthy(): boolean {
    return this.ok;
  }

  postsTo(channelId: string): RecordedPost[] {
    return this.posts.filter((p) => p.target.channelId === channelId);
  }
}
