/** Reads the knowledge folder (sources/, facts/, briefs.json), reporting every problem at once. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import {
  type BriefsInput,
  BriefsSchema,
  type Fact,
  FactFileShellSchema,
  FactSchema,
  SourceMetaSchema,
  type SourceRecord,
} from './schema.js';
import { type KnowledgeInput, verifyKnowledge } from './verify.js';

export interface ReadResult {
  input: KnowledgeInput;
  problems: string[];
}

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join('.');
      if (issue.code === 'invalid_type' && issue.input === undefined) return `missing field '${path}'`;
      return path ? `field '${path}': ${issue.message}` : issue.message;
    })
    .join('; ');
}

function readJson(path: string, label: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`${label}: not valid JSON (${(error as Error).message})`);
    return undefined;
  }
}

function listFiles(dir: string, ext: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(ext))
        .sort()
    : [];
}

function readSources(dir: string, problems: string[]): SourceRecord[] {
  const sources: SourceRecord[] = [];
  const folder = join(dir, 'sources');
  for (const file of listFiles(folder, '.txt')) {
    const id = basename(file, '.txt');
    const label = `sources/${id}.json`;
    if (!existsSync(join(folder, `${id}.json`))) {
      problems.push(`${label}: missing (every sources/${file} needs title, outlet, published and added)`);
      continue;
    }
    const raw = readJson(join(folder, `${id}.json`), label, problems);
    if (raw === undefined) continue;
    const meta = SourceMetaSchema.safeParse(raw);
    if (!meta.success) {
      problems.push(`${label}: ${describe(meta.error)}`);
      continue;
    }
    sources.push({ id, text: readFileSync(join(folder, file), 'utf8'), meta: meta.data });
  }
  if (sources.length === 0 && problems.length === 0) problems.push(`sources/: no source texts in ${folder}`);
  return sources;
}

function readFacts(dir: string, problems: string[], rejectedIds: string[]): Fact[] {
  const facts: Fact[] = [];
  for (const file of listFiles(join(dir, 'facts'), '.json')) {
    const label = `facts/${file}`;
    const raw = readJson(join(dir, 'facts', file), label, problems);
    if (raw === undefined) continue;
    const shell = FactFileShellSchema.safeParse(raw);
    if (!shell.success) {
      problems.push(`${label}: ${describe(shell.error)}`);
      continue;
    }
    shell.data.facts.forEach((item, index) => {
      const parsed = FactSchema.safeParse(item);
      if (parsed.success) {
        facts.push({ ...parsed.data, source: parsed.data.source ?? shell.data.source, origin: label });
        return;
      }
      const rawId = (item as { id?: unknown } | null)?.id;
      if (typeof rawId === 'string') rejectedIds.push(rawId);
      const name = typeof rawId === 'string' ? `'${rawId}'` : `#${index + 1} (no id)`;
      problems.push(`${label}: fact ${name}: ${describe(parsed.error)}`);
    });
  }
  return facts;
}

function readBriefs(dir: string, problems: string[]): BriefsInput | undefined {
  const path = join(dir, 'briefs.json');
  if (!existsSync(path)) return undefined;
  const raw = readJson(path, 'briefs.json', problems);
  if (raw === undefined) return undefined;
  const parsed = BriefsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  problems.push(`briefs.json: ${describe(parsed.error)}`);
  return undefined;
}

export function readKnowledgeDir(dir: string): ReadResult {
  const problems: string[] = [];
  if (!existsSync(dir)) return { input: { sources: [], facts: [] }, problems: [`${dir}: folder not found`] };
  const rejectedIds: string[] = [];
  const input: KnowledgeInput = {
    sources: readSources(dir, problems),
    facts: readFacts(dir, problems, rejectedIds),
    briefs: readBriefs(dir, problems),
    rejectedIds,
  };
  return { input, problems: [...problems, ...verifyKnowledge(input)] };
}
