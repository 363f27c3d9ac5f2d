/** Medians, the alternation every comparative figure is built from, and paired statistics. */
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

export const emptySamples = (): Samples => ({ mayday: [], baseline: [] });

/**
 * Measures both sides `pairs` times, one side at a time: A B, then B A, then A B... so that
 * neither side always runs first, right after the other, or while the machine is warming up.
 */
export async function alternate(
  pairs: number,
  measure: (side: Side) => Promise<number>,
  onPair?: (done: number) => void,
): Promise<Samples> {
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
 * Each pair's two runs, a moment apart, combined (a ratio or a difference), then the median of
 * those. Load here comes in bursts of tens of seconds; a pair sits inside one burst or outside,
 * so comparing within pairs keeps a burst from landing on one side's median only.
 */
export function pairedMedian(samples: Samples, combine: (mayday: number, baseline: number) => number): number {
  return median(samples.mayday.map((value, i) => combine(value, samples.baseline[i])));
}

/** A 95% interval for pairedMedian, resampling whole pairs (seeded, so the same samples give the same interval). */
export function pairedInterval(
  samples: Samples,
  combine: (mayday: number, baseline: number) => number,
  resamples = 2000,
): [number, number] {
  return clusteredInterval([samples.mayday.map((value, i) => combine(value, samples.baseline[i]))], resamples);
}

/**
 * A 95% interval for the median of `groups` pooled: each resample draws as many groups as there
 * are, then as many values from each as it holds (seeded). A group is what one pair of browsers
 * measured: two browsers of the same build can differ by a few percent for as long as they run,
 * which drawing single values alone would not show.
 */
export function clusteredInterval(groups: readonly (readonly number[])[], resamples = 2000): [number, number] {
  const random = seededRandom(12345);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const medians: number[] = [];
  for (let i = 0; i < resamples; i++) {
    const pooled: number[] = [];
    for (let g = 0; g < groups.length; g++) {
      const group = pick(groups);
      for (let k = 0; k < group.length; k++) pooled.push(pick(group));
    }
    medians.push(median(pooled));
  }
  return [percentile(medians, 0.025), percentile(medians, 0.975)];
}
