import { describe, expect, it } from 'vitest';
import { clusteredInterval, median, pairedInterval } from '../../../bench/lib/stats';
import { seededRandom } from '../../support/mixed-text';

/** `count` values spread evenly ±`spread` around `center`, in a seeded order. */
function around(center: number, spread: number, count: number, seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => center + (random() * 2 - 1) * spread);
}

describe('clusteredInterval', () => {
  it('is a point when every value is the same', () => {
    expect(
      clusteredInterval([
        [1.02, 1.02],
        [1.02, 1.02, 1.02],
      ]),
    ).toEqual([1.02, 1.02]);
  });

  it('holds the median of the pooled values and gives the same interval for the same values', () => {
    const groups = [around(1, 0.2, 40, 1), around(1, 0.2, 40, 2)];
    const [low, high] = clusteredInterval(groups);
    expect(low).toBeLessThan(median(groups.flat()));
    expect(high).toBeGreaterThan(median(groups.flat()));
    expect(clusteredInterval(groups)).toEqual([low, high]);
  });

  it('widens when pairs of browsers disagree, which drawing single values does not show', () => {
    // Five pairs of browsers, two of them 4% slower than the others for all their loads.
    const groups = [1, 1, 1.04, 1, 1.04].map((center, i) => around(center, 0.01, 40, i + 1));
    const [low, high] = clusteredInterval(groups);
    const [pooledLow, pooledHigh] = clusteredInterval([groups.flat()]);
    expect(high - low).toBeGreaterThan(3 * (pooledHigh - pooledLow));
    // Drawn with three slow pairs of five, or none, the median moves by most of the 4%.
    expect(high).toBeGreaterThan(1.03);
    expect(low).toBeLessThan(1.005);
  });
});

describe('pairedInterval', () => {
  it('resamples the pairs combined, as one group', () => {
    const samples = { mayday: around(52, 5, 60, 3), baseline: around(50, 5, 60, 4) };
    const ratio = (a: number, b: number) => a / b;
    expect(pairedInterval(samples, ratio)).toEqual(
      clusteredInterval([samples.mayday.map((value, i) => value / samples.baseline[i])]),
    );
  });
});
