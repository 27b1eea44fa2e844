import type { CommandContext } from '../../src/commands/types.js';
import type { Knowledge } from '../../src/knowledge/api.js';

/**
 * A knowledge base that echoes what it was asked, for tests of command plumbing (parsing,
 * permissions, errors) that must not depend on what the real knowledge module answers.
 */
export const echoKnowledge: Knowledge = {
  ask: (question) => ({ question, answered: true, text: `echo: ${question}`, citations: [] }),
  brief: (topic) => ({
    title: `brief ${topic}`,
    points: [{ text: topic, citations: [] }],
    asOf: 'as of test',
  }),
  threats: (focus) => ({
    title: `threats ${focus}`,
    points: [{ text: focus, citations: [] }],
    asOf: 'as of test',
  }),
  digest: () => ({ title: 'digest', points: [], newSince: [], asOf: 'as of test' }),
  sources: () => [],
};

export function testContext(overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    platform: 'console',
    workspaceId: 'W1',
    channelId: 'C1',
    userId: 'U1',
    now: new Date('2026-11-25T12:00:00Z'),
    isAdmin: async () => false,
    checkChannel: async () => ({ ok: true }),
    services: { knowledge: echoKnowledge, defaultTimezone: 'UTC' },
    ...overrides,
  };
}
