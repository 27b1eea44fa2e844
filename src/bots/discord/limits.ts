/**
 * Every Discord limit the adapter enforces, in one place (../shared/platform-limits.md).
 * Where Discord changes a number, it changes here and nowhere else.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** All embeds of one message together: title, description, fields, footer, author. */
  embedsTotal: 6000,
  /** Button custom_id. */
  customId: 100,
  nonce: 25,
  /** The first interaction response must arrive within 3 s. */
  interactionResponseMs: 3000,
} as const;

/** Error codes that are permanent for a channel until someone acts. */
export const PERMANENT_CHANNEL_CODES: Readonly<Record<number, string>> = {
  10003: 'The channel no longer exists (Unknown Channel).',
  10008: 'The message no longer exists (Unknown Message).',
  50001: 'The bot cannot see this channel (Missing Access). Add the bot to the channel.',
  50007: 'The user does not accept direct messages from the bot.',
  50013:
    'The bot lacks permission to post here (Missing Permissions): it needs Send Messages and Embed Links.',
};
