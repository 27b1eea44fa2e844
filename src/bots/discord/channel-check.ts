import { ChannelType, type Client, DiscordAPIError, PermissionFlagsBits } from 'discord.js';
import type { ChannelCheck } from '../../commands/types.js';

/** What the bot needs in a digest channel, with the names Discord shows in its settings. */
const REQUIRED = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
] as const;

const refuse = (reason: string): ChannelCheck => ({ ok: false, reason });

/** Where a digest can go: the same types the command's channel option offers. */
const POSTABLE: ReadonlySet<ChannelType> = new Set([ChannelType.GuildText, ChannelType.GuildAnnouncement]);

/** What to call a channel that cannot take a digest, in the refusal. */
const KINDS: Partial<Record<ChannelType, string>> = {
  [ChannelType.GuildCategory]: 'a category',
  [ChannelType.GuildVoice]: 'a voice channel',
  [ChannelType.GuildStageVoice]: 'a stage channel',
  [ChannelType.GuildForum]: 'a forum',
  [ChannelType.GuildMedia]: 'a media channel',
  [ChannelType.GuildDirectory]: 'a directory',
};

/**
 * Is the channel in this guild, and can the bot post embeds there? Asked at run time (cache
 * first, REST otherwise); the refusal names what an admin has to change.
 */
export async function checkDiscordChannel(
  client: Client,
  guildId: string | null,
  channelId: string,
): Promise<ChannelCheck> {
  if (!guildId) return refuse('Digests can only be set up in a server channel, not in direct messages.');
  let channel: Awaited<ReturnType<Client['channels']['fetch']>>;
  try {
    channel = await client.channels.fetch(channelId, { allowUnknownGuild: true });
  } catch (error) {
    if (error instanceof DiscordAPIError && (error.code === 10003 || error.code === 50001)) {
      return refuse('I cannot see that channel. Pick a channel of this server and make sure I can view it.');
    }
    throw error;
  }
  if (!channel || !('guildId' in channel) || channel.guildId !== guildId) {
    return refuse('That channel is not in this server. Pick a channel of this server.');
  }
  // Discord archives a thread after a spell of inactivity, and posts to it then fail: a daily
  // digest would stop on its own. Its parent channel is the lasting place.
  if (channel.isThread()) {
    const parent = channel.parentId ? ` such as <#${channel.parentId}>` : '';
    return refuse(
      `Digests cannot go to a thread: Discord archives quiet threads and I could no longer post there. Pick a text channel${parent}.`,
    );
  }
  if (!POSTABLE.has(channel.type)) {
    const kind = KINDS[channel.type] ?? 'a channel without messages';
    return refuse(
      `“${channel.name}” is ${kind}, where I cannot post messages. Pick a text or announcement channel for the digest.`,
    );
  }
  const guild = client.guilds.cache.get(guildId);
  if (!guild) return refuse('This server is not available to me right now; try again in a minute.');
  const me = guild.members.me ?? (await guild.members.fetchMe());
  const permissions = channel.permissionsFor(me);
  const missing = REQUIRED.filter(([bit]) => !permissions?.has(bit)).map(([, name]) => name);
  if (missing.length > 0) {
    const list = missing.join(', ');
    return refuse(
      `I cannot post in #${channel.name}: I am missing the ${list} permission${missing.length > 1 ? 's' : ''} there. Grant it to the bot in the channel settings, or pick another channel.`,
    );
  }
  return { ok: true };
}
