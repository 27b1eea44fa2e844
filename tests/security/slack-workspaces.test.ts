/**
 * Workspace isolation on Slack. Already covered elsewhere (not repeated here): a member refused
 * /digest subscribe with nothing stored, and a channel of another team refused as a target
 * (tests/bots/slack/admin.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestsOnTempStore } from '../bots/slack/digest-store.js';
import { ADMIN, MEMBER, type Rig, startRig, TEAM } from '../bots/slack/rig.js';
import { visibleText } from '../fakes/slack/payload.js';

const OTHER_TEAM = 'T02OTHER';
const inOther = { platform: 'slack' as const, workspaceId: OTHER_TEAM };

let rig: Rig;
let temp: Awaited<ReturnType<typeof digestsOnTempStore>>;

beforeAll(async () => {
  temp = await digestsOnTempStore();
  rig = await startRig({ digests: temp.digests });
  // Another workspace served by the same process already has digest #1.
  const made = await temp.digests.subscribe(
    { ...inOther, userId: 'U09OTHER', now: new Date() },
    { channelId: 'C03ELSEWHERE', schedule: 'daily 08:00' },
  );
  expect(made.ok).toBe(true);
});
afterAll(async () => {
  await rig.close();
  await temp.close();
});

const otherTeam = async () =>
  (await temp.digests.list(inOther, new Date())).map((s) => [s.localId, s.channelId, s.paused]);

describe('/digest ids are confined to the workspace they were made in', () => {
  it.each(['pause 1', 'resume 1', 'remove 1', 'send-now 1', 'status 1'])(
    'an admin of %s in another workspace finds no such digest, and it is untouched',
    async (text) => {
      const answer = await rig.command('digest', text, { user: ADMIN, team: TEAM });
      expect(visibleText(answer.payload)).toMatch(/no digest #1 in this workspace/i);
      expect(await otherTeam()).toEqual([[1, 'C03ELSEWHERE', false]]);
    },
  );

  it('a member cannot pause or remove anything either, and is told why', async () => {
    for (const text of ['pause 1', 'remove 1', 'send-now 1']) {
      const answer = await rig.command('digest', text, { user: MEMBER });
      expect(visibleText(answer.payload)).toMatch(/admins only/i);
    }
    expect(await otherTeam()).toEqual([[1, 'C03ELSEWHERE', false]]);
  });

  it('list shows a workspace only its own digests (control: the other team sees #1)', async () => {
    const ours = await rig.command('digest', 'list', { user: ADMIN, team: TEAM });
    expect(visibleText(ours.payload)).not.toContain('C03ELSEWHERE');
    const theirs = await rig.command('digest', 'list', { user: ADMIN, team: OTHER_TEAM });
    expect(visibleText(theirs.payload)).toContain('C03ELSEWHERE');
  });
});
