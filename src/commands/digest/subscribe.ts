import { SCHEDULE_EXAMPLES } from '../../digests/schedule.js';
import type { SubscribeResult } from '../../digests/service.js';
import { canonicalTimeZone } from '../../digests/time-zone.js';
import { notice, type Reply } from '../reply.js';
import type { SubcommandInput, TextParse } from '../types.js';
import { actorOf, channelRef, describe, EXAMPLE, withDigests } from './shared.js';

const CHANNEL_REF = /^<#([\w-]+)(?:\|[^>]*)?>$/;

/**
 * Slack/console grammar: a leading channel reference (`<#C123|news>`), a trailing token that is
 * a valid IANA zone, and the schedule in between.
 */
export function parseSubscribeText(text: string): TextParse {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  const options: Record<string, string> = {};
  const channel = tokens[0] ? CHANNEL_REF.exec(tokens[0]) : null;
  if (channel?.[1]) {
    options.channel = channel[1];
    tokens.shift();
  } else if (tokens[0]?.startsWith('#')) {
    return {
      ok: false,
      error: `Pick the channel from the # suggestions so it arrives as a link, e.g. ${EXAMPLE}.`,
    };
  }
  const last = tokens.at(-1);
  // A zone-shaped last word is the zone even when it is wrong, so the reply can say "unknown time
  // zone" instead of blaming the schedule. Cron fields never start with a letter and a slash word.
  const zoneShaped = last !== undefined && /^[A-Za-z][\w+-]*(\/[\w+-]+)+$/.test(last);
  if (tokens.length > 1 && last && (canonicalTimeZone(last) || zoneShaped)) {
    options.timezone = last;
    tokens.pop();
  }
  const schedule = tokens.join(' ');
  if (!schedule) return { ok: false, error: `Missing the schedule, e.g. ${EXAMPLE}.` };
  if (schedule.length > 100) return { ok: false, error: 'The schedule is limited to 100 characters.' };
  options.schedule = schedule;
  return { ok: true, options };
}

export const subscribe: SubcommandInput = {
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
  parseText: parseSubscribeText,
  handler: withDigests(async (digests, { options, ctx }) => {
    const channelId = String(options.channel ?? ctx.channelId);
    // Ownership and post permission first: nothing is stored for a channel we may not use.
    const check = await ctx.checkChannel(channelId);
    if (!check.ok) return notice('Can’t post there', check.reason, 'refusal');
    const timezone = options.timezone === undefined ? undefined : String(options.timezone);
    const result = await digests.subscribe(actorOf(ctx), {
      channelId,
      schedule: String(options.schedule),
      timezone,
    });
    return subscribeReply(result, ctx.now, digests.minIntervalMinutes);
  }),
};

function subscribeReply(result: SubscribeResult, now: Date, minInterval: number): Reply {
  if (result.ok) {
    return notice('Digest scheduled', describe(result.subscription, now));
  }
  switch (result.error) {
    case 'invalid_schedule':
      return notice('Invalid schedule', result.detail, 'usage');
    case 'unknown_timezone':
      return notice(
        'Unknown time zone',
        `"${result.detail}" is not an IANA time zone. Use a name such as America/New_York, Europe/Berlin or UTC, e.g. ${EXAMPLE}.`,
        'usage',
      );
    case 'too_frequent':
      return notice(
        'Schedule too frequent',
        `That schedule has runs ${result.detail} minutes apart; the minimum is ${minInterval}. Try \`every 30 minutes\`, or ${SCHEDULE_EXAMPLES.split(', ')[0]}.`,
        'usage',
      );
    case 'never_runs':
      return notice(
        'Schedule never runs',
        `\`${result.detail}\` names a date that never comes (such as 31 February). Try \`cron 0 8 * * 1-5\` or \`daily 08:00\`.`,
        'usage',
      );
    case 'duplicate':
      return notice(
        'Already subscribed',
        `${channelRef(result.existing?.channelId ?? '')} already gets \`${result.detail}\` in that time zone (digest #${result.existing?.localId}); see \`/digest list\`.`,
        'usage',
      );
  }
}
