import { renderReply } from '../src/bots/discord/render.js';
import type { Knowledge } from '../src/knowledge/api.js';
import { type FakeGuildSpec, snowflake, startFakeDiscord } from '../tests/fakes/discord/index.js';
import { digestReply, type FanOutResult, fanOut, summarizeFanOut } from './fanout.js';
import { startOurDiscord } from './ours.js';

const GLOBAL_PER_SECOND = 50;
const BUCKET = { limit: 5, windowMs: 5_000 };

/** `channels` channels spread over guilds of 100, as many small newsrooms would be. */
function guilds(channels: number): FakeGuildSpec[] {
  const out: FakeGuildSpec[] = [];
  for (let c = 0; c < channels; c++) {
    const g = Math.floor(c / 100);
    if (!out[g]) out[g] = { id: snowflake(100_000 + g), name: `newsroom-${g}`, channels: [] };
    out[g].channels.push({ id: snowflake(200_000 + c), name: `news-${c}` });
  }
  return out;
}

/** A digest to every channel with the fake enforcing 50 requests/s global plus per-channel buckets. */
export async function benchDiscordFanOut(
  knowledge: Knowledge,
  channels: number,
  concurrency: number,
): Promise<FanOutResult> {
  const fake = await startFakeDiscord({
    guilds: guilds(channels),
    rateLimits: { globalPerSecond: GLOBAL_PER_SECOND, bucket: BUCKET },
  });
  const ours = await startOurDiscord(fake, knowledge, false);
  try {
    const reply = digestReply(knowledge);
    const parts = renderReply(reply).length;
    const targets = [...fake.state.guilds.values()].flatMap((g) =>
      g.channels.map((c) => ({ workspaceId: g.id, channelId: c.id })),
    );
    const timeoutMs = ((channels * parts) / GLOBAL_PER_SECOND) * 3_000 + 10_000;
    const { wallMs, failures } = await fanOut({
      adapter: ours.adapter,
      targets,
      reply,
      concurrency,
      timeoutMs,
    });
    let duplicates = 0;
    let missing = 0;
    let posts = 0;
    for (const t of targets) {
      const stored = fake.state.messagesIn(t.channelId);
      posts += stored.length;
      duplicates +=
        Math.max(0, stored.length - parts) + stored.length - new Set(stored.map((m) => m.nonce)).size;
      missing += Math.max(0, parts - stored.length);
    }
    return summarizeFanOut({
      channels,
      partsPerChannel: parts,
      posts,
      wallMs,
      postsPerSecond: GLOBAL_PER_SECOND,
      rateLimited: fake.stats.rateLimited,
      duplicates,
      missing,
      failures,
      limits: `${GLOBAL_PER_SECOND} req/s global; ${BUCKET.limit} per ${BUCKET.windowMs / 1000} s per channel`,
    });
  } finally {
    await ours.adapter.stop();
    await fake.close();
  }
}
