/**
 * Item 9: the redaction engine over 5 MB of mixed text (log lines, URLs, JSON, prose, secrets).
 * Timed in CPU seconds of this process: on a shared machine wall time mostly measures the
 * neighbours. Wall time is reported beside it.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_RULES } from '../../utils/core/privacy/default-rules';
import { redactText } from '../../utils/core/privacy/redact';
import { mixedText, PLANTED_SECRETS } from '../../test/support/mixed-text';
import type { Figure } from '../lib/figures';
import { median, round } from '../lib/stats';

const MB = 1_000_000;
const SIZE = 5 * MB;
const RUNS = 5;

/**
 * The reference for the budget: one pass of the same engine (V8's irregexp) over the same text
 * with a single plain pattern, the shape of a token rule, matches handed to a replacer as
 * redactText does. A ratio to it holds on a slower machine of this kind where MB/s do not.
 */
const PLAIN_PASS = /[A-Za-z0-9_-]{20,}/g;
const plainPass = (text: string) => text.replace(PLAIN_PASS, (match) => match);

function cpuTimed(work: () => void): { cpu: number; wall: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  work();
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1e6, wall };
}

export function measureRedaction(progress: (line: string) => void): Figure[] {
  const text = mixedText(SIZE);
  let output = '';
  const cpuSeconds: number[] = [];
  const wallSeconds: number[] = [];
  const plainSeconds: number[] = [];
  // Warm-ups: compile the rules' regular expressions and the plain one.
  redactText(text, DEFAULT_RULES, {});
  plainPass(text);
  for (let i = 0; i < RUNS; i++) {
    const run = cpuTimed(() => (output = redactText(text, DEFAULT_RULES, {})));
    cpuSeconds.push(run.cpu);
    wallSeconds.push(run.wall);
    plainSeconds.push(cpuTimed(() => plainPass(text)).cpu);
  }
  // A fast engine that lets secrets through would measure nothing.
  const leaked = Object.entries(PLANTED_SECRETS)
    .filter(([, secret]) => output.includes(secret))
    .map(([name]) => name);
  if (leaked.length) throw new Error(`redaction let through: ${leaked.join(', ')}`);
  const throughput = SIZE / MB / median(cpuSeconds);
  const wallThroughput = SIZE / MB / median(wallSeconds);
  progress(`  redaction: ${throughput.toFixed(1)} MB per CPU second, ${wallThroughput.toFixed(1)} MB/s of wall time`);
  const ratios = cpuSeconds.map((seconds, i) => seconds / plainSeconds[i]);
  return [
    {
      item: 9,
      label: 'Redaction, 5 MB of mixed text, default rules ÷ one plain regular-expression pass over it (CPU time)',
      value: round(median(ratios), 1),
      unit: '×',
      digits: 1,
      budget: 'redaction-cost',
      how: `median of ${RUNS} pairs, after a warm-up: redactText ÷ \`text.replace(${PLAIN_PASS.toString()}, m => m)\` over the same text in the same process, ${(median(plainSeconds) * 1000).toFixed(0)} ms of CPU for the plain pass.`,
      detail: { ratios, plainSeconds },
    },
    {
      item: 9,
      label: 'Redaction throughput, 5 MB of mixed text, default rules (per CPU second)',
      value: round(throughput, 1),
      unit: 'MB/s',
      digits: 1,
      how: `redactText over the whole text in Node, median of ${RUNS} runs after a warm-up: ${(median(cpuSeconds) * 1000).toFixed(0)} ms of CPU for 5,000,000 characters (${wallThroughput.toFixed(1)} MB/s of wall time).`,
      detail: { cpuSeconds, wallSeconds },
    },
  ];
}
