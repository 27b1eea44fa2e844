import type { webApi } from '@slack/bolt';
import type { Services } from '../../commands/services.js';
import type { ChannelCheck, CommandContext } from '../../commands/types.js';
import { slackErrorCode } from './errors.js';

export interface SlackContextInput {
  client: webApi.WebClient;
  services: Services;
  /** SLACK_ADMIN_USER_IDS: admins by configuration, whatever Slack says. */
  adminUserIds: readonly string[];
  /** The bot's @-name, for the "/invite @…" hint. */
  botName: string;
  teamId: string;
  channelId: string;
  userId: string;
  userName?: string;
  now: Date;
}

/** Who asked and where, with Slack's answers to "is this an admin?" and "can we post there?". */
export function slackCommandContext(input: SlackContextInput): CommandContext {
  const { client, teamId } = input;
  return {
    platform: 'slack',
    workspaceId: teamId,
    channelId: input.channelId,
    userId: input.userId,
    userName: input.userName,
    now: input.now,
    services: input.services,
    async isAdmin() {
      if (input.adminUserIds.includes(input.userId)) return true;
      // Asked every time: a demoted admin loses /digest at once. Failures propagate (never "yes").
      const res = await client.users.info({ user: input.userId });
      const user = res.user;
      return Boolean(user && (user.is_admin || user.is_owner || user.is_primary_owner));
    },
    checkChannel: (channelId) => checkChannel(client, teamId, input.botName, channelId),
  };
}

async function checkChannel(
  client: webApi.WebClient,
  teamId: string,
  botName: string,
  reference: string,
): Promise<ChannelCheck> {
  const id = /^<#([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(reference)?.[1] ?? reference.replace(/^#/, '');
  if (/^D[A-Z0-9]+$/.test(id))
    return refuse('Digests go to channels, not direct messages. Run this in the channel.');
  if (!/^[CG][A-Z0-9]+$/.test(id)) {
    return refuse('Pick a channel by typing # and choosing it from the list, so Slack links it.');
  }
  let channel: webApi.ConversationsInfoResponse['channel'];
  try {
    channel = (await client.conversations.info({ channel: id })).channel;
  } catch (error) {
    if (slackErrorCode(error) !== 'channel_not_found') throw error;
    return refuse(
      `I can't see that channel. If it is private, invite me first: type \`/invite @${botName}\` in it.`,
    );
  }
  if (!channel) return refuse("I can't see that channel.");
  // Reasons are shown as escaped text, so the channel is named, not linked.
  const name = channel.name ? `#${channel.name}` : 'that channel';
  const teams = [channel.context_team_id, ...(channel.shared_team_ids ?? [])].filter(
    (t): t is string => typeof t === 'string',
  );
  if (teams.length > 0 && !teams.includes(teamId)) {
    return refuse(`${name} belongs to another workspace. Set up its digest from that workspace.`);
  }
  if (channel.is_im || channel.is_mpim) return refuse('Digests go to channels, not direct messages.');
  if (channel.is_archived) return refuse(`${name} is archived. Pick another channel.`);
  if (!channel.is_member) {
    return refuse(`Invite me first: type \`/invite @${botName}\` in ${name}, then run this command again.`);
  }
  return { ok: true };
}

const refuse = (reason: string): ChannelCheck => ({ ok: false, reason });
