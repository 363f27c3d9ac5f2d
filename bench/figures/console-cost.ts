/**
 * Item 2: what the recorder adds to each console.error call, and to each fetch. Timed inside the
 * page of a bare Chromium (no console subscription), the original console muted where
 * possible (see openCallTabs).
 */
import type { BudgetKey, Figure } from '../lib/figures';
import { callTab, openCallTabs, type BrowserPair } from '../lib/pair';
import { SIDES, type Side, type Tab } from '../lib/raw-browser';
import { alternate, emptySamples, median, pairedInterval, pairedMedian, round, type Samples } from '../lib/stats';

interface CallShape {
  label: string;
  /** Runs once before the timed loop; `i` is the loop's counter. */
  setup: string;
  call: string;
  /** A fixed number of calls per run, or as many as fit in `atLeastMs` (costs that vary 1000x). */
  calls?: number;
  atLeastMs?: number;
  /** Timed pairs of runs per pair of browsers, after one that lets the JIT settle. */
  pairsPerRound: number;
  budget?: BudgetKey;
}

const SHAPES: CallShape[] = [
  {
    label: 'console.error, recorder − without, per call',
    setup: "const o = { status: 500, url: '/api/items' };",
    call: "console.error('Request failed', i, o)",
    calls: 100_000,
    pairsPerRound: 2,
    budget: 'console-error-cost',
  },
  {
    label: '… passing an Error',
    setup: "const e = new Error('Request failed');",
    call: 'console.error(e)',
    atLeastMs: 200,
    pairsPerRound: 1,
  },
  {
    label: '… passing an array of 1,000 objects',
    setup: "const rows = Array.from({ length: 1000 }, (_, k) => ({ id: k, name: 'row ' + k }));",
    call: "console.error('Rows', rows)",
    atLeastMs: 200,
    pairsPerRound: 1,
  },
  {
    label: '… passing an array of 100,000 numbers',
    setup: 'const rows = Array.from({ length: 100000 }, (_, k) => k);',
    call: "console.error('Rows', rows)",
    atLeastMs: 200,
    pairsPerRound: 1,
  },
];

/**
 * The reference for the budget: the browser's own console.error, not muted, on the side without
 * Mayday. Machines of this kind differ by about 2× in speed; a share of what the browser itself
 * spends on the same call holds on a slower one where microseconds do not.
 */
const NATIVE_CALLS = 10_000;
const NATIVE_RUNS_PER_ROUND = 2;

const FETCHES = 2000;
const FETCH_PAIRS_PER_ROUND = 1;
/** A data: URL keeps the network (milliseconds of loopback noise here) out of a µs difference. */
const FETCH_URL = 'data:text/plain,ok';

const timedLoop = (shape: CallShape) =>
  shape.calls
    ? `(() => { ${shape.setup} const t = performance.now(); for (let i = 0; i < ${shape.calls}; i++) ${shape.call}; return (performance.now() - t) * 1000 / ${shape.calls}; })()`
    : `(() => { ${shape.setup} const t = performance.now(); let n = 0, ms = 0;
        do { for (let k = 0; k < 10; k++, n++) { const i = n; ${shape.call}; } } while ((ms = performance.now() - t) < ${shape.atLeastMs});
        return ms * 1000 / n; })()`;

const runText = (shape: CallShape) =>
  shape.calls
    ? `${shape.calls.toLocaleString('en-US')} calls of \`${shape.call}\` per run`
    : `\`${shape.call}\` repeated for ${shape.atLeastMs} ms per run`;

const timedFetches = `(async () => { const t = performance.now(); for (let i = 0; i < ${FETCHES}; i++) await (await fetch(${JSON.stringify(FETCH_URL)})).text(); return (performance.now() - t) * 1000 / ${FETCHES}; })()`;

/** Adds `pairs` pairs of runs of `expression` to `into`, after one pair that lets the JIT settle. */
async function timePairs(pair: BrowserPair, tabs: Record<Side, Tab>, pairs: number, expression: string, into: Samples) {
  const run = (side: Side) => pair.turn(side, () => tabs[side].evaluate<number>(expression));
  await alternate(1, run);
  const measured = await alternate(pairs, run);
  into.mayday.push(...measured.mayday);
  into.baseline.push(...measured.baseline);
}

