import { z } from 'zod';
import type { Reply } from './reply.js';
import type { Services } from './services.js';

export const PLATFORMS = ['console', 'slack', 'discord'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Limits of Discord's command registration (platform-limits.md) double as our own house rules. */
export const optionSchema = z.object({
  name: z.string().regex(/^[a-z0-9_-]{1,32}$/),
  description: z.string().min(1).max(100),
  type: z.enum(['string', 'integer', 'channel']),
  required: z.boolean().default(false),
  choices: z.array(z.string().min(1).max(100)).max(25).optional(),
  maxLength: z.number().int().min(1).max(6000).optional(),
  minValue: z.number().int().optional(),
  autocomplete: z.boolean().default(false),
  /** In the text grammar (Slack, console) this option takes the rest of the line. */
  rest: z.boolean().default(false),
});
export type OptionDef = z.infer<typeof optionSchema>;
export type OptionValues = Record<string, string | number | undefined>;

export interface ChannelCheckOk {
  ok: true;
}
export interface ChannelCheckRefused {
  ok: false;
  /** One sentence the user can act on ("Invite the bot with /invite @newsroom in #news"). */
  reason: string;
}
export type ChannelCheck = ChannelCheckOk | ChannelCheckRefused;

/** What a handler knows about who asked and where; supplied by the adapter. */
export interface CommandContext {
  platform: Platform;
  /** Slack team id, Discord guild id, or `console`. */
  workspaceId: string;
  channelId: string;
  userId: string;
  userName?: string;
  now: Date;
  /** Asked at run time, every time: platform defaults are only defaults. */
  isAdmin(): Promise<boolean>;
  /** Is the channel in this workspace and can the bot post there? */
  checkChannel(channelId: string): Promise<ChannelCheck>;
  services: Services;
}

export interface HandlerInput {
  options: OptionValues;
  ctx: CommandContext;
}
export type Handler = (input: HandlerInput) => Reply | Promise<Reply>;

/** Result of turning free text into options; `error` is shown to the user with the usage line. */
export type TextParse = { ok: true; options: OptionValues } | { ok: false; error: string };

export const subcommandSchema = z.object({
  name: z.string().regex(/^[a-z0-9_-]{1,32}$/),
  description: z.string().min(1).max(100),
  /** Text grammar shown in help and the Slack usage hint, e.g. `threats [russia|china|compare]`. */
  usage: z.string().min(1),
  options: z.array(optionSchema).max(25).default([]),
  /** Overrides the positional text grammar where the command's grammar is richer. */
  parseText: z.custom<(text: string) => TextParse>((v) => typeof v === 'function').optional(),
  handler: z.custom<Handler>((v) => typeof v === 'function'),
});
export type Subcommand = z.infer<typeof subcommandSchema>;
export type SubcommandInput = z.input<typeof subcommandSchema>;

export const commandGroupSchema = z.object({
  name: z.string().regex(/^[a-z0-9_-]{1,32}$/),
  description: z.string().min(1).max(100),
  access: z.enum(['everyone', 'admin']),
  /** Discord: `/digest` is unusable in DMs. */
  allowInDMs: z.boolean(),
  subcommands: z.array(subcommandSchema).min(1).max(25),
  /** Subcommand that runs when the text is empty (`/election` alone → help). */
  defaultSubcommand: z.string(),
});
export type CommandGroup = z.infer<typeof commandGroupSchema>;
export type CommandGroupInput = z.input<typeof commandGroupSchema>;
