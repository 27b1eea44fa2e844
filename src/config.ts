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

export const envSchema = z.object({
  SLACK_BOT_TOKEN: optional(
    z
      .string()
      .regex(/^xoxb-\S+$/, { message: 'must be a bot token starting with xoxb- (e.g. xoxb-123-456-abc)' }),
  ),
  SLACK_SIGNING_SECRET: optional(
    z.string().regex(/^\S{8,}$/, {
      message: 'must be the app’s signing secret (at least 8 characters, from Basic Information)',
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
  DATA_DIR: optional(z.string()).transform((v) => v ?? './data'),
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
});

/**
 * Settings that only make sense together. Checked on the raw environment, beside the schema, so
 * these lines appear even when another variable is also wrong: every problem, one line each.
 */
function pairingProblems(env: NodeJS.ProcessEnv): string[] {
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  const problems: string[] = [];
  if (set('SLACK_BOT_TOKEN') && !set('SLACK_SIGNING_SECRET')) {
    problems.push(
      'SLACK_SIGNING_SECRET is required when SLACK_BOT_TOKEN is set (from the app’s Basic Information page)',
    );
  }
  if (!set('SLACK_BOT_TOKEN') && (set('SLACK_SIGNING_SECRET') || set('SLACK_APP_TOKEN'))) {
    const given = set('SLACK_SIGNING_SECRET') ? 'SLACK_SIGNING_SECRET' : 'SLACK_APP_TOKEN';
    problems.push(`SLACK_BOT_TOKEN is required when ${given} is set (e.g. xoxb-123-456-abc)`);
  }
  return problems;
}

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
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`)),
    ...pairingProblems(env),
  ];
  if (!parsed.success || problems.length > 0) return { ok: false, problems: [...new Set(problems)] };
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
    // A driver error may quote the password alone, raw or percent-decoded.
    ...databasePassword(config.DATABASE_URL),
  ].filter((s): s is string => typeof s === 'string' && s.length >= 4);
}

function databasePassword(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const { password } = new URL(url);
    return password ? [password, decodeURIComponent(password)] : [];
  } catch {
    return [];
  }
}
