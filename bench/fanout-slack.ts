import { renderReply } from '../src/bots/slack/render.js';
import type { Knowledge } from '../src/knowledge/api.js';
import { startFakeSlack } from '../tests/fakes/slack/server.js';
import { digestReply, type FanOutResult, fanOut, summarizeFanOut } from './fanout.js';
import { SLACK_BOT_TOKEN, startOurSlack } from './ours.js';

const TEAM = 'T01NEWS';

export interface SlackFanOutOptions {
  channels: number;
  concurrency: number;
  /** Workspace-wide chat.postMessage per second the fake enforces (and the adapter is told). */
  workspacePerSecond: number;
}

/** A digest to every channel of one workspace; the fake enforces 1/s per channel plus a workspace cap. */
export async function benchSlackFanOut(knowledge: Knowledge, o: SlackFanOutOptions): Promise<FanOutResult> {
  const fake = await startFakeSlack({
    teamId: TEAM,
    botToken: SLACK_BOT_TOKEN,
    rateLimit: { perChannel: 1, workspace: o.workspacePerSecond, windowMs: 1_000, retryAfterSeconds: 1 },
  });
  const ours = await startOurSlack(fake.apiUrl, knowledge, {
    pacing: {
      channelBurst: 1,
      channelWindowMs: 1_000,
      workspacePosts: o.workspacePerSecond,
      workspaceWindowMs: 1_000,
    },
  });
  try {
    const reply = digestReply(knowledge);
    const parts = renderReply(reply).length;
    const targets = Array.from({ length: o.channels }, (_, i) => ({
      workspaceId: TEAM,
      channelId: `C${String(i).padStart(6, '0')}`,
    }));
    const timeoutMs = ((o.channels * parts) / o.workspacePerSecond) * 3_000 + 10_000;
    const { wallMs, failures } = await fanOut({
      adapter: ours.adapter,
      targets,
      reply,
      concurrency: o.concurrency,
      timeoutMs,
    });
    const seen = new Map<string, number>();
    for (const post of fake.posts) {
      const payload = post.metadata?.event_payload ?? {};
      const key = `${post.channel}|${String(payload.delivery_id)}|${String(payload.part)}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const duplicates = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
    return summarizeFanOut({
      channels: o.channels,
      partsPerChannel: parts,
      posts: fake.stats.posts,
      wallMs,
      postsPerSecond: o.workspacePerSecond,
      rateLimited: fake.stats.rateLimited,
      duplicates,
      missing: Math.max(0, o.channels * parts - seen.size),
      failures,
      limits: `1 msg/s per channel; ${o.workspacePerSecond} msg/s workspace-wide`,
    });
  } finally {
    await ours.adapter.stop();
    await fake.close();
  }
}
