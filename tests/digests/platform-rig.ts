import type { Adapter } from '../../src/bots/adapter.js';
import { createDiscordAdapter } from '../../src/bots/discord/index.js';
import { createSlackAdapter } from '../../src/bots/slack/index.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { createMetrics, type Metrics } from '../../src/ops/metrics.js';
import { snowflake, startFakeDiscord } from '../fakes/discord/index.js';
import { startFakeSlack } from '../fakes/slack/server.js';
import {
  type FaultProxy,
  isDiscordPost,
  isSlackPost,
  type ProxiedRequest,
  startFaultProxy,
} from './fault-proxy.js';
import { staticKnowledge } from './worker/static-knowledge.js';

export type ChatPlatform = 'slack' | 'discord';
export const CHAT_PLATFORMS: ChatPlatform[] = ['slack', 'discord'];

export const SLACK_TOKEN = 'xoxb-111-222-digestfaults';
const SLACK_SECRET = 'fake-signing-secret-0123456789abcdef';

/**
 * A fake Slack or Discord with `channels` channels, reached through a fault proxy. `env` is what
 * a bot process needs to talk to it (tokens, API URL via the proxy); `delivered()` counts the
 * digest messages people would see, per delivery id (Slack: message metadata; Discord: nonce).
 */
export interface PlatformFake {
  platform: ChatPlatform;
  workspaceId: string;
  channels: string[];
  proxy: FaultProxy;
  env: Record<string, string>;
  isPost(r: ProxiedRequest): boolean;
  delivered(): Map<string, number>;
  /** The platform itself answers the next `times` posts with 5xx, or 429 with a short Retry-After. */
  failPosts(kind: '5xx' | '429', times: number): void;
  /** Resolves once at least `n` digest messages are visible. */
  waitForMessages(n: number): Promise<void>;
  close(): Promise<void>;
}

const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

export async function startPlatformFake(platform: ChatPlatform, channels: number): Promise<PlatformFake> {
  return platform === 'slack' ? slackFake(channels) : discordFake(channels);
}

async function slackFake(n: number): Promise<PlatformFake> {
  const fake = await startFakeSlack({ botToken: SLACK_TOKEN });
  const proxy = await startFaultProxy(fake.origin);
  const delivered = () => {
    const counts = new Map<string, number>();
    for (const p of fake.posts) {
      const id = p.metadata?.event_payload?.delivery_id;
      if (typeof id === 'string') counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };
  return {
    platform: 'slack',
    workspaceId: 'T01NEWS',
    channels: Array.from({ length: n }, (_, i) => `C${String(i).padStart(6, '0')}`),
    proxy,
    env: {
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_API_URL: `${proxy.origin}/api/`,
    },
    isPost: isSlackPost,
    delivered,
    failPosts(kind, times) {
      fake.fail('chat.postMessage', kind === '5xx' ? { status: 500 } : { status: 429, retryAfter: 0 }, {
        times,
      });
    },
    waitForMessages: (count) => fake.waitFor(() => total(delivered()) >= count),
    async close() {
      await proxy.close();
      await fake.close();
    },
  };
}

async function discordFake(n: number): Promise<PlatformFake> {
  const channels = Array.from({ length: n }, (_, i) => snowflake(100 + i));
  const guild = snowflake(10);
  const fake = await startFakeDiscord({
    guilds: [{ id: guild, name: 'newsroom', channels: channels.map((id) => ({ id })) }],
  });
  const proxy = await startFaultProxy(new URL(fake.restUrl).origin);
  const delivered = () => {
    const counts = new Map<string, number>();
    for (const id of channels)
      for (const m of fake.state.messagesIn(id))
        if (m.nonce) counts.set(m.nonce, (counts.get(m.nonce) ?? 0) + 1);
    return counts;
  };
  return {
    platform: 'discord',
    workspaceId: guild,
    channels,
    proxy,
    env: {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.state.applicationId,
      DISCORD_API_URL: `${proxy.origin}/api`,
    },
    isPost: isDiscordPost,
    delivered,
    failPosts(kind, times) {
      fake.inject({
        method: 'POST',
        route: '/channels/{channel_id}/messages',
        status: kind === '5xx' ? 502 : 429,
        ...(kind === '429' && { retryAfter: 0.05 }),
        times,
      });
    },
    async waitForMessages(count) {
      await fake.waitFor(() => (total(delivered()) >= count ? true : undefined), `${count} messages`, 60_000);
    },
    async close() {
      await proxy.close();
      await fake.close();
    },
  };
}

/** The real adapter for a fake, in this process, with short client timeouts and quick retries. */
export function adapterFor(fake: PlatformFake, metrics: Metrics = createMetrics()): Adapter {
  const loaded = loadConfig({ ...fake.env, PORT: '0', LOG_LEVEL: 'silent' });
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  const deps = {
    config: loaded.config,
    log: silentLogger(),
    services: { knowledge: staticKnowledge, defaultTimezone: 'UTC' },
    metrics,
    opsRoutes: [],
  };
  return fake.platform === 'slack'
    ? createSlackAdapter(deps, {
        host: '127.0.0.1',
        requestTimeoutMs: 250,
        retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 },
      })
    : createDiscordAdapter(deps, { restTimeoutMs: 250 });
}