function difference(samples: Samples) {
  const minus = (a: number, b: number) => a - b;
  const value = pairedMedian(samples, minus);
  // Costs range from under a microsecond to milliseconds: about three significant digits.
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 3;
  const [low, high] = pairedInterval(samples, minus);
  const medians = { mayday: median(samples.mayday), baseline: median(samples.baseline) };
  const text =
    `median over ${samples.mayday.length} pairs of runs (A B / B A, the other browser frozen) of with − without, 95% interval ` +
    `${low.toFixed(digits)} to ${high.toFixed(digits)} µs; medians of each side ${medians.mayday.toFixed(digits)} and ${medians.baseline.toFixed(digits)} µs`;
  return { value: round(value, digits), digits, medians, text };
}

export function consoleCostMeter(url: string) {
  const shapeSamples = SHAPES.map(emptySamples);
  const fetchSamples = emptySamples();
  const nativeUs: number[] = [];
  let muted = true;
  return {
    async measure(pair: BrowserPair) {
      const opened = await openCallTabs(pair, url);
      muted &&= opened.muted;
      for (const [i, shape] of SHAPES.entries())
        await timePairs(pair, opened.tabs, shape.pairsPerRound, timedLoop(shape), shapeSamples[i]);
      await timePairs(pair, opened.tabs, FETCH_PAIRS_PER_ROUND, timedFetches, fetchSamples);
      for (const side of SIDES) await pair.turn(side, () => opened.tabs[side].close());
      const native = { ...SHAPES[0], calls: NATIVE_CALLS };
      await pair.turn('baseline', async (browser) => {
        const tab = await callTab(browser, url, false);
        await tab.evaluate<number>(timedLoop(native)); // the JIT settles
        for (let run = 0; run < NATIVE_RUNS_PER_ROUND; run++)
          nativeUs.push(await tab.evaluate<number>(timedLoop(native)));
        await tab.close();
      });
    },
    figures(): Figure[] {
      const muteNote = muted
        ? 'original console.error muted on both sides'
        : 'the original console.error could not be muted under the recorder: both sides pay it';
      const figures: Figure[] = SHAPES.map((shape, i) => {
        const { value, digits, medians, text } = difference(shapeSamples[i]);
        return {
          item: 2,
          label: shape.label,
          value,
          unit: 'µs',
          digits,
          how: `${runText(shape)}, ${text}; ${muteNote}.`,
          detail: { medianUs: medians, samplesUs: shapeSamples[i], muted },
        };
      });
      const typical = SHAPES.findIndex((shape) => shape.budget);
      const cost = pairedMedian(shapeSamples[typical], (a, b) => a - b);
      const [low, high] = pairedInterval(shapeSamples[typical], (a, b) => a - b);
      const native = median(nativeUs);
      figures.splice(typical, 0, {
        item: 2,
        label: `${SHAPES[typical].label.replace(', per call', '')}, as a share of the browser's own console.error`,
        value: round((cost / native) * 100, 2),
        unit: '%',
        digits: 2,
        budget: SHAPES[typical].budget,
        how: `the recorder's cost below (${cost.toFixed(3)} µs; 95% interval ${((low / native) * 100).toFixed(2)}–${((high / native) * 100).toFixed(2)}%) ÷ the same call to the browser's own console.error, not muted, without Mayday: ${native.toFixed(1)} µs (median of ${nativeUs.length} runs of ${NATIVE_CALLS.toLocaleString('en-US')} calls, ${NATIVE_RUNS_PER_ROUND} on each pair of browsers).`,
        detail: { nativeUs, costUs: cost },
      });
      const fetches = difference(fetchSamples);
      figures.push({
        item: 2,
        label: 'fetch, with Mayday − without, per call',
        value: fetches.value,
        unit: 'µs',
        digits: fetches.digits,
        how: `${FETCHES.toLocaleString('en-US')} sequential fetches of a data: URL per run, ${fetches.text}.`,
        detail: { medianUs: fetches.medians, samplesUs: fetchSamples },
      });
      return figures;
    },
  };
}
