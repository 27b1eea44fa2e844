import { createLogger, type Logger } from '../../../src/log.js';
import { TOKEN } from '../../fakes/discord/index.js';

export interface LogLine {
  level: number;
  msg?: string;
  component?: string;
  err?: { message?: string };
  [key: string]: unknown;
}

/** The production logger (with the fake's token as its secret), writing into an array a test reads. */
export function recordingLogger(level = 'info'): { log: Logger; raw: string[]; lines: () => LogLine[] } {
  const raw: string[] = [];
  const log = createLogger({ level, secrets: [TOKEN], destination: { write: (l: string) => raw.push(l) } });
  return { log, raw, lines: () => raw.map((l) => JSON.parse(l) as LogLine) };
}
