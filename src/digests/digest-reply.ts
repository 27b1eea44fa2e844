import type { Reply, ReplySection } from '../commands/reply.js';
import type { BriefPoint, DigestContent } from '../knowledge/api.js';
import { formatLocal } from './next-run-words.js';

export interface DigestReplyOptions {
  /** The subscription's previous delivery; null when it never had one (or for a preview). */
  since: Date | null;
  timeZone: string;
}

/**
 * The neutral digest message: headline points, what is new since this subscription's previous
 * digest, and the as-of line. Adapters split it to fit their platform.
 */
export function buildDigestReply(content: DigestContent, options: DigestReplyOptions): Reply {
  const sections: ReplySection[] = content.points.map(toSection);
  if (options.since) {
    const when = formatDay(options.since, options.timeZone);
    if (content.newSince.length === 0) {
      sections.push({ heading: 'New since your last digest', text: `Nothing new since ${when}.` });
    } else {
      for (const [i, point] of content.newSince.entries()) {
        sections.push({
          ...toSection(point),
          heading: i === 0 ? `New since your last digest (${when})` : point.heading,
        });
      }
    }
  }
  return { title: content.title, sections, footer: content.asOf, tone: 'digest', shareable: false };
}

/** Nothing was added since the previous digest: subscriptions that opted out skip the slot. */
export function nothingNew(content: DigestContent, since: Date | null): boolean {
  return since !== null && content.newSince.length === 0;
}

function toSection(point: BriefPoint): ReplySection {
  return { heading: point.heading, text: point.text, citations: point.citations };
}

function formatDay(instant: Date, timeZone: string): string {
  return formatLocal(instant, timeZone);
}
