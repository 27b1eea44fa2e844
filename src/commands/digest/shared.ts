import { formatLocal, nextRunInWords } from '../../digests/next-run-words.js';
import type { DigestService, SubscriptionView } from '../../digests/service.js';
import { notice, type Reply } from '../reply.js';
import type { CommandContext, HandlerInput } from '../types.js';

export const EXAMPLE = '`/digest subscribe #news daily 08:00 America/New_York`';

export function unavailable(): Reply {
  return notice('Digests are not available', 'Scheduled digests are not configured on this bot.', 'notice');
}

/** Runs `body` with the digest service, or says plainly that there is none. */
export function withDigests(
  body: (digests: DigestService, input: HandlerInput) => Promise<Reply>,
): (input: HandlerInput) => Promise<Reply> {
  return async (input) => {
    const digests = input.ctx.services.digests;
    return digests ? body(digests, input) : unavailable();
  };
}

export function actorOf(ctx: CommandContext) {
  return { platform: ctx.platform, workspaceId: ctx.workspaceId, userId: ctx.userId, now: ctx.now };
}

export function notFound(localId: number, verb: string): Reply {
  return notice(
    'No such subscription',
    `There is no digest #${localId} in this workspace. See \`/digest list\` for the numbers, e.g. \`/digest ${verb} 1\`.`,
    'usage',
  );
}

export const channelRef = (channelId: string) => `<#${channelId}>`;

/** `#2 · <#C1> · daily 08:00 (America/New_York) · next: tomorrow 08:00 EST` */
export function describe(view: SubscriptionView, now: Date): string {
  const when = view.paused
    ? `paused: ${view.pausedReason ?? 'by an admin'}`
    : view.nextRun
      ? `next: ${nextRunInWords(view.nextRun, now, view.timezone)}`
      : 'no future run';
  return `#${view.localId} · ${channelRef(view.channelId)} · ${view.schedule} (${view.timezone}) · ${when}`;
}

export function localTime(iso: string, timeZone: string): string {
  return formatLocal(new Date(iso), timeZone);
}
