import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { loadKnowledge } from '../src/knowledge/index.js';
import { packageRoot } from '../src/knowledge/paths.js';
import { benchDiscordEndToEnd } from './discord-e2e.js';
import { benchDiscordFanOut } from './fanout-discord.js';
import { benchSlackFanOut } from './fanout-slack.js';
import { benchKnowledge } from './knowledge.js';
import { performanceDoc } from './performance-doc.js';
import { loadQuestions } from './questions.js';
import { type BenchResults, markdownTable, resultRows } from './report.js';
import { benchSlackEndToEnd } from './slack-e2e.js';
import { benchStartup } from './startup.js';

/** `npm run bench [-- --quick] [-- --only=knowledge,slack,discord,fanout,startup]` */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (name: string) => !only || only.includes(name);

/**
 * Full runs warm up with 4,000 request pairs before timing: both apps keep getting faster for about
 * that long (two seconds of Bolt, discord.js and our code being compiled by the engine; a bare Bolt
 * round trip goes from 0.34 to 0.15 ms), and a run that times the warm-up measures the compiler.
 */
const SIZES = quick
  ? { kbPasses: 5, samples: 150, warmup: 20, channels: 200, startupRuns: 1, idleSeconds: 2 }
  : { kbPasses: 30, samples: 3000, warmup: 4000, channels: 1000, startupRuns: 3, idleSeconds: 5 };
/** Posts in flight at once during a fan-out: the digest runtime's default. */
const FAN_OUT_CONCURRENCY = 4;
const SLACK_WORKSPACE_PER_SECOND = 100;

const results: BenchResults = {
  generatedAt: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
  environment: {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
  },
  errors: {},
};

async function step(name: string, run: () => Promise<void> | void): Promise<void> {
  if (!wanted(name)) return;
  const started = performance.now();
  process.stderr.write(`bench: ${name}…\n`);
  try {
    await run();
  } catch (error) {
    results.errors[name] = error instanceof Error ? error.message : String(error);
  }
  process.stderr.write(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

const knowledge = loadKnowledge();
const questions = loadQuestions().questions;

await step('knowledge', () => {
  results.knowledge = benchKnowledge({ scales: [1, 10, 100], passes: SIZES.kbPasses, maxMsPerScale: 20_000 });
});
await step('slack', async () => {
  results.slack = {
    ask: await benchSlackEndToEnd(
      knowledge,
      questions.map((q) => `ask ${q}`),
      SIZES.samples,
      SIZES.warmup,
    ),
    sources: await benchSlackEndToEnd(knowledge, ['sources'], SIZES.samples, SIZES.warmup),
  };
});
await step('discord', async () => {
  results.discord = {
    ask: await benchDiscordEndToEnd(
      knowledge,
      questions.map((q) => ({ subcommand: 'ask', options: { question: q } })),
      SIZES.samples,
      SIZES.warmup,
    ),
    sources: await benchDiscordEndToEnd(knowledge, [{ subcommand: 'sources' }], SIZES.samples, SIZES.warmup),
  };
});
await step('fanout', async () => {
  results.fanOut = {
    discord: await benchDiscordFanOut(knowledge, SIZES.channels, FAN_OUT_CONCURRENCY),
    slack: await benchSlackFanOut(knowledge, {
      channels: SIZES.channels,
      concurrency: FAN_OUT_CONCURRENCY,
      workspacePerSecond: SLACK_WORKSPACE_PER_SECOND,
    }),
  };
});
await step('startup', async () => {
  results.startup = await benchStartup(SIZES.startupRuns, SIZES.idleSeconds);
});

const table = markdownTable(resultRows(results));
process.stdout.write(`\n${table}\n`);
const dir = join(packageRoot(), 'bench');
// Only a full run of every scenario replaces the committed results and the README section.
if (!quick && !only) {
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'PERFORMANCE.md'), performanceDoc(results, table));
  process.stderr.write('bench: wrote bench/results.json and bench/PERFORMANCE.md\n');
} else {
  writeFileSync(join(dir, 'results-partial.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stderr.write('bench: wrote bench/results-partial.json (quick or partial run)\n');
}
// Keep-alive sockets of the clients under test would hold the process open for a while.
process.exit(Object.keys(results.errors).length > 0 ? 1 : 0);
