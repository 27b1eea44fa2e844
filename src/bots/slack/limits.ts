/**
 * Every Slack number the adapter respects, in one place (see platform-limits.md).
 * Renderer tests exercise each of these at and just past its edge.
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** `text` of a section block. */
  sectionText: 3_000,
  /** `text` of a header block (plain_text). */
  headerText: 150,
  /** Elements in one context block. */
  contextElements: 10,
  /** `text` of one context element. */
  contextElementText: 3_000,
  /** `text` of a button. */
  buttonText: 75,
  /** `value` of a button: carries the command to re-run on "Share to channel". */
  buttonValue: 2_000,
  /**
   * Characters of blocks plus fallback per message. Slack answers `msg_too_long` near 13 k,
   * well before the sum of the per-block limits, so we split below that with some margin.
   */
  messageChars: 12_000,
  /** The top-level `text` fallback (notifications, screen readers); short by design. */
  fallbackText: 2_000,
  /** A `response_url` accepts this many posts (within 30 minutes). */
  responseUrlUses: 5,
  /** Slash commands must be acknowledged within 3 s; we answer in the ack if ready by this. */
  ackBudgetMs: 2_500,
  /** Delivery ids in message metadata, matched by `findDelivery`. */
  historyPageSize: 200,
} as const;

/**
 * chat.postMessage pacing (pacing.ts). Slack: about 1 message per second per channel with short
 * bursts, and "several hundred per minute" across a workspace; 300/min is the safe reading.
 * Deployments that know their workspace allows more pass `pacing` to the adapter.
 */
export const SLACK_POST_PACING = {
  channelBurst: 2,
  channelWindowMs: 2_000,
  workspacePosts: 5,
  workspaceWindowMs: 1_000,
  headroom: 0.95,
} as const;

/** `event_type` of the message metadata that carries a digest's delivery id. */
export const DELIVERY_EVENT_TYPE = 'newsroom_delivery';

/** action_id of the "Share to channel" button. */
export const SHARE_ACTION_ID = 'newsroom_share';
