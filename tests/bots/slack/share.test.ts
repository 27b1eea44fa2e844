import { afterEach, describe, expect, it } from 'vitest';
import { encodeShare } from '../../../src/bots/slack/share.js';
import type { Knowledge } from '../../../src/knowledge/api.js';
import { activeMentions, blocksOf, hasShareButton, visibleText } from '../../fakes/slack/payload.js';
import { ADMIN, MEMBER, type Rig, startRig } from './rig.js';

const echoKnowledge: Knowledge = {
  ask: (question) => ({
    question,
    answered: true,
    text: `You asked: ${question}`,
    citations: [{ quote: question, source: 'user', attribution: question }],
  }),
  brief: () => {
    throw new Error('not used');
  },
  threats: () => {
    throw new Error('not used');
  },
  digest: () => {
    throw new Error('not used');
  },
  sources: () => [],
};

/** The value of the first button in a payload, as Slack would send it back on a click. */
function buttonValue(payload: Record<string, unknown>): string {
  const actions = blocksOf(payload).find((b) => b.type === 'actions') as
    | { elements: { value: string }[] }
    | undefined;
  const value = actions?.elements[0]?.value;
  if (!value) throw new Error('no share button');
  return value;
}

async function sharedPost(rig: Rig, value: string, user = MEMBER) {
  const click = await rig.click(value, { user });
  expect(click.status).toBe(200);
  const id = click.responseUrl.split('/').pop();
  await rig.fake.waitFor(() => rig.fake.responses.some((r) => r.id === id));
  return rig.fake.responses.filter((r) => r.id === id).map((r) => r.body);
}

describe('Share to channel (button round trip through real Bolt)', () => {
  let rig: Rig;
  afterEach(async () => rig?.close());

  it('posts the same answer publicly, credited to the person who shared it', async () => {
    rig = await startRig();
    const asked = await rig.command('election', 'balloon');
    const [shared] = await sharedPost(rig, buttonValue(asked.payload));
    expect(shared?.response_type).toBe('in_channel');
    expect(shared?.replace_original).toBe(false);
    const privateBlocks = blocksOf(asked.payload).filter((b) => b.type !== 'actions');
    const publicBlocks = blocksOf(shared).filter((b) => !JSON.stringify(b).includes('Shared by'));
    expect(publicBlocks).toEqual(privateBlocks);
    expect(JSON.stringify(shared)).toContain('Shared by someone');
    expect(hasShareButton(shared)).toBe(false);
    // The sharer is credited by name: a public answer pings nobody, not even them.
    expect(activeMentions(shared)).toEqual([]);
  });

  it('re-runs the command rather than trusting the button: a forged /digest value is refused for members', async () => {
    rig = await startRig();
    const forged = encodeShare('digest', 'subscribe <#C01NEWS|news> every 15 minutes') as string;
    const [reply] = await sharedPost(rig, forged, MEMBER);
    expect(reply?.response_type).toBe('ephemeral');
    expect(visibleText(reply)).toMatch(/cannot be shared/i);
    expect(rig.fake.callsTo('users.info').map((c) => c.params.user)).toEqual([MEMBER]);
  });

  it('refuses garbage button values politely', async () => {
    rig = await startRig();
    const [reply] = await sharedPost(rig, 'not-a-share-value', ADMIN);
    expect(reply?.response_type).toBe('ephemeral');
    expect(visibleText(reply)).toMatch(/run the command again/i);
  });

  it('keeps user text inert when a question is shared publicly', async () => {
    // Knowledge that echoes the question everywhere, so the user's text surely reaches the post.
    rig = await startRig({ knowledge: echoKnowledge });
    const asked = await rig.command('election', 'ask <!channel> <@U123|bob> @everyone &lt;!here&gt; ok?');
    const [shared] = await sharedPost(rig, buttonValue(asked.payload));
    expect(visibleText(shared)).toContain('You asked: @channel @bob @everyone <!here> ok?');
    expect(activeMentions(shared)).toEqual([]);
  });
});
