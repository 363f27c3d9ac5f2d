/**
 * Item 10: what a request costs the page with Mayday, against the same browser without it. Since
 * the observer listens to onErrorOccurred only, a healthy request wakes nothing of Mayday's; what
 * is left is the proxy that Chromium puts in front of every request once any extension holds the
 * webRequest permission (docs/performance.md), and the recorder's fetch and XHR wrappers.
 */
import type { BudgetKey, Figure } from '../lib/figures';
import type { BrowserPair } from '../lib/pair';
import { SIDES, type Side, type Tab } from '../lib/raw-browser';
import { alternate, clusteredInterval, median, round } from '../lib/stats';

/** Sequential calls per timed run: a loopback round trip is ~0.3–1 ms here. */
const CALLS = 200;
/** Timed pairs of runs per pair of browsers, after one that warms the connection and the JIT. */
const CALL_PAIRS_PER_ROUND = 3;
const PAGE_PAIRS_PER_ROUND = 10;

interface Shape {
  label: string;
  expression: (url: string) => string;
  budget?: BudgetKey;
}

const perCall = (body: string) =>
  `(async () => { const t = performance.now(); for (let i = 0; i < ${CALLS}; i++) { ${body} } return (performance.now() - t) / ${CALLS}; })()`;

const CALL_SHAPES: Shape[] = [
  {
    label: `fetch on loopback, with Mayday ÷ without, per call (${CALLS} sequential)`,
    expression: (url) => perCall(`await (await fetch(${JSON.stringify(url)} + '?i=' + i)).text();`),
    budget: 'request-fetch-ratio',
  },
  {
    label: `XMLHttpRequest on loopback, with Mayday ÷ without, per call (${CALLS} sequential)`,
    expression: (url) =>
      perCall(
        `await new Promise((done, fail) => { const x = new XMLHttpRequest(); x.open('GET', ${JSON.stringify(url)} + '?i=' + i); x.onload = done; x.onerror = fail; x.send(); });`,
      ),
  },
];

/** The load event, after checking that every image was fetched from the server, none from a cache. */
const PAGE_TIMING = (count: number) => `(() => {
  const fetched = performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'img' && e.transferSize > 0).length;
  if (fetched < ${count}) throw new Error('only ' + fetched + ' of ${count} images came from the server');
  return performance.getEntriesByType('navigation')[0].loadEventStart;
})()`;

interface Ratios {
  /** With ÷ without, pair by pair of runs, one list per pair of browsers. */
  byBrowsers: number[][];
  medians: { mayday: number[]; baseline: number[] };
}

const emptyRatios = (): Ratios => ({ byBrowsers: [], medians: { mayday: [], baseline: [] } });

async function ratios(pairs: number, warmUp: number, run: (side: Side) => Promise<number>, into: Ratios) {
  await alternate(warmUp, run);
  const measured = await alternate(pairs, run);
  into.byBrowsers.push(measured.mayday.map((value, i) => value / measured.baseline[i]));
  into.medians.mayday.push(...measured.mayday);
  into.medians.baseline.push(...measured.baseline);
}

function ratioFigure(label: string, budget: BudgetKey | undefined, data: Ratios, what: string): Figure {
  const [low, high] = clusteredInterval(data.byBrowsers);
  const sides = { mayday: median(data.medians.mayday), baseline: median(data.medians.baseline) };
  return {
    item: 10,
    label,
    value: round(median(data.byBrowsers.flat()), 3),
    unit: '×',
    digits: 3,
    budget,
    how: `${what}, median over ${data.medians.mayday.length} pairs of runs (A B / B A, the other browser frozen; ${data.byBrowsers.length} fresh pairs of browsers) of with ÷ without; 95% interval ×${low.toFixed(3)}–×${high.toFixed(3)}; medians of each side ${sides.mayday.toFixed(3)} and ${sides.baseline.toFixed(3)} ms.`,
    detail: { medianMs: sides, interval95: [low, high], ratiosByBrowsers: data.byBrowsers },
  };
}

export function requestCostMeter(urls: { calls: string; ping: string; page: string; images: number }) {
  const calls = CALL_SHAPES.map(emptyRatios);
  const page = emptyRatios();
  return {
    async measure(pair: BrowserPair) {
      const tabs = {} as Record<Side, Tab>;
      for (const side of SIDES)
        tabs[side] = await pair.turn(side, async (browser) => {
          const tab = await browser.newTab();
          await tab.load(urls.calls);
          return tab;
        });
      for (const [i, shape] of CALL_SHAPES.entries()) {
        const run = (side: Side) => pair.turn(side, () => tabs[side].evaluate<number>(shape.expression(urls.ping)));
        await ratios(CALL_PAIRS_PER_ROUND, 1, run, calls[i]);
      }
      const loadPage = (side: Side) =>
        pair.turn(side, async () => {
          await tabs[side].load(urls.page);
          return tabs[side].evaluate<number>(PAGE_TIMING(urls.images));
        });
      await ratios(PAGE_PAIRS_PER_ROUND, 2, loadPage, page);
      for (const side of SIDES) await pair.turn(side, () => tabs[side].close());
    },
    figures(): Figure[] {
      return [
        ...CALL_SHAPES.map((shape, i) =>
          ratioFigure(shape.label, shape.budget, calls[i], `time per call inside the page, a few bytes a response`),
        ),
        ratioFigure(
          `Page loading ${urls.images} images, with Mayday ÷ without (load event)`,
          'request-page-ratio',
          page,
          `loadEventStart of a page of ${urls.images} uncacheable 4×4 PNGs from the same loopback server`,
        ),
      ];
    },
  };
}
