import { notice } from '../reply.js';
import type { CommandGroupInput, Handler, SubcommandInput } from '../types.js';

/** Until the digest service is wired in, every /digest subcommand says so plainly. */
const notYet: Handler = () =>
  notice('Digests are not available yet', 'Scheduled digests are not configured on this bot yet.', 'notice');

const idOption = (verb: string) => ({
  name: 'id',
  description: `Number of the subscription to ${verb} (see /digest list)`,
  type: 'integer' as const,
  required: true,
  minValue: 1,
  autocomplete: true,
});

const subscribe: SubcommandInput = {
  name: 'subscribe',
  description: 'Post the digest to a channel on a schedule',
  usage: 'subscribe [#channel] <schedule> [timezone]',
  options: [
    {
      name: 'schedule',
      description: 'e.g. "daily 08:00", "weekdays 07:30", "cron 0 8 * * 1-5"',
      type: 'string',
      required: true,
      maxLength: 100,
    },
    { name: 'channel', description: 'Channel to post in (default: this one)', type: 'channel' },
    {
      name: 'timezone',
      description: 'IANA time zone, e.g. America/New_York',
      type: 'string',
      autocomplete: true,
      maxLength: 64,
    },
  ],
  handler: notYet,
};

const byId = (name: string, description: string, verb: string): SubcommandInput => ({
  name,
  description,
  usage: `${name} <id>`,
  options: [idOption(verb)],
  handler: notYet,
});

export const digestCommand: CommandGroupInput = {
  name: 'digest',
  description: 'Admins: schedule election-security digests for channels',
  access: 'admin',
  allowInDMs: false,
  subcommands: [
    subscribe,
    {
      name: 'list',
      description: 'List this workspace’s digest subscriptions',
      usage: 'list',
      handler: notYet,
    },
    byId('pause', 'Pause a subscription', 'pause'),
    byId('resume', 'Resume a paused subscription', 'resume'),
    byId('remove', 'Remove a subscription', 'remove'),
    { name: 'preview', description: 'Show the digest now, only to you', usage: 'preview', handler: notYet },
    byId('send-now', 'Post a subscription’s digest right away', 'send'),
    {
      name: 'status',
      description: 'Last delivery and last error of subscriptions',
      usage: 'status [id]',
      options: [{ ...idOption('inspect'), required: false }],
      handler: notYet,
    },
  ],
  defaultSubcommand: 'list',
};
