import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => lines.push(line) } };
}

describe('createLogger', () => {
  it('masks configured secrets wherever they appear: message, fields, nested errors', () => {
    const out = capture();
    const secret = 'xoxb-123-456-topsecret';
    const log = createLogger({ level: 'info', secrets: [secret], destination: out.destination });
    log.info(`token is ${secret}`);
    log.warn({ request: { body: `t=${secret}` } }, 'request');
    log.error({ err: new Error(`auth failed for ${secret}`) }, 'failure');
    expect(out.lines).toHaveLength(3);
    for (const line of out.lines) {
      expect(line).not.toContain(secret);
      expect(line).toContain('[redacted]');
    }
  });

  it('masks well-known credential fields even when no secret is configured', () => {
    const out = capture();
    const log = createLogger({ level: 'info', secrets: [], destination: out.destination });
    log.info({ headers: { authorization: 'Bot abc.def.ghi' }, token: 'xapp-1' }, 'call');
    expect(out.lines[0]).not.toContain('abc.def.ghi');
    expect(out.lines[0]).not.toContain('xapp-1');
  });

  it('respects the level', () => {
    const out = capture();
    const log = createLogger({ level: 'warn', secrets: [], destination: out.destination });
    log.info('quiet');
    log.warn('loud');
    expect(out.lines).toHaveLength(1);
  });
});
