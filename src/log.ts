import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level: string;
  /** Exact values to mask wherever they appear, including inside nested error messages. */
  secrets: string[];
  /** Where lines go (stderr by default, so stdout stays clean for `ask --jsonl`). */
  destination?: { write(line: string): unknown };
}

const MASK = '[redacted]';

/**
 * Structured logs that cannot leak a configured secret: every serialised line is scrubbed
 * before it is written, so no call site can forget.
 */
export function createLogger(options: LoggerOptions): Logger {
  const out = options.destination ?? process.stderr;
  const secrets = [...new Set(options.secrets.filter((s) => s.length >= 4))].sort(
    (a, b) => b.length - a.length,
  );
  const stream: DestinationStream = {
    write(line: string) {
      let safe = line;
      for (const secret of secrets) safe = safe.split(secret).join(MASK);
      out.write(safe);
    },
  };
  return pino(
    {
      level: options.level,
      base: undefined,
      // Belt and braces: well-known header and field names are masked even when not configured.
      redact: {
        paths: [
          'token',
          '*.token',
          'authorization',
          '*.authorization',
          'headers.authorization',
          '*.headers.authorization',
        ],
        censor: MASK,
      },
    },
    stream,
  );
}

/** A logger that discards everything, for tests and tools that print their own output. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
