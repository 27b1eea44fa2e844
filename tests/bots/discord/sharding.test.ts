import { afterEach, describe, expect, it } from 'vitest';
import { shardOf } from '../../fakes/discord/index.js';
import { isPrivate, seenText } from './seen.js';
import { type DiscordWorld, startDiscordWorld } from './world.js';

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function answerOnEveryGuild(w: DiscordWorld) {
  for (const guild of w.fake.state.guilds.values()) {
    const handle = w.fake.slashCommand({
      guildId: guild.id,
      channelId: guild.channels[0]?.id ?? '',
      group: 'election',
      subcommand: 'balloon',
    });
    const first = await handle.firstReply();
    expect(handle.shard).toBe(shardOf(guild.id, 2));
    expect(isPrivate(first)).toBe(true);
    expect(seenText([first])).toContain('surveillance balloon');
  }
}

describe('sharding', () => {
  it('DISCORD_SHARDS=2 identifies two shards; each gets its own guilds and answers their interactions once', async () => {
    world = await startDiscordWorld({ shards: '2' });
    const w = world;
    expect([...w.fake.gateway.identifies].sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const guildShards = [...w.fake.state.guilds.keys()].map((id) => shardOf(id, 2)).sort();
    expect(guildShards).toEqual([0, 1]);
    await answerOnEveryGuild(w);
    // One callback request per interaction: no shard answered another shard's interaction too.
    const callbacks = w.fake.state.requests.filter((r) => r.route.endsWith('/callback'));
    expect(callbacks.map((r) => r.status)).toEqual([204, 204]);
    for (const log of w.fake.state.interactions.values()) expect(log.callbacks).toHaveLength(1);
  });

  it('DISCORD_SHARDS=auto follows the shard count Discord recommends', async () => {
    world = await startDiscordWorld({ shards: 'auto', fake: { shards: 2 } });
    expect(world.fake.gateway.connectedShards).toEqual([0, 1]);
    await answerOnEveryGuild(world);
  });

  it('keeps the gateway alive with heartbeats the fake acknowledges', async () => {
    world = await startDiscordWorld({ fake: { heartbeatIntervalMs: 100 } });
    const w = world;
    await w.fake.waitFor(() => (w.fake.gateway.heartbeats >= 2 ? true : undefined), 'two heartbeats');
    expect(w.adapter.healthy()).toBe(true);
  });
});
