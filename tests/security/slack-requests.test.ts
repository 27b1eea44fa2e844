/**
 * Request-level attacks on Slack's HTTP endpoint. Already covered elsewhere (not repeated here):
 * bad signature → 401 and a correctly signed but six-minute-old request → 401
 * (tests/bots/slack/commands.test.ts); non-admin and cross-workspace /digest subscribe
 * (tests/bots/slack/admin.test.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL, MEMBER, type Rig, SECRET, startRig, TEAM } from '../bots/slack/rig.js';
import { visibleText } from '../fakes/slack/payload.js';
import { slackSignature, slashCommandBody } from '../fakes/slack/sign.js';

const body = (rig: Rig, text: string) =>
  slashCommandBody({
    command: '/election',
    text,
    user_id: MEMBER,
    team_id: TEAM,
    channel_id: CHANNEL,
    response_url: rig.fake.responseUrl(),
  });

const send = (rig: Rig, raw: string | Buffer, headers: Record<string, string>) =>
  fetch(`${rig.base}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: raw,
  });

const signed = (raw: string, timestamp = Math.floor(Date.now() / 1000)) => ({
  'x-slack-request-timestamp': String(timestamp),
  'x-slack-signature': slackSignature(SECRET, timestamp, raw),
});

describe('Slack /slack/events refuses forged, replayed and oversize requests', () => {
  let rig: Rig;
  afterEach(async () => {
    vi.useRealTimers();
    await rig?.close();
  });

  it('refuses a captured request replayed unchanged six minutes later', async () => {
    rig = await startRig();
    const raw = body(rig, 'balloon');
    const headers = signed(raw);
    const first = await send(rig, raw, headers);
    expect(first.status).toBe(200);
    expect(visibleText(await first.json())).toContain('balloon');

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 6 * 60_000);
    const replay = await send(rig, raw, headers);
    expect(replay.status).toBe(401);
    expect(await replay.text()).not.toContain('balloon');
  });

  it('refuses a body altered after signing, and requests without signature headers', async () => {
    rig = await startRig();
    const raw = body(rig, 'balloon');
    const tampered = raw.replace('balloon', 'assurance');
    expect((await send(rig, tampered, signed(raw))).status).toBe(401);
    expect((await send(rig, raw, {})).status).toBe(401);
    expect((await send(rig, raw, { 'x-slack-signature': signed(raw)['x-slack-signature'] })).status).toBe(
      401,
    );
  });

  it('refuses a request signed with another secret', async () => {
    rig = await startRig();
    const raw = body(rig, 'balloon');
    const ts = Math.floor(Date.now() / 1000);
    const res = await send(rig, raw, {
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature('some-other-secret-000000000000', ts, raw),
    });
    expect(res.status).toBe(401);
  });

  it('refuses a 1 MB body with 413 whether or not it is signed, and keeps serving', async () => {
    rig = await startRig();
    const huge = body(rig, `ask ${'why '.repeat(262_144)}`);
    expect(huge.length).toBeGreaterThan(1_000_000);
    for (const headers of [signed('something else'), signed(huge)]) {
      const res = await send(rig, huge, headers);
      expect(res.status).toBe(413);
      expect(await res.text()).toBe('');
    }
    const ok = body(rig, 'balloon');
    const after = await send(rig, ok, signed(ok));
    expect(after.status).toBe(200);
    expect(visibleText(await after.json())).toContain('balloon');
    expect((await fetch(`${rig.base}/healthz`)).status).toBe(200);
  });

  it('refuses a streamed body without Content-Length with 411', async () => {
    rig = await startRig();
    const raw = body(rig, 'balloon');
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(raw));
        controller.close();
      },
    });
    const res = await fetch(`${rig.base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signed(raw) },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(411);
  });

  it('still accepts an ordinary command just under the limit', async () => {
    rig = await startRig();
    const raw = body(rig, `ask ${'why '.repeat(1_000)}`);
    const res = await send(rig, raw, signed(raw));
    expect(res.status).toBe(200);
    expect(visibleText(await res.json())).toMatch(/limited to 500 characters|too long/i);
  });
});
