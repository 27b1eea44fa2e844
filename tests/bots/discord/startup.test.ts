import { afterEach, describe, expect, it } from 'vitest';
import { specTestMode } from '../../helpers/discord-openapi.js';
import { recordingLogger } from './log-lines.js';
import { type DiscordWorld, startDiscordWorld, type WorldOptions } from './world.js';

const GATEWAY_BOT = '/gateway/bot';
// Quick back-off and a short readiness limit, so failure paths stay fast.
const FAST = { loginRetries: 2, loginRetryMinMs: 5, readyTimeoutMs: 10_000 };

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function unstarted(options: WorldOptions = {}) {
  const recorded = recordingLogger();
  world = await startDiscordWorld({ connect: false, adapter: FAST, log: recorded.log, ...options });
  return { w: world, ...recorded };
}

const gatewayCalls = (w: DiscordWorld) =>
  w.fake.state.requests.filter((r) => r.route === GATEWAY_BOT).map((r) => r.status);

describe('start-up with a rejected token', () => {
  it('fails at once, never retries the 401, reports unhealthy and says which setting to fix', async () => {
    const { w, lines } = await unstarted();
    w.fake.revokeToken();
    await expect(w.adapter.start()).rejects.toThrow(/rejected the bot token/);
    expect(w.adapter.healthy()).toBe(false);
    expect(gatewayCalls(w)).toEqual([401]);
    expect(lines().some((l) => l.level === 50 && /DISCORD_TOKEN/.test(l.msg ?? ''))).toBe(true);
  });

  it('treats the gateway closing with 4004 (authentication failed) as a rejected token too', async () => {
    const { w } = await unstarted();
    w.fake.gateway.rejectIdentify = true;
    await expect(w.adapter.start()).rejects.toThrow(/rejected the bot token/);
    expect(w.adapter.healthy()).toBe(false);
    expect(w.fake.state.requests.filter((r) => r.route === GATEWAY_BOT)).toHaveLength(1);
  });
});

describe('start-up when Discord fails for other reasons', () => {
  it('retries a failed login with a fresh client and connects, staying healthy', async () => {
    const { w, lines } = await unstarted();
    // discord.js retries a 5xx three times itself; four failures make its whole login fail once.
    w.fake.inject({ method: 'GET', route: GATEWAY_BOT, status: 500, times: 4 });
    await w.adapter.start();
    expect(w.adapter.healthy()).toBe(true);
    expect(gatewayCalls(w)).toEqual([500, 500, 500, 500, 200]);
    expect(lines().filter((l) => l.msg === 'discord login failed; retrying')).toHaveLength(1);
    const answer = await w.fake
      .slashCommand({
        guildId: [...w.fake.state.guilds.keys()][0] ?? '',
        channelId: [...w.fake.state.guilds.values()][0]?.channels[0]?.id ?? '',
        group: 'election',
        subcommand: 'balloon',
      })
      .firstReply();
    expect(JSON.stringify(answer)).toContain('surveillance balloon');
  });

  it('gives up after the bounded retries with a clear error and stays "healthy" (not a credentials problem)', async () => {
    const { w } = await unstarted();
    w.fake.inject({ method: 'GET', route: GATEWAY_BOT, status: 500, times: 1_000 });
    await expect(w.adapter.start()).rejects.toThrow(/Discord gateway login failed after 3 attempt\(s\)/);
    // main.ts rethrows start-up failures of healthy adapters: the process exits non-zero.
    expect(w.adapter.healthy()).toBe(true);
    expect(gatewayCalls(w)).toHaveLength(3 * 4);
  });

  it('rejects when the gateway connects but the guilds never arrive within the readiness limit', async () => {
    const { w } = await unstarted({ adapter: { ...FAST, readyTimeoutMs: 300 } });
    w.fake.gateway.withholdGuilds = true;
    await expect(w.adapter.start()).rejects.toThrow(/did not finish connecting within 0.3 s/);
    expect(w.adapter.healthy()).toBe(true);
    // Not retried: another attempt would identify again against the same stalled gateway.
    expect(w.fake.gateway.identifies).toHaveLength(1);
  });
});

describe('spec-dependent tests when ../shared is missing', () => {
  it('run with the spec, skip without it, and fail without it under CI', () => {
    expect(specTestMode(false, { CI: 'true' })).toBe('run');
    expect(specTestMode(true, {})).toBe('skip');
    expect(specTestMode(true, { CI: 'true' })).toBe('fail');
  });
});
