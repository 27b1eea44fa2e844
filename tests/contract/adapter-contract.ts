import { describe, expect, it } from 'vitest';

/**
 * One set of behaviours every adapter must show, whatever the platform: the console, Slack and
 * Discord test files each call `describeAdapterContract` with a harness that drives the real
 * adapter (through the real SDK against the local fakes) and reports what the user would see.
 */
export interface SeenReply {
  /** Everything the user can read, flattened to plain text (blocks, embeds, fallback). */
  text: string;
  /** Visible only to the person who asked (ephemeral)? */
  private: boolean;
  /** Offered a "Share to channel" control? */
  shareButton: boolean;
  /** Would this payload notify anyone (@everyone, @here, <!channel>, a user or role)? */
  activeMention: boolean;
}

export interface ContractHarness {
  /**
   * What the platform has at all: the console has one user (the admin) and no buttons, so the
   * member and share-button behaviours are asserted only where they exist.
   */
  features: { members: boolean; shareButton: boolean };
  /** Runs `line` (e.g. `/election threats china`) as a regular member or as an admin. */
  command(line: string, as?: 'member' | 'admin'): Promise<SeenReply>;
  close(): Promise<void>;
}

export function describeAdapterContract(name: string, open: () => Promise<ContractHarness>): void {
  describe(`adapter contract: ${name}`, () => {
    const withHarness = (fn: (h: ContractHarness) => Promise<void>) => async () => {
      const h = await open();
      try {
        await fn(h);
      } finally {
        await h.close();
      }
    };

    it(
      'answers /election balloon privately, quoting the source, with a share button',
      withHarness(async (h) => {
        const seen = await h.command('/election balloon');
        expect(seen.text.toLowerCase()).toContain('balloon');
        expect(seen.text).toContain('surveillance balloon');
        expect(seen.private).toBe(true);
        expect(seen.shareButton).toBe(h.features.shareButton);
      }),
    );

    it(
      'lists every /election subcommand for /election alone',
      withHarness(async (h) => {
        const seen = await h.command('/election');
        for (const sub of ['assurance', 'balloon', 'threats', 'ask', 'digest', 'sources', 'help']) {
          expect(seen.text).toContain(sub);
        }
      }),
    );

    it(
      'answers an unknown subcommand with usage, not an error',
      withHarness(async (h) => {
        const seen = await h.command('/election frobnicate');
        expect(seen.text).toMatch(/unknown subcommand/i);
        expect(seen.text).toContain('/election ask');
        expect(seen.text).not.toMatch(/went wrong|stack|Error:/);
      }),
    );

    it(
      'never turns user text into an active mention',
      withHarness(async (h) => {
        const seen = await h.command(
          '/election ask did <!channel> @everyone <@U123> <!here> hear about the balloon?',
        );
        expect(seen.activeMention).toBe(false);
      }),
    );

    it(
      'compares Russia and China side by side for /election threats',
      withHarness(async (h) => {
        const seen = await h.command('/election threats');
        expect(seen.text).toMatch(/hurricane/i);
        expect(seen.text).toMatch(/climate change/i);
      }),
    );

    it(
      'refuses /digest to a member who is not an admin (where the platform has members)',
      withHarness(async (h) => {
        if (!h.features.members) {
          // The console's only user is its admin: the refusal cannot arise there.
          expect((await h.command('/digest list', 'admin')).text).not.toMatch(/admins only/i);
          return;
        }
        const seen = await h.command('/digest list', 'member');
        expect(seen.text).toMatch(/admin/i);
        expect(seen.private).toBe(true);
      }),
    );
  });
}
