import { type ContractHarness, describeAdapterContract } from '../../contract/adapter-contract.js';
import { activeMentions, hasShareButton, visibleText } from '../../fakes/slack/payload.js';
import { ADMIN, MEMBER, startRig } from './rig.js';

/** `/election balloon` → group `election`, text `balloon`, sent as a signed slash command. */
async function openSlack(): Promise<ContractHarness> {
  const rig = await startRig();
  return {
    features: { members: true, shareButton: true },
    async command(line, as = 'member') {
      const match = /^\/(\S+)\s*(.*)$/s.exec(line);
      const answer = await rig.command(match?.[1] ?? '', match?.[2] ?? '', {
        user: as === 'admin' ? ADMIN : MEMBER,
      });
      return {
        text: visibleText(answer.payload),
        private: answer.payload.response_type === 'ephemeral',
        shareButton: hasShareButton(answer.payload),
        activeMention: activeMentions(answer.payload).length > 0,
      };
    },
    close: () => rig.close(),
  };
}

describeAdapterContract('slack', openSlack);
