import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'node_modules', '.cache', 'newsroom-digest-worker');
export const WORKER_MAIN = join(OUT, 'tests', 'digests', 'worker', 'main.js');

/**
 * Compiles tests/digests/worker/main.ts and what it imports into a private directory, so spawned
 * processes run the real code without depending on (or racing) the project-wide `dist/` build.
 */
export function buildWorker(): void {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tests/digests/tsconfig.worker.json')], {
    encoding: 'utf8',
  });
  // Type errors elsewhere in the tree still emit; only a missing entry point is fatal here.
  if (!existsSync(WORKER_MAIN)) throw new Error(`worker build failed:\n${result.stdout}${result.stderr}`);
}

export interface Worker {
  child: ChildProcess;
  lines: string[];
  /** Resolves once the worker has printed `line` (after any earlier occurrence is cleared). */
  waitFor(line: string): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, [WORKER_MAIN], {
    env: { ...process.env, TICK_CRON: '* * * * * *', PORT: '0', LISTEN_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<{ line: string; resolve: () => void }> = [];
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      lines.push(line);
      for (const w of waiters.filter((w) => w.line === line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const exited = once(child, 'exit').then(([code, signal]) => {
    if (code !== 0 && signal === null) process.stderr.write(`worker exited ${code}:\n${stderr}\n`);
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  return {
    child,
    lines,
    exited,
    waitFor: (line) => new Promise<void>((resolve) => waiters.push({ line, resolve })),
  };
}

/** Polls `check` until true; the deadline only turns a hang into a readable failure. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 25_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
