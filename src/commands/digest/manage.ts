import type { DigestService } from '../../digests/service.js';
import type { DeliveryStatus } from '../../storage/types.js';
import { notice, type Reply } from '../reply.js';
import type { SubcommandInput } from '../types.js';
import { problemWords } from './problem-words.js';
import { actorOf, channelRef, describe, notFound, withDigests } from './shared.js';

const idOption = (verb: string) => ({
  name: 'id',
  description: `Number of the subscription to ${verb} (see /digest list)`,
  type: 'integer' as const,
  required: true,
  minValue: 1,
  autocomplete: true,
});

type Change = 'pause' | 'resume' | 'remove';
const DONE: Record<Change, string> = {
  pause: 'Digest paused',
  resume: 'Digest resumed',
  remove: 'Digest removed',
};

function change(name: Change, description: string): SubcommandInput {
  return {
    name,
    description,
    usage: `${name} <id>`,
    options: [idOption(name)],
    handler: withDigests(async (digests: DigestService, { options, ctx }) => {
      const localId = Number(options.id);
      const result = await digests[name](actorOf(ctx), localId);
      if (!result.ok) return notFound(localId, name);
      return notice(DONE[name], describe(result.subscription, ctx.now));
    }),
  };
}

export const pause = change('pause', 'Pause a subscription');
export const resume = change('resume', 'Resume a paused subscription');
export const remove = change('remove', 'Remove a subscription');

/** Not finished yet: still in the queue, on the wire, or handed back for the next pass to post. */
const STILL_GOING = new Set<DeliveryStatus>(['claimed', 'posting', 'released']);

export const sendNow: SubcommandInput = {
  name: 'send-now',
  description: 'Post a subscription’s digest right away',
  usage: 'send-now <id>',
  options: [idOption('send')],
  handler: withDigests(async (digests, { options, ctx }): Promise<Reply> => {
    const localId = Number(options.id);
    const result = await digests.sendNow(actorOf(ctx), localId);
    if (!result.ok) {
      if (result.error === 'not_found') return notFound(localId, 'send-now');
      if (result.error === 'paused') {
        return notice(
          'Digest is paused',
          `Digest #${localId} is paused (${result.subscription?.pausedReason ?? 'by an admin'}). Resume it first: \`/digest resume ${localId}\`.`,
          'usage',
        );
      }
      return notice(
        'Not posting from here',
        'This bot instance does not post to that platform right now.',
        'error',
      );
    }
    const { delivery, subscription } = result;
    const where = channelRef(subscription.channelId);
    if (delivery.status === 'delivered')
      return notice('Digest posted', `Posted digest #${localId} to ${where}.`);
    if (STILL_GOING.has(delivery.status)) {
      return notice(
        'Digest queued',
        `Digest #${localId} is queued — it will be posted to ${where} within a minute; see \`/digest status ${localId}\`.`,
      );
    }
    return notice(
      'Digest not posted',
      `Digest #${localId} could not be posted to ${where}: ${problemWords(delivery)}. See \`/digest status ${localId}\`.`,
      'error',
    );
  }),
};
