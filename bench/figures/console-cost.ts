/**
 * Item 2: what the recorder adds to each console.error call, and to each fetch. Timed inside the
 * page over the bare CDP pipe (no console subscription), the original console muted where
 * possible (see openCallTabs).
 */
import type { BudgetKey, Figure } from '../lib/figures';
import { openCallTabs, type BrowserPair } from '../lib/pair';
import { SIDES, type Side, type Tab } from '../lib/raw-browser';
import { alternate, interval, median, round } from '../lib/stats';

interface CallShape {
  label: string;
  /** Runs once before the timed loop; `i` is the loop's counter. */
  setup: string;
  call: string;
  /** A fixed number of calls per run, or as many as fit in `atLeastMs` (costs that vary 1000x). */
  calls?: number;
  atLeastMs?: number;
  pairs: number;
  budget?: BudgetKey;
}

const SHAPES: CallShape[] = [
  {
    label: 'console.error, recorder − without, per call',
    setup: "const o = { status: 500, url: '/api/items' };",
    call: "console.error('Request failed', i, o)",
    calls: 100_000,
    pairs: 12,
    budget: 'console-error-cost',
  },
  { label: '… passing an Error', setup: "const e = new Error('Request failed');", call: 'console.error(e)', atLeastMs: 200, pairs: 6 },
  {
    label: '… passing an array of 1,000 objects',
    setup: "const rows = Array.from({ length: 1000 }, (_, k) => ({ id: k, name: 'row ' + k }));",
    call: "console.error('Rows', rows)",
    atLeastMs: 200,
    pairs: 6,
  },
  {
    label: '… passing an array of 100,000 numbers',
    setup: 'const rows = Array.from({ length: 100000 }, (_, k) => k);',
    call: "console.error('Rows', rows)",
    atLeastMs: 200,
    pairs: 6,
  },
];

const FETCHES = 2000;
const FETCH_PAIRS = 8;
/** A data: URL keeps the network (milliseconds of loopback noise here) out of a µs difference. */
const FETCH_URL = 'data:text/plain,ok';

const timedLoop = (shape: CallShape) =>
  shape.calls
    ? `(() => { ${shape.setup} const t = performance.now(); for (let i = 0; i < ${shape.calls}; i++) ${shape.call}; return (performance.now() - t) * 1000 / ${shape.calls}; })()`
    : `(() => { ${shape.setup} const t = performance.now(); let n = 0, ms = 0;
        do { for (let k = 0; k < 10; k++, n++) { const i = n; ${shape.call}; } } while ((ms = performance.now() - t) < ${shape.atLeastMs});
        return ms * 1000 / n; })()`;

const runText = (shape: CallShape) =>
  shape.calls ? `${shape.calls.toLocaleString('en-US')} calls of \`${shape.call}\` per run` : `\`${shape.call}\` repeated for ${shape.atLeastMs} ms per run`;

const timedFetches = `(async () => { const t = performance.now(); for (let i = 0; i < ${FETCHES}; i++) await (await fetch(${JSON.stringify(FETCH_URL)})).text(); return (performance.now() - t) * 1000 / ${FETCHES}; })()`;

async function difference(tabs: Record<Side, Tab>, pairs: number, expression: string, digits: number) {
  for (const side of SIDES) await tabs[side].evaluate(expression); // let the JIT settle
  const samples = await alternate(pairs, (side) => tabs[side].evaluate<number>(expression));
  const medians = { mayday: median(samples.mayday), baseline: median(samples.baseline) };
  const [low, high] = interval(samples.mayday, samples.baseline, (a, b) => a - b);
  return { value: medians.mayday - medians.baseline, medians, samples, range: `95% interval ${low.toFixed(digits)} to ${high.toFixed(digits)} µs` };
}

export async function measureConsoleCost(pair: BrowserPair, url: string, progress: (line: string) => void): Promise<Figure[]> {
  const { tabs, muted } = await openCallTabs(pair, url);
  const muteNote = muted ? 'original console.error muted on both sides' : 'the original console.error could not be muted (the recorder kept the native one): both sides pay it';
  const figures: Figure[] = [];
  for (const shape of SHAPES) {
    const { value, medians, samples, range } = await difference(tabs, shape.pairs, timedLoop(shape), 3);
    progress(`  ${shape.label}: ${value.toFixed(3)} µs`);
    figures.push({
      item: 2,
      label: shape.label,
      value: round(value, 3),
      unit: 'µs',
      // Costs range from under a microsecond to milliseconds: keep three significant-ish digits.
      digits: Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 3,
      budget: shape.budget,
      how: `${runText(shape)}, medians of ${shape.pairs} runs a side alternated (${medians.mayday.toFixed(3)} − ${medians.baseline.toFixed(3)} µs, ${range}); ${muteNote}.`,
      detail: { medianUs: medians, samplesUs: samples, muted },
    });
  }
  const fetches = await difference(tabs, FETCH_PAIRS, timedFetches, 1);
  progress(`  fetch: ${fetches.value.toFixed(1)} µs`);
  figures.push({
    item: 2,
    label: 'fetch, recorder − without, per call',
    value: round(fetches.value, 1),
    unit: 'µs',
    digits: 1,
    how: `${FETCHES.toLocaleString('en-US')} sequential fetches of a data: URL per run, medians of ${FETCH_PAIRS} runs a side alternated (${fetches.medians.mayday.toFixed(1)} − ${fetches.medians.baseline.toFixed(1)} µs, ${fetches.range}).`,
    detail: { medianUs: fetches.medians, samplesUs: fetches.samples },
  });
  for (const side of SIDES) await tabs[side].close();
  return figures;
}
