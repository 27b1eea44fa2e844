import { describe, expect, it } from 'vitest';
import { specTestMode } from '../../helpers/discord-openapi.js';
import { startDiscordWorld } from './world.js';

describe('start-up with a rejected token', () => {
  it('fails to start and reports unhealthy', async () => {
    const world = await startDiscordWorld({ connect: false });
    try {
      world.fake.revokeToken();
      await expect(world.adapter.start()).rejects.toThrow();
      expect(world.adapter.healthy()).toBe(false);
    } finally {
      await world.close();
    }
  });
});

describe('spec-dependent tests when ../shared is missing', () => {
  it('run with the spec, skip without it, and fail without it under CI', () => {
    expect(specTestMode(false, { CI: 'true' })).toBe('run');
    expect(specTestMode(true, {})).toBe('skip');
    expect(specTestMode(true, { CI: 'true' })).toBe('fail');
  });
});
