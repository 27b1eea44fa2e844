import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { packageRoot } from '../src/knowledge/paths.js';
import { startFakeDiscord } from '../tests/fakes/discord/index.js';
import { startFakeSlack } from '../tests/fakes/slack/server.js';
import { SLACK_BOT_TOKEN, SLACK_SECRET } from './ours.js';
import { percentile, round } from './stats.js';

export interface StartupResult {
  runs: number;
  /** Spawn → first `GET /healthz` 200 (median of runs). */
  healthzMs: number;
  /** Spawn → "newsroom bot started" logged: both adapters connected and the scheduler running. */
  startedMs: number;
  /** Resident set after `idleSeconds` of doing nothing (median of runs). */
  idleRssMb: number;
  idleSeconds: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return kb / 1024;
}

async function healthy(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** One `newsroom start` with Slack (HTTP) and Discord against local fakes. */
async function startOnce(idleMs: number): Promise<{ healthzMs: number; startedMs: number; rssMb: number }> {
  const slack = await startFakeSlack({ botToken: SLACK_BOT_TOKEN });
  const discord = await startFakeDiscord();
  const dataDir = mkdtempSync(join(tmpdir(), 'newsroom-bench-'));
  const port = await freePort();
  const root = packageRoot();
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    SLACK_BOT_TOKEN,
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.state.applicationId,
    DISCORD_API_URL: discord.restUrl,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), 'start'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let startedMs = Number.NaN;
  let output = '';
  const watch = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (Number.isNaN(startedMs) && output.includes('newsroom bot started'))
      startedMs = performance.now() - t0;
  };
  child.stdout.on('data', watch);
  child.stderr.on('data', watch);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    let healthzMs = Number.NaN;
    const deadline = t0 + 30_000;
    while (performance.now() < deadline && child.exitCode === null) {
      if (Number.isNaN(healthzMs) && (await healthy(port))) healthzMs = performance.now() - t0;
      if (!Number.isNaN(healthzMs) && !Number.isNaN(startedMs)) break;
      await sleep(5);
    }
    if (Number.isNaN(healthzMs) || Number.isNaN(startedMs)) {
      throw new Error(`newsroom start did not become ready:\n${output.slice(-2_000)}`);
    }
    await sleep(idleMs);
    const pid = child.pid;
    if (pid === undefined) throw new Error('no pid');
    return { healthzMs, startedMs, rssMb: rssMb(pid) };
  } finally {
    child.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!stopped) child.kill('SIGKILL');
    await slack.close();
    await discord.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchStartup(runs: number, idleSeconds: number): Promise<StartupResult> {
  if (!existsSync(join(packageRoot(), 'dist', 'cli.js'))) throw new Error('run `npm run build` first');
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await startOnce(idleSeconds * 1000));
  const median = (xs: number[]) => percentile(xs, 50);
  return {
    runs,
    healthzMs: round(median(results.map((r) => r.healthzMs)), 0),
    startedMs: round(median(results.map((r) => r.startedMs)), 0),
    idleRssMb: round(median(results.map((r) => r.rssMb)), 1),
    idleSeconds,
  };
}
