import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../helpers/cli.js';

/** `newsroom start` as a deployment runs it: the built CLI in its own process, logging JSON to stderr. */
export interface SpawnedBot {
  /** `http://127.0.0.1:<port>` where /healthz and /metrics answer. */
  base: string;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  stop(): Promise<number | null>;
}

interface LogLine {
  msg?: string;
  port?: number;
}

/** Lines that announce which port the ops routes ended up on (PORT=0 picks a free one). */
const PORT_MESSAGES = [/^ops server listening/, /^slack adapter started/];

/**
 * Spawns the CLI with a clean environment (plus `env`) and resolves once it is up; rejects with
 * its output if it exits first. LOG_LEVEL is trace so the whole output can be scanned for secrets.
 */
export async function spawnBot(env: Record<string, string>): Promise<SpawnedBot> {
  const child = spawn(process.execPath, [CLI, 'start'], {
    // Not the repository: a developer's own .env there must not leak into the test.
    cwd: tmpdir(),
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'newsroom-ops-')),
      PORT: '0',
      LOG_LEVEL: 'trace',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let buffered = '';
  let port: number | undefined;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const started = new Promise<void>((resolve, reject) => {
    const onLine = (line: string) => {
      let parsed: LogLine;
      try {
        parsed = JSON.parse(line) as LogLine;
      } catch {
        return;
      }
      const msg = parsed.msg ?? '';
      if (PORT_MESSAGES.some((re) => re.test(msg)) && typeof parsed.port === 'number') port = parsed.port;
      if (msg === 'newsroom bot started') {
        if (port === undefined) reject(new Error(`started without announcing a port:\n${output}`));
        else resolve();
      }
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk;
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    void exited.then((code) => reject(new Error(`newsroom exited (${code}) before starting:\n${output}`)));
  });
  try {
    await started;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  if (child.exitCode === null) child.kill('SIGTERM');
  return exited;
}
