/**
 * Registered in vitest.config.ts for every test file: records everything written to stdout,
 * stderr and the console while the file runs (the project's loggers write to stderr), then fails
 * the file if any configured test credential appears in it.
 *
 * Log lines (pino JSON) are recorded but not echoed, to keep test output readable; set
 * NEWSROOM_TEST_LOGS=1 to see them.
 */
import { afterAll } from 'vitest';
import { capturedOutput, recordOutput, resetCapture } from './captured-output.js';
import { assertNoLeaks, databaseSecrets, TEST_SECRETS } from './secret-scan.js';

type Write = typeof process.stdout.write;
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
const showLogs = Boolean(process.env.NEWSROOM_TEST_LOGS);

function text(chunk: unknown): string {
  if (typeof chunk === 'string') return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk).toString('utf8');
  return String(chunk);
}

function intercept(stream: NodeJS.WriteStream): () => void {
  const original = stream.write;
  const write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    const s = text(chunk);
    recordOutput(s);
    if (!showLogs && s.startsWith('{"level":')) {
      // Honour the callback contract even though the line is not echoed.
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }
    return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as Write;
  stream.write = write;
  return () => {
    stream.write = original;
  };
}

function interceptConsole(): () => void {
  const originals = CONSOLE_METHODS.map((m) => [m, console[m]] as const);
  for (const [name, original] of originals) {
    console[name] = (...args: unknown[]) => {
      recordOutput(`${args.map((a) => (typeof a === 'string' ? a : safeInspect(a))).join(' ')}\n`);
      original.apply(console, args);
    };
  }
  return () => {
    for (const [name, original] of originals) console[name] = original;
  };
}

function safeInspect(value: unknown): string {
  try {
    return value instanceof Error ? `${value.stack ?? value.message}` : JSON.stringify(value);
  } catch {
    return String(value);
  }
}

// Started here rather than in a hook, so output while the test file is imported counts too.
resetCapture();
let restore = [intercept(process.stdout), intercept(process.stderr), interceptConsole()];

afterAll(() => {
  for (const undo of restore) undo();
  restore = [];
  assertNoLeaks(capturedOutput(), [...TEST_SECRETS, ...databaseSecrets()]);
});
