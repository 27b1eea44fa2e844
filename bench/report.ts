import type { Comparison } from './compare.js';
import type { FanOutResult } from './fanout.js';
import type { KnowledgeResult } from './knowledge.js';
import type { StartupResult } from './startup.js';

export interface BenchResults {
  generatedAt: string;
  mode: 'full' | 'quick';
  environment: { node: string; cpus: number; cpuModel: string; loadAverage: number[] };
  knowledge?: KnowledgeResult;
  slack?: { ask: Comparison; sources: Comparison };
  discord?: { ask: Comparison; sources: Comparison };
  fanOut?: { discord?: FanOutResult; slack?: FanOutResult };
  startup?: StartupResult;
  errors: Record<string, string>;
}

type Row = [measure: string, result: string, target: string, met: string];

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const yes = (ok: boolean) => (ok ? 'yes' : '**no**');

function comparisonRows(platform: string, c: { ask: Comparison; sources: Comparison }): Row[] {
  const line = (x: Comparison) =>
    `ours ${ms(x.ours.p50)} / ${ms(x.ours.p99)}, bare ${ms(x.baseline.p50)} / ${ms(x.baseline.p99)}`;
  return [
    [`${platform} \`/election ask\` p50 / p99`, line(c.ask), '', ''],
    [
      `${platform} \`/election ask\` ratio p50`,
      c.ask.p50Ratio.toFixed(2),
      '≤ 1.15',
      yes(c.ask.p50Ratio <= 1.15),
    ],
    [
      `${platform} \`/election ask\` ratio p99`,
      c.ask.p99Ratio.toFixed(2),
      '≤ 1.15',
      yes(c.ask.p99Ratio <= 1.15),
    ],
    [
      `${platform} \`/election sources\` ratio p50 / p99 (adapter overhead alone)`,
      `${c.sources.p50Ratio.toFixed(2)} / ${c.sources.p99Ratio.toFixed(2)}`,
      'reference',
      '',
    ],
  ];
}

function fanOutRows(platform: string, f: FanOutResult): Row[] {
  return [
    [
      `${platform} digest fan-out: ${f.channels} channels × ${f.partsPerChannel} message (${f.limits})`,
      `${f.wallSeconds} s (theoretical ${f.theoreticalSeconds} s)`,
      '',
      '',
    ],
    [`${platform} fan-out share of the ceiling`, pct(f.efficiency), '≥ 90%', yes(f.efficiency >= 0.9)],
    [
      `${platform} fan-out 429s received`,
      `${f.rateLimited} (${pct(f.rateLimitedShare)} of posts)`,
      '< 1%',
      yes(f.rateLimitedShare < 0.01),
    ],
    [
      `${platform} fan-out duplicates / missing / failed`,
      `${f.duplicates} / ${f.missing} / ${f.failures}`,
      '0 / 0 / 0',
      yes(f.duplicates === 0 && f.missing === 0 && f.failures === 0),
    ],
  ];
}

export function resultRows(r: BenchResults): Row[] {
  const rows: Row[] = [];
  if (r.knowledge) {
    const base = r.knowledge.scales[0];
    for (const s of r.knowledge.scales) {
      const growth = base ? ` (p50 ×${(s.ask.p50 / base.ask.p50).toFixed(1)} of 1×)` : '';
      rows.push([
        `Knowledge \`ask\` at ${s.scale}× (${s.facts} facts, ${s.sources} source${s.sources === 1 ? '' : 's'}; built in ${ms(s.buildMs)})`,
        `p50 ${ms(s.ask.p50)}, p99 ${ms(s.ask.p99)}${growth}; answered ${s.answered} of ${r.knowledge?.questions}`,
        '',
        '',
      ]);
    }
  }
  if (r.slack) rows.push(...comparisonRows('Slack', r.slack));
  if (r.discord) rows.push(...comparisonRows('Discord', r.discord));
  if (r.fanOut?.discord) rows.push(...fanOutRows('Discord', r.fanOut.discord));
  if (r.fanOut?.slack) rows.push(...fanOutRows('Slack', r.fanOut.slack));
  if (r.startup) {
    const s = r.startup;
    rows.push([
      `\`newsroom start\` (Slack HTTP + Discord) to \`/healthz\` 200 / to "started"`,
      `${ms(s.healthzMs)} / ${ms(s.startedMs)} (median of ${s.runs})`,
      '',
      '',
    ]);
    rows.push([`Idle RSS after ${s.idleSeconds} s`, `${s.idleRssMb} MB`, '', '']);
  }
  for (const [name, message] of Object.entries(r.errors))
    rows.push([name, `failed: ${message}`, '', '**no**']);
  return rows;
}

export function markdownTable(rows: Row[]): string {
  const escapeCell = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    '| Measure | Result | Target | Met |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
  ].join('\n');
}
