import type { Adapter } from '../bots/adapter.js';
import type { Platform } from '../storage/types.js';

/**
 * May a delivery whose earlier attempt might have landed be posted again? Only while the
 * platform guarantees a repeat with the same delivery id creates nothing new (Discord's nonce
 * window), counted from the first attempt of any holder.
 */
export function repostIsHarmless(
  adapter: Pick<Adapter, 'idempotentRepostMs'>,
  postingStartedAt: string | null,
  now: Date,
): boolean {
  if (postingStartedAt === null) return false;
  return now.getTime() - new Date(postingStartedAt).getTime() < adapter.idempotentRepostMs;
}

const NAMES: Record<Platform, string> = { slack: 'Slack', discord: 'Discord', console: 'the console' };

/** What an admin reads in `/digest status` for an uncertain delivery. */
export function uncertainReason(platform: Platform, idempotentRepostMs: number): string {
  const why =
    idempotentRepostMs > 0
      ? `${NAMES[platform]} only guards against a duplicate for ${Math.round(idempotentRepostMs / 60_000)} minutes, and the retry came later`
      : `${NAMES[platform]} could not be asked whether it landed`;
  return (
    `the bot was interrupted while posting this digest and ${why}. It was not posted again, to avoid ` +
    'a duplicate: look in the channel, and use /digest send-now if it is missing'
  );
}
