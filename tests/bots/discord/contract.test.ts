import { parseOptionsFromText } from '../../../src/commands/parse-text.js';
import { findGroup } from '../../../src/commands/registry.js';
import type { OptionValues } from '../../../src/commands/types.js';
import { describeAdapterContract } from '../../contract/adapter-contract.js';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS } from '../../fakes/discord/index.js';
import { hasShareButton, isPrivate, seenText, wouldPing } from './seen.js';
import { startDiscordWorld } from './world.js';

/**
 * A Discord user fills in the slash command's fields; this turns the contract's text line into
 * those fields (subcommand + options), then sends it through the fake gateway to the real client.
 */
function toSlash(line: string): { group: string; subcommand: string; options: OptionValues } {
  const [, group = '', sub = '', rest = ''] = /^\/(\S+)\s*(\S*)\s*(.*)$/s.exec(line.trim()) ?? [];
  const def = findGroup(group);
  const subcommand = sub || def?.defaultSubcommand || '';
  const subDef = def?.subcommands.find((s) => s.name === subcommand);
  const parsed = subDef ? parseOptionsFromText(subDef, rest) : undefined;
  return { group, subcommand, options: parsed?.ok ? parsed.options : {} };
}

describeAdapterContract('discord', async () => {
  const world = await startDiscordWorld();
  const guild = [...world.fake.state.guilds.values()][0];
  return {
    features: { members: true, shareButton: true },
    async command(line, as = 'member') {
      const { group, subcommand, options } = toSlash(line);
      const handle = world.fake.slashCommand({
        guildId: guild?.id ?? '',
        channelId: guild?.channels[0]?.id ?? '',
        group,
        subcommand,
        options: options as Record<string, string | number>,
        permissions: as === 'admin' ? ADMIN_PERMISSIONS : MEMBER_PERMISSIONS,
      });
      const first = await handle.firstReply();
      const messages = handle.messages();
      return {
        text: seenText(messages),
        private: isPrivate(first),
        shareButton: messages.some(hasShareButton),
        activeMention: messages.some(wouldPing),
      };
    },
    close: () => world.close(),
  };
});
