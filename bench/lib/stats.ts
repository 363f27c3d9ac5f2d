/** Medians and the alternation every comparative figure is built from. */
import { seededRandom } from '../../test/support/mixed-text';
import type { Side } from './raw-browser';

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The value below which `p` (0..1) of the samples fall, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export type Samples = Record<Side, number[]>;

/**
 * Measures both sides `pairs` times, one side at a time: A B, then B A, then A B... so that
 * neither side always runs first, right after the other, or while the machine is warming up.
 */
export async function alternate(pairs: number, measure: (side: Side) => Promise<number>, onPair?: (done: number) => void): Promise<Samples> {
  const samples: Samples = { mayday: [], baseline: [] };
  for (let pair = 0; pair < pairs; pair++) {
    const order: Side[] = pair % 2 ? ['baseline', 'mayday'] : ['mayday', 'baseline'];
    for (const side of order) samples[side].push(await measure(side));
    onPair?.(pair + 1);
  }
  return samples;
}

export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * A 95% interval for combine(median(a), median(b)), a ratio or a difference, by resampling each
 * side (seeded, so the same samples give the same interval). It says how finely one run on this
 * machine can tell.
 */
export function interval(a: readonly number[], b: readonly number[], combine: (a: number, b: number) => number, resamples = 2000): [number, number] {
  const random = seededRandom(12345);
  const resample = (values: readonly number[]) => values.map(() => values[Math.floor(random() * values.length)]);
  const results: number[] = [];
  for (let i = 0; i < resamples; i++) results.push(combine(median(resample(a)), median(resample(b))));
  return [percentile(results, 0.025), percentile(results, 0.975)];
}
