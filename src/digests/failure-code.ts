/**
 * Typed codes the ledger stores in `error_code` for failures we classify ourselves. The raw error
 * goes to the log only: its text (addresses, SQL, stack fragments) must never reach a chat. A
 * PermanentChannelError keeps its platform code (`channel_not_found`, `50013`) with its own
 * human `reason`; these codes cover everything else.
 */
export const FAILURE_CODES = {
  /** The platform kept failing (timeouts, 5xx, refused connections) through every retry. */
  postFailed: 'post_failed',
  /** The platform kept answering 429 through every retry. */
  rateLimited: 'rate_limited',
  /** Our side (database, content) kept crashing the delivery. */
  internal: 'internal',
  /** This process does not run the subscription's platform. */
  noAdapter: 'no_adapter',
} as const;
export type FailureCode = (typeof FAILURE_CODES)[keyof typeof FAILURE_CODES];

/**
 * Classifies a transient post failure without importing an SDK: Slack's WebClient marks an
 * exhausted rate limit with `code: 'slack_webapi_rate_limited_error'`, discord.js with
 * `status: 429` or a `RateLimitError`.
 */
export function transientFailureCode(error: unknown): FailureCode {
  if (typeof error !== 'object' || error === null) return FAILURE_CODES.postFailed;
  const e = error as { code?: unknown; status?: unknown; name?: unknown };
  const rateLimited =
    e.status === 429 ||
    e.name === 'RateLimitError' ||
    (typeof e.code === 'string' && /rate_?limit/i.test(e.code));
  return rateLimited ? FAILURE_CODES.rateLimited : FAILURE_CODES.postFailed;
}
