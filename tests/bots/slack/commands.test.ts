import { afterEach, describe, expect, it } from 'vitest';
import { activeMentions, blocksOf, hasShareButton, visibleText } from '../../fakes/slack/payload.js';
import { MEMBER, type Rig, startRig } from './rig.js';

describe('Slack slash commands over HTTP (real Bolt, signed requests)', () => {
  let rig: Rig;
  afterEach(async () => rig?.close());

  it('answers /election balloon in the acknowledgement, privately, with a share button', async () => {
    rig = await startRig();
    const answer = await rig.command('election', 'balloon');
    expect(answer.status).toBe(200);
    expect(answer.via).toBe('ack');
    expect(answer.payload.response_type).toBe('ephemeral');
    expect(visibleText(answer.payload)).toContain('surveillance balloon');
    expect(blocksOf(answer.payload)[0]?.type).toBe('header');
    expect(typeof answer.payload.text).toBe('string');
    expect(hasShareButton(answer.payload)).toBe(true);
    // Nothing was posted publicly by asking.
    expect(rig.fake.posts).toHaveLength(0);
  });

  it('refuses a request with a bad signature with 401 and runs nothing', async () => {
    rig = await startRig();
    const answer = await rig.command('election', 'balloon', { signed: { signature: 'v0=deadbeef' } });
    expect(answer.status).toBe(401);
    expect(visibleText(answer.payload)).not.toContain('balloon');
  });

  it('refuses a correctly signed request older than five minutes with 401', async () => {
    rig = await startRig();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const answer = await rig.command('election', 'balloon', { signed: { timestamp: sixMinutesAgo } });
    expect(answer.status).toBe(401);
  });

  it('answers an unknown subcommand with the usage, not an error', async () => {
    rig = await startRig();
    const answer = await rig.command('election', 'frobnicate');
    const text = visibleText(answer.payload);
    expect(text).toMatch(/unknown subcommand "frobnicate"/i);
    expect(text).toContain('/election ask <question>');
    expect(hasShareButton(answer.payload)).toBe(false);
  });

  it('lists every command for /election help', async () => {
    rig = await startRig();
    const text = visibleText((await rig.command('election', 'help')).payload);
    for (const usage of [
      'assurance',
      'balloon',
      'threats [russia|china|compare]',
      'ask <question>',
      'sources',
    ]) {
      expect(text).toContain(`/election ${usage}`);
    }
    expect(text).toContain('/digest subscribe');
  });

  it('gives a useful reply within Block Kit limits to 4,000 characters of text', async () => {
    rig = await startRig();
    const long = `ask ${'why '.repeat(999)}`;
    expect(long.length).toBeGreaterThanOrEqual(4_000);
    const answer = await rig.command('election', long);
    const text = visibleText(answer.payload);
    expect(text).toMatch(/limited to 500 characters|too long/i);
    expect(text).toContain('/election ask');
    for (const block of blocksOf(answer.payload)) {
      if (block.type === 'section')
        expect((block.text as { text: string }).text.length).toBeLessThanOrEqual(3_000);
    }
    expect(blocksOf(answer.payload).length).toBeLessThanOrEqual(50);
  });

  it('never turns <!channel>, <!here>, <@U123> or @everyone in user text into a mention', async () => {
    rig = await startRig();
    for (const question of [
      'did <!channel> @everyone <@U123> <!here> hear about the balloon?',
      '<!channel> what did Xi promise Biden? &lt;!here&gt;',
    ]) {
      const answer = await rig.command('election', `ask ${question}`);
      expect(visibleText(answer.payload).length).toBeGreaterThan(0);
      expect(activeMentions(answer.payload)).toEqual([]);
      expect(JSON.stringify(answer.payload)).not.toContain('link_names');
    }
  });

  it('keeps mentions inert in usage replies that echo the user text', async () => {
    rig = await startRig();
    for (const token of ['<!channel>', '<@U123|bob>', '&lt;!here&gt;', '@everyone']) {
      const answer = await rig.command('election', `${token} please`);
      const text = visibleText(answer.payload);
      expect(text).toMatch(/unknown subcommand "(@channel|@bob|<!here>|@everyone)"/i);
      expect(activeMentions(answer.payload)).toEqual([]);
    }
  });

  it('acknowledges at once and answers through response_url when the answer is slow', async () => {
    rig = await startRig({ adapter: { ackBudgetMs: 20 } });
    // An admin command needs users.info; holding it keeps the answer from being ready in time.
    const release = rig.fake.hold('users.info');
    const answer = await rig.command('digest', 'list', { user: MEMBER, onAck: release });
    expect(answer.via).toBe('response_url');
    expect(answer.payload.response_type).toBe('ephemeral');
    expect(visibleText(answer.payload)).toMatch(/admins only/i);
    expect(rig.fake.posts).toHaveLength(0);
  });

  it('serves /healthz on the same port as /slack/events', async () => {
    rig = await startRig();
    const res = await fetch(`${rig.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('records command latency by command and outcome', async () => {
    rig = await startRig();
    await rig.command('election', 'balloon');
    const metrics = await rig.metrics.registry.getSingleMetricAsString('newsroom_command_duration_seconds');
    expect(metrics).toMatch(
      /newsroom_command_duration_seconds_count\{platform="slack",command="election.balloon",outcome="ok"\} 1/,
    );
  });
});
