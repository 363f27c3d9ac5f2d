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

export function measureRedaction(progress: (line: string) => void): Figure[] {
  const text = mixedText(SIZE);
  let output = '';
  const cpuSeconds: number[] = [];
  const wallSeconds: number[] = [];
  redactText(text, DEFAULT_RULES, {}); // warm-up: compiles the rules' regular expressions
  for (let i = 0; i < RUNS; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    output = redactText(text, DEFAULT_RULES, {});
    wallSeconds.push((performance.now() - started) / 1000);
    const used = process.cpuUsage(cpu);
    cpuSeconds.push((used.user + used.system) / 1e6);
  }
  // A fast engine that lets secrets through would measure nothing.
  const leaked = Object.entries(PLANTED_SECRETS)
    .filter(([, secret]) => output.includes(secret))
    .map(([name]) => name);
  if (leaked.length) throw new Error(`redaction let through: ${leaked.join(', ')}`);
  const throughput = SIZE / MB / median(cpuSeconds);
  const wallThroughput = SIZE / MB / median(wallSeconds);
  progress(`  redaction: ${throughput.toFixed(1)} MB per CPU second, ${wallThroughput.toFixed(1)} MB/s of wall time`);
  return [
    {
      item: 9,
      label: 'Redaction throughput, 5 MB of mixed text, default rules (per CPU second)',
      value: round(throughput, 1),
      unit: 'MB/s',
      digits: 1,
      budget: 'redaction-throughput',
      how: `redactText over the whole text in Node, median of ${RUNS} runs after a warm-up: ${(median(cpuSeconds) * 1000).toFixed(0)} ms of CPU for 5,000,000 characters (${wallThroughput.toFixed(1)} MB/s of wall time).`,
      detail: { cpuSeconds, wallSeconds },
    },
  ];
}
