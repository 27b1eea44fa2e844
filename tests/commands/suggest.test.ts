import { describe, expect, it } from 'vitest';
import { suggestOptionValues } from '../../src/commands/suggest.js';
import type { DigestService, SubscriptionView } from '../../src/digests/service.js';
import { echoKnowledge, testContext } from '../helpers/context.js';

const view = (localId: number, paused = false): SubscriptionView => ({
  localId,
  channelId: `C${localId}`,
  schedule: 'daily 08:00',
  timezone: 'America/New_York',
  paused,
  pausedReason: null,
  createdBy: 'U1',
  nextRun: undefined,
});

/** Only `list` matters here; the rest must never be called while suggesting. */
const digests = {
  list: async (scope: { workspaceId: string }) =>
    scope.workspaceId === 'W1' ? [view(1), view(12, true), view(2)] : [],
} as unknown as DigestService;

const ctx = (admin: boolean, workspaceId = 'W1') =>
  testContext({
    workspaceId,
    isAdmin: async () => admin,
    services: { knowledge: echoKnowledge, defaultTimezone: 'UTC', digests },
  });

describe('suggestOptionValues', () => {
  it('offers IANA zones matching what was typed, at most 25', async () => {
    const zones = await suggestOptionValues(
      { group: 'digest', subcommand: 'subscribe', option: 'timezone', typed: 'new_y' },
      ctx(true),
    );
    expect(zones).toContainEqual({ name: 'America/New_York', value: 'America/New_York' });
    const all = await suggestOptionValues(
      { group: 'digest', subcommand: 'subscribe', option: 'timezone', typed: '' },
      ctx(true),
    );
    expect(all).toHaveLength(25);
  });

  it('offers an admin the subscription ids of their own workspace, filtered by the digits typed', async () => {
    const ids = await suggestOptionValues(
      { group: 'digest', subcommand: 'pause', option: 'id', typed: '1' },
      ctx(true),
    );
    expect(ids.map((s) => s.value)).toEqual([1, 12]);
    expect(ids[1]?.name).toMatch(/paused/);
    const elsewhere = await suggestOptionValues(
      { group: 'digest', subcommand: 'pause', option: 'id', typed: '' },
      ctx(true, 'W2'),
    );
    expect(elsewhere).toEqual([]);
  });

  it('gives a non-admin no subscription ids', async () => {
    expect(
      await suggestOptionValues(
        { group: 'digest', subcommand: 'remove', option: 'id', typed: '' },
        ctx(false),
      ),
    ).toEqual([]);
  });

  it('suggests nothing for options that are not marked for autocomplete', async () => {
    expect(
      await suggestOptionValues(
        { group: 'digest', subcommand: 'subscribe', option: 'schedule', typed: 'da' },
        ctx(true),
      ),
    ).toEqual([]);
    expect(
      await suggestOptionValues({ group: 'nope', subcommand: 'x', option: 'id', typed: '' }, ctx(true)),
    ).toEqual([]);
  });
});
