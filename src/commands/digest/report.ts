import { buildDigestReply } from '../../digests/digest-reply.js';
import type { StatusView } from '../../digests/service.js';
import { notice, type Reply } from '../reply.js';
import type { SubcommandInput } from '../types.js';
import { problemWords } from './problem-words.js';
import { describe, EXAMPLE, localTime, notFound, withDigests } from './shared.js';

export const list: SubcommandInput = {
  name: 'list',
  description: 'List this workspace’s digest subscriptions',
  usage: 'list',
  handler: withDigests(async (digests, { ctx }) => {
    const views = await digests.list(ctx, ctx.now);
    if (views.length === 0) return notice('No digests yet', `Nothing is scheduled. Try ${EXAMPLE}.`);
    return notice('Digest subscriptions', views.map((v) => describe(v, ctx.now)).join('\n'));
  }),
};

export const preview: SubcommandInput = {
  name: 'preview',
  description: 'Show the digest now, only to you',
  usage: 'preview',
  // Rendered from the knowledge base directly: a preview posts and records nothing.
  handler: ({ ctx }): Reply => {
    const timeZone = ctx.services.defaultTimezone;
    const reply = buildDigestReply(ctx.services.knowledge.digest({ since: null }), { since: null, timeZone });
    return { ...reply, title: `Preview: ${reply.title}`, shareable: false };
  },
};

export const status: SubcommandInput = {
  name: 'status',
  description: 'Last delivery and last error of subscriptions',
  usage: 'status [id]',
  options: [
    {
      name: 'id',
      description: 'Number of the subscription to inspect (see /digest list)',
      type: 'integer',
      minValue: 1,
      autocomplete: true,
    },
  ],
  handler: withDigests(async (digests, { options, ctx }) => {
    const localId = options.id === undefined ? undefined : Number(options.id);
    const views = await digests.status(ctx, ctx.now, localId);
    if (localId !== undefined && views.length === 0) return notFound(localId, 'status');
    if (views.length === 0) return notice('No digests yet', `Nothing is scheduled. Try ${EXAMPLE}.`);
    return {
      title: 'Digest status',
      sections: views.map((v) => ({ heading: describe(v, ctx.now), text: statusLines(v).join('\n') })),
      tone: 'notice',
      shareable: false,
    };
  }),
};

function statusLines(v: StatusView): string[] {
  const lines = [
    v.lastDelivery
      ? `Last delivered: ${localTime(v.lastDelivery.updatedAt, v.timezone)}`
      : 'Last delivered: never',
  ];
  const p = v.lastProblem;
  if (p) {
    lines.push(
      `Last problem: ${p.status} for the ${localTime(p.slot, v.timezone)} slot (${problemWords(p)})`,
    );
  }
  if (v.uncertain > 0) {
    lines.push(
      `${v.uncertain} delivery(ies) uncertain: a post was interrupted and may have landed, so it was not sent again.`,
    );
    for (const d of v.uncertainDeliveries)
      lines.push(`• ${localTime(d.slot, v.timezone)}: ${d.errorReason ?? 'interrupted while posting'}`);
  }
  if (v.missed > 0) lines.push(`${v.missed} slot(s) missed while the bot was not running.`);
  if (v.paused)
    lines.push(`Paused: ${v.pausedReason ?? 'by an admin'}. Resume with \`/digest resume ${v.localId}\`.`);
  return lines;
}
