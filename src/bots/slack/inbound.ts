import type { App, RespondFn, webApi } from '@slack/bolt';
import type { CommandRequest, CommandResult } from '../../commands/dispatch.js';
import { COMMANDS } from '../../commands/registry.js';
import type { Services } from '../../commands/services.js';
import type { CommandContext } from '../../commands/types.js';
import type { Logger } from '../../log.js';
import type { Metrics } from '../../ops/metrics.js';
import { readyWithin } from '../ready-within.js';
import { observeCommand, runObserved } from '../run-observed.js';
import { slackCommandContext } from './context.js';
import { fromSlackText } from './inbound-text.js';
import { SHARE_ACTION_ID, SLACK_LIMITS } from './limits.js';
import { renderReply, type SlackMessage } from './render.js';
import { decodeShare, encodeShare } from './share.js';

export interface InboundDeps {
  client: webApi.WebClient;
  services: Services;
  log: Logger;
  metrics: Metrics;
  adminUserIds: readonly string[];
  clock: () => Date;
  ackBudgetMs: number;
  botName: () => string;
}

type Where = { teamId: string; channelId: string; userId: string; userName?: string };

/** Slash commands and the share button: translate, run through runCommand, render. Nothing else. */
export function registerInbound(app: App, deps: InboundDeps): void {
  const contextFor = (where: Where): CommandContext =>
    slackCommandContext({
      teamId: where.teamId,
      channelId: where.channelId,
      userId: where.userId,
      userName: where.userName,
      client: deps.client,
      services: deps.services,
      adminUserIds: deps.adminUserIds,
      botName: deps.botName(),
      now: deps.clock(),
    });

  const run = (request: CommandRequest, ctx: CommandContext) => runObserved(deps, request, ctx);

  // One listener for every command: Bolt runs each listener's middleware on every request, so a
  // listener per command would be work on every command for each command the bot has.
  const names = new RegExp(`^/(?:${COMMANDS.map((g) => g.name).join('|')})$`);
  app.command(names, async ({ command, ack, respond }) => {
    // The pattern matched `/<name>` of a registered group; the dispatcher resolves it.
    const group = command.command.slice(1);
    const text = fromSlackText(command.text ?? '');
    const ctx = contextFor({
      teamId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      userName: command.user_name,
    });
    // A command that answered at once needs no deadline: only one still working races the ack budget.
    const work = observeCommand(deps, { group, text }, ctx);
    const early = work instanceof Promise ? await readyWithin(work, deps.ackBudgetMs) : work;
    if (early) {
      // The usual case: the answer rides in the acknowledgement itself.
      const messages = renderResult(early, group, text);
      const first = messages[0] as SlackMessage;
      await ack({ response_type: 'ephemeral', blocks: first.blocks, text: first.text });
      if (messages.length > 1)
        await sendAll(respond, messages.slice(1), 'ephemeral', SLACK_LIMITS.responseUrlUses);
    } else {
      await ack();
      await sendAll(
        respond,
        renderResult(await work, group, text),
        'ephemeral',
        SLACK_LIMITS.responseUrlUses,
      );
    }
  });

  app.action(SHARE_ACTION_ID, async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const request = decodeShare(action.value);
    const teamId = body.team?.id ?? body.user.team_id;
    const channelId = body.channel?.id;
    if (!request || !teamId || !channelId) {
      await sendAll(
        respond,
        [plainMessage('That answer can no longer be shared. Run the command again.')],
        'ephemeral',
        1,
      );
      return;
    }
    // Run the command again rather than trusting anything rendered on the client.
    const result = await run(
      { group: request.g, text: request.t },
      contextFor({ teamId, channelId, userId: body.user.id }),
    );
    if (result.outcome !== 'ok' || !result.reply.shareable) {
      await sendAll(respond, [plainMessage('That answer cannot be shared.')], 'ephemeral', 1);
      return;
    }
    const messages = renderReply(result.reply, { sharedBy: body.user.name ?? body.user.username ?? '' });
    await sendAll(respond, messages, 'in_channel', SLACK_LIMITS.responseUrlUses);
  });
}

/** A command's reply as Slack messages, with the Share button when the reply may be shared. */
function renderResult(result: CommandResult, group: string, text: string): SlackMessage[] {
  return renderReply(result.reply, result.reply.shareable ? { shareValue: encodeShare(group, text) } : {});
}

async function sendAll(
  respond: RespondFn,
  messages: SlackMessage[],
  responseType: 'ephemeral' | 'in_channel',
  uses: number,
): Promise<void> {
  for (const message of messages.slice(0, uses)) {
    await respond({ response_type: responseType, replace_original: false, ...message });
  }
}

function plainMessage(text: string): SlackMessage {
  return { text, blocks: [{ type: 'section', text: { type: 'plain_text', text } }] };
}
