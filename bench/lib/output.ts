/** Writes bench/results/latest.{json,md} and the table in docs/performance.md. */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { budgetOf, markdownTable, verdict, type Figure } from './figures';

const ROOT = resolve(import.meta.dirname, '../..');
const TABLE_START = '<!-- bench:latest:start -->';
const TABLE_END = '<!-- bench:latest:end -->';

export interface RunInfo {
  startedAt: Date;
  seconds: number;
  chromium: string;
  loadAverage: { start: number[]; end: number[] };
}

export function summary(figures: Figure[], run: RunInfo): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
  return [
    `Run ${run.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC in ${Math.round(run.seconds)} s; ${run.chromium}, Node ${process.version}, ` +
      `${cpus().length} cores, load average ${load(run.loadAverage.start)} at the start and ${load(run.loadAverage.end)} at the end.`,
    '',
    markdownTable(figures),
  ].join('\n');
}

export async function writeResults(figures: Figure[], run: RunInfo): Promise<void> {
  const json = {
    startedAt: run.startedAt.toISOString(),
    seconds: Math.round(run.seconds),
    chromium: run.chromium,
    node: process.version,
    cores: cpus().length,
    loadAverage: run.loadAverage,
    figures: figures.map((f) => ({ ...f, budgetLimit: budgetOf(f) ?? null, verdict: verdict(f) })),
  };
  await writeFile(resolve(ROOT, 'bench/results/latest.json'), JSON.stringify(json, null, 2) + '\n');
  const table = summary(figures, run);
  await writeFile(resolve(ROOT, 'bench/results/latest.md'), `# Mayday bench: latest run\n\n${table}\n`);
  // The docs keep their own prose; only the part between the markers is the latest run.
  const docs = resolve(ROOT, 'docs/performance.md');
  const text = await readFile(docs, 'utf8').catch(() => '');
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start >= 0 && end > start)
    await writeFile(docs, `${text.slice(0, start + TABLE_START.length)}\n${table}\n${text.slice(end)}`);
}
