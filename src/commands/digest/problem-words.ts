import { FAILURE_CODES } from '../../digests/failure-code.js';
import type { Delivery } from '../../storage/types.js';

/**
 * Our typed failure codes as sentences an admin can read. A row's `errorReason` is shown only for
 * other codes: those are written by us (skips, misses, uncertain posts) or are a permanent channel
 * error's human reason. Rows of these codes written before the codes existed held raw error text,
 * which must not reach a chat, so their reason is never shown.
 */
const SENTENCES: Record<string, string> = {
  [FAILURE_CODES.postFailed]: 'the platform kept failing to accept the post, even after several tries',
  [FAILURE_CODES.rateLimited]: 'the platform kept rate-limiting the bot, even after waiting',
  [FAILURE_CODES.internal]:
    'an internal error kept interrupting the delivery; the details are in the bot’s log',
  [FAILURE_CODES.noAdapter]: 'this bot instance is not connected to that platform',
};

type Problem = Pick<Delivery, 'status' | 'errorCode' | 'errorReason'>;

/** Why a delivery did not post, as one clause (no trailing full stop). */
export function problemWords(d: Problem): string {
  const sentence = d.errorCode ? SENTENCES[d.errorCode] : undefined;
  if (sentence) return sentence;
  const reason = d.errorReason?.replace(/\.$/, '');
  if (reason) return d.errorCode ? `${d.errorCode}: ${reason}` : reason;
  return d.errorCode ?? d.status;
}
