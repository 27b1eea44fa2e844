import { afterEach, describe, expect, it } from 'vitest';
import { activeMentions, hasShareButton, visibleText } from '../../fakes/slack/payload.js';
import { APP_TOKEN, type Rig, startRig } from './rig.js';

describe('Slack over Socket Mode (real Bolt against a fake apps.connections.open + WebSocket)', () => {
  let rig: Rig;
  afterEach(async () => rig?.close());

  it('opens the connection with the app-level token and answers /election balloon in the envelope ack', async () => {
    rig = await startRig({ socket: true });
    expect(rig.fake.callsTo('apps.connections.open')).toHaveLength(1);
    expect(rig.fake.socket.connections).toBe(1);
    const answer = await rig.command('election', 'balloon');
    expect(answer.via).toBe('ack');
    expect(answer.payload.response_type).toBe('ephemeral');
    expect(visibleText(answer.payload)).toContain('surveillance balloon');
    expect(hasShareButton(answer.payload)).toBe(true);
    expect(activeMentions(answer.payload)).toEqual([]);
  });

  it('does not listen for HTTP in Socket Mode', async () => {
    rig = await startRig({ socket: true });
    expect(rig.adapter.port).toBeUndefined();
  });

  it('refuses to connect with a wrong app-level token', async () => {
    await expect(
      startRig({ socket: true, env: { SLACK_APP_TOKEN: `${APP_TOKEN}-wrong` } }),
    ).rejects.toThrow();
  });

  it('shares over Socket Mode too', async () => {
    rig = await startRig({ socket: true });
    const answer = await rig.command('election', 'threats china');
    const value = JSON.stringify(answer.payload).match(/"value":"([^"]+)"/)?.[1] ?? '';
    const click = await rig.click(value);
    const id = click.responseUrl.split('/').pop();
    await rig.fake.waitFor(() => rig.fake.responses.some((r) => r.id === id));
    const shared = rig.fake.responses.find((r) => r.id === id)?.body ?? {};
    expect(shared.response_type).toBe('in_channel');
    expect(visibleText(shared)).toMatch(/china/i);
  });
});
