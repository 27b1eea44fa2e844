import { MEMBER_PERMISSIONS, snowflake } from './snowflake.js';

/** What the fake Discord knows: the guilds the bot is in, and everything the bot sent. */
export interface FakeChannelSpec {
  id: string;
  name?: string;
  /** Permissions denied to the bot in this channel (an overwrite on the bot's member). */
  botDeny?: bigint;
  /** Discord channel type (0 text by default; 2 voice, 4 category, 11 public thread, 15 forum…). */
  type?: number;
  /** Threads: the channel they belong to. */
  parentId?: string;
}

/** Discord's thread channel types (announcement, public and private thread). */
export const THREAD_TYPES: ReadonlySet<number> = new Set([10, 11, 12]);

export interface FakeGuildSpec {
  id: string;
  name?: string;
  channels: FakeChannelSpec[];
  /** @everyone's permissions, which the bot also has (it has no other role). */
  everyonePermissions?: bigint;
}

export interface StoredMessage {
  id: string;
  channelId: string;
  nonce?: string;
  body: Record<string, unknown>;
}

export interface RecordedRequest {
  method: string;
  /** Path below the API version, e.g. `/channels/123/messages`. */
  path: string;
  /** OpenAPI path template, e.g. `/channels/{channel_id}/messages`. */
  route: string;
  query: URLSearchParams;
  body: unknown;
  status: number;
}

export interface InteractionLog {
  id: string;
  token: string;
  /** Callbacks (type 4, 5, 6, 7…) in arrival order. */
  callbacks: Array<{ type: number; data?: Record<string, unknown> }>;
  /** Edits of the original response (`PATCH …/messages/@original`). */
  edits: Record<string, unknown>[];
  followUps: Record<string, unknown>[];
}

export class FakeState {
  readonly applicationId = snowflake(1);
  readonly bot = { id: snowflake(2), username: 'newsroom', discriminator: '0', global_name: 'Newsroom' };
  readonly guilds = new Map<string, FakeGuildSpec>();
  readonly messages = new Map<string, StoredMessage[]>();
  readonly interactions = new Map<string, InteractionLog>();
  /** The same logs by token: callbacks and webhooks name an interaction by its token alone. */
  readonly interactionsByToken = new Map<string, InteractionLog>();
  readonly commands = new Map<string, unknown[]>();
  /** DM channel id → recipient user id. */
  readonly dmChannels = new Map<string, string>();
  readonly requests: RecordedRequest[] = [];
  private seq = 1000;

  constructor(guilds: FakeGuildSpec[]) {
    for (const g of guilds) this.guilds.set(g.id, g);
  }

  /** Drops everything recorded so far, so a benchmark of thousands of commands runs in flat memory. */
  forgetRecorded(): void {
    this.interactions.clear();
    this.interactionsByToken.clear();
    this.messages.clear();
    this.requests.length = 0;
  }

  nextId(): string {
    this.seq += 1;
    return snowflake(this.seq);
  }

  findChannel(id: string): { guild: FakeGuildSpec; channel: FakeChannelSpec } | undefined {
    for (const guild of this.guilds.values()) {
      const channel = guild.channels.find((c) => c.id === id);
      if (channel) return { guild, channel };
    }
    return undefined;
  }

  botPermissionsIn(channelId: string): bigint {
    const found = this.findChannel(channelId);
    if (!found) return 0n;
    const base = found.guild.everyonePermissions ?? MEMBER_PERMISSIONS;
    return base & ~(found.channel.botDeny ?? 0n);
  }

  messagesIn(channelId: string): StoredMessage[] {
    let list = this.messages.get(channelId);
    if (!list) {
      list = [];
      this.messages.set(channelId, list);
    }
    return list;
  }
}
