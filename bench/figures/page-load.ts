/** Item 1: the page's load event with Mayday and without, on a ~2,000-element page with scripts. */
import type { Figure } from '../lib/figures';
import { RECORDER_ACTIVE, type BrowserPair } from '../lib/pair';
import type { Side } from '../lib/raw-browser';
import { alternate, interval, median, percentile, round } from '../lib/stats';

export const LOADS_PER_SIDE = 50;
const WARM_UP_PAIRS = 3;

/** loadEventStart counts from the navigation's start, in the page's own clock. */
const LOAD_TIMING = `[performance.getEntriesByType('navigation')[0].loadEventStart, ${RECORDER_ACTIVE}, document.getElementsByTagName('*').length]`;

export async function measurePageLoad(pair: BrowserPair, url: string, progress: (line: string) => void): Promise<Figure[]> {
  let elements = 0;
  const loadOnce = async (side: Side) => {
    const tab = await pair.browsers[side].firstTab();
    await tab.load(url);
    const [loadMs, recorded, count] = await tab.evaluate<[number, boolean, number]>(LOAD_TIMING);
    // A run on the wrong side would measure nothing: the recorder must be on exactly one of them.
    if (recorded !== (side === 'mayday')) throw new Error(`${side}: recorder ${recorded ? 'present' : 'missing'} on the load page`);
    elements = count;
    return loadMs;
  };
  await alternate(WARM_UP_PAIRS, loadOnce);
  const samples = await alternate(LOADS_PER_SIDE, loadOnce, (done) => {
    if (done % 10 === 0) progress(`  page load: ${done}/${LOADS_PER_SIDE} pairs`);
  });
  const withMayday = median(samples.mayday);
  const without = median(samples.baseline);
  const [low, high] = interval(samples.mayday, samples.baseline, (a, b) => a / b);
  return [
    {
      item: 1,
      label: `Page load with Mayday ÷ without (load event, ${elements.toLocaleString('en-US')} elements, 3 scripts)`,
      value: round(withMayday / without, 3),
      unit: '×',
      digits: 3,
      budget: 'page-load-ratio',
      how: `medians of ${LOADS_PER_SIDE} loads a side, alternated A B / B A: ${withMayday.toFixed(1)} ms ÷ ${without.toFixed(1)} ms; 95% interval ×${low.toFixed(2)}–×${high.toFixed(2)}.`,
      detail: {
        medianMs: { mayday: withMayday, baseline: without },
        ratioInterval95: [low, high],
        p90Ms: { mayday: percentile(samples.mayday, 0.9), baseline: percentile(samples.baseline, 0.9) },
        samplesMs: samples,
      },
    },
  ];
}
