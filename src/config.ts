import { z } from 'zod';

/** Empty strings in a .env file mean "not set", the way most deployment tools treat them. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const timeZone = z.string().refine(isValidTimeZone, {
  message: 'is not a known IANA time zone (e.g. America/New_York, Europe/Berlin, UTC)',
});
const url = (example: string) => z.url({ message: `must be a URL (e.g. ${example})` });
const wholeNumber = (example: number, min = 0) =>
  z.coerce
    .number({ message: `must be a whole number (e.g. ${example})` })
    .int({ message: `must be a whole number (e.g. ${example})` })
    .min(min, { message: `must be at least ${min} (e.g. ${example})` });

export const envSchema = z
  .object({
    SLACK_BOT_TOKEN: optional(
      z
        .string()
        .regex(/^xoxb-\S+$/, { message: 'must be a bot token starting with xoxb- (e.g. xoxb-123-456-abc)' }),
    ),
    SLACK_SIGNING_SECRET: optional(
      z.string().regex(/^\S{8,}$/, {
        message: 'must be the app’s signing secret (32 hex characters, from Basic Information)',
      }),
    ),
    SLACK_APP_TOKEN: optional(
      z.string().regex(/^xapp-\S+$/, {
        message: 'must be an app-level token starting with xapp- (e.g. xapp-1-A123-456-abc)',
      }),
    ),
    SLACK_API_URL: optional(url('https://slack.com/api/')),
    SLACK_ADMIN_USER_IDS: optional(
      z
        .string()
        .transform((s) =>
          s
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean),
        )
        .pipe(
          z.array(
            z.string().regex(/^[UW][A-Z0-9]+$/, {
              message: 'must be comma-separated Slack user ids (e.g. U012ABCDEF,U034GHIJKL)',
            }),
          ),
        ),
    ),
    PUBLIC_URL: optional(url('https://newsroom-bot.example.org')),
    DISCORD_TOKEN: optional(
      z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, {
        message: 'is not shaped like a bot token (three dot-separated parts, e.g. MTEy….GhIj.kLmN…)',
      }),
    ),
    DISCORD_APPLICATION_ID: optional(
      z
        .string()
        .regex(/^\d{15,21}$/, { message: 'must be the numeric application id (e.g. 123456789012345678)' }),
    ),
    DISCORD_API_URL: optional(url('https://discord.com/api')),
    DISCORD_SHARDS: optional(
      z.union([z.literal('auto'), wholeNumber(2, 1)], {
        message: 'must be "auto" or a whole number of shards (e.g. 2)',
      }),
    ),
    DATABASE_URL: optional(
      z.string().regex(/^postgres(ql)?:\/\/\S+$/, {
        message: 'must be a PostgreSQL URL (e.g. postgres://user@localhost:5432/newsroom)',
      }),
    ),
    DATA_DIR: z.string().default('./data'),
    PORT: optional(
      wholeNumber(3000, 0).max(65535, { message: 'must be a port number up to 65535 (e.g. 3000)' }),
    ).transform((v) => v ?? 3000),
    LOG_LEVEL: optional(
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'must be one of fatal, error, warn, info, debug, trace, silent (e.g. info)',
      }),
    ),
    DEFAULT_TIMEZONE: optional(timeZone).transform((v) => v ?? 'UTC'),
    DIGEST_GRACE_MINUTES: optional(wholeNumber(30)).transform((v) => v ?? 30),
    DIGEST_MIN_INTERVAL_MINUTES: optional(wholeNumber(15, 1)).transform((v) => v ?? 15),
  })
  .superRefine((env, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET) {
      problem(
        'SLACK_SIGNING_SECRET',
        'is required when SLACK_BOT_TOKEN is set (from the app’s Basic Information page)',
      );
    }
    if (env.SLACK_SIGNING_SECRET && !env.SLACK_BOT_TOKEN) {
      problem('SLACK_BOT_TOKEN', 'is required when SLACK_SIGNING_SECRET is set (e.g. xoxb-123-456-abc)');
    }
    if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN) {
      problem('SLACK_BOT_TOKEN', 'is required when SLACK_APP_TOKEN is set (e.g. xoxb-123-456-abc)');
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface Config extends Env {
  slack: { mode: 'http' | 'socket' } | null;
  discord: boolean;
  /** LOG_LEVEL, or by default `info` for a server and `warn` for the console, whose terminal is its UI. */
  logLevel: NonNullable<Env['LOG_LEVEL']>;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads the environment once. Problems come back one readable line each; values never echo back. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`,
    );
    return { ok: false, problems: [...new Set(problems)] };
  }
  const e = parsed.data;
  const slack = e.SLACK_BOT_TOKEN
    ? { mode: e.SLACK_APP_TOKEN ? ('socket' as const) : ('http' as const) }
    : null;
  const discord = Boolean(e.DISCORD_TOKEN);
  const logLevel = e.LOG_LEVEL ?? (slack || discord ? 'info' : 'warn');
  return { ok: true, config: { ...e, slack, discord, logLevel } };
}

/** Values that must never appear in a log line or a chat message. */
export function secretsOf(config: Env): string[] {
  return [
    config.SLACK_BOT_TOKEN,
    config.SLACK_SIGNING_SECRET,
    config.SLACK_APP_TOKEN,
    config.DISCORD_TOKEN,
    config.DATABASE_URL,
  ].filter((s): s is string => typeof s === 'string' && s.length >= 4);
}
