/**
 * npm run bench: Mayday measured against "no extension", side by side, with budgets
 * (bench/budgets.json). Prints progress and the table, writes bench/results/latest.{json,md},
 * and exits non-zero when a budget is missed. The method is in docs/performance.md.
 * BENCH_SKIP_BUILD=1 measures the build already in .output/; BENCH_ONLY=1,5 runs only the
 * phases that measure those items (results are then written all the same); BENCH_QUICK=1 uses two
 * pairs of browsers and no pooling, to check that the bench works, not to judge a figure.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { findChromium } from '../test/support/chromium';
import { consoleCostMeter } from './figures/console-cost';
import { measureDomCapture } from './figures/dom-capture';
import { measureHeapGrowth } from './figures/heap-growth';
import { pageLoadMeter } from './figures/page-load';
import { requestCostMeter } from './figures/request-cost';
import { measureRedaction } from './figures/redaction';
import { reportAfterFailuresFigure, reportOpenFigures } from './figures/report-open';
import { measureScreenshotBytes } from './figures/screenshot-bytes';
import { measureScriptSizes } from './figures/script-sizes';
import { sendReportFigures } from './figures/send-report';
import {
  CALLS_PAGE,
  DOM_PAGE,
  IMAGE_PAGE,
  LOAD_PAGE,
  PING,
  startBenchSite,
  SUBRESOURCE_PAGE,
  SUBRESOURCES,
  TEXT_PAGE,
} from './fixtures/index';
import { failedFigure, verdict, type BudgetKey, type Figure } from './lib/figures';
import { summary, writeResults } from './lib/output';
import { inFreshPairs, whileFreshPairs } from './lib/pair';
import { timeReportAfterFailures, timeReports } from './lib/report-session';

const QUICK = process.env.BENCH_QUICK === '1';
/** Fresh pairs of browsers for items 1, 2 and 10. */
const ROUNDS = QUICK ? 2 : 10;
const REPORTS = QUICK ? 3 : 15;
/** Issue 19: a page can no longer stall its own report by failing requests by the thousand. */
const HOSTILE_FAILURES = 3000;
/**
 * Item 1 then adds pairs of browsers, item 1 alone, until its 95% interval is within ±1.5%, or
 * until the phase has taken this long (issue 20: fifteen minutes of bench time at most).
 */
const ITEM1_HALF_WIDTH = 0.015;
const ITEM1_PHASE_MS = QUICK ? 0 : 15 * 60_000;
const startedAt = new Date();
const loadAtStart = loadavg();
const seconds = () => Math.round((Date.now() - startedAt.getTime()) / 1000);
const progress = (line: string) => console.log(`[${String(seconds()).padStart(3)} s] ${line}`);
const figures: Figure[] = [];
const only = process.env.BENCH_ONLY?.split(',').map(Number);

/** Runs one phase; if it throws, the figures it owed are recorded as not measured (missed, when budgeted). */
async function phase(
  title: string,
  owed: [item: number, label: string, budget?: BudgetKey][],
  run: () => Promise<Figure[]> | Figure[],
) {
  if (only && !owed.some(([item]) => only.includes(item))) return;
  progress(title);
  try {
    figures.push(...(await run()));
  } catch (error) {
    progress(`  failed: ${error instanceof Error ? error.stack : String(error)}`);
    figures.push(...owed.map(([item, label, budget]) => failedFigure(item, label, budget, error)));
  }
}

if (process.env.BENCH_SKIP_BUILD !== '1') {
  progress('building the extension (wxt build)');
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
const chromium = execFileSync(findChromium(), ['--version'], { encoding: 'utf8' }).trim();
const site = await startBenchSite();
const url = (path: string) => site.url + path;

await phase(
  '4. script sizes',
  [
    [4, 'Recorder script, minified', 'recorder-size'],
    [4, 'Bridge script, minified', 'bridge-size'],
  ],
  measureScriptSizes,
);

await phase(
  `1, 2, 10. page load, console.error, fetch and request cost, with Mayday and without: ${ROUNDS} fresh pairs of browsers (bare Chromium, no Playwright), then more for item 1`,
  [
    [1, 'Page load with Mayday ÷ without', 'page-load-ratio'],
    [2, 'console.error, recorder − without, per call', 'console-error-cost'],
    [10, 'fetch on loopback, with Mayday ÷ without', 'request-fetch-ratio'],
    [10, 'Page loading 100 images, with Mayday ÷ without', 'request-page-ratio'],
  ],
  async () => {
    const phaseStarted = Date.now();
    const load = pageLoadMeter(url(LOAD_PAGE), ROUNDS);
    const calls = consoleCostMeter(url(CALLS_PAGE));
    const requests = requestCostMeter({
      calls: url(CALLS_PAGE),
      ping: url(PING),
      page: url(SUBRESOURCE_PAGE),
      images: SUBRESOURCES,
    });
    await inFreshPairs(ROUNDS, url(CALLS_PAGE), progress, async (pair) => {
      await load.measure(pair);
      await calls.measure(pair);
      await requests.measure(pair);
    });
    await whileFreshPairs(
      url(CALLS_PAGE),
      progress,
      () => {
        const halfWidth = load.relativeHalfWidth();
        progress(`  item 1: 95% interval ±${(halfWidth * 100).toFixed(2)}%`);
        return halfWidth > ITEM1_HALF_WIDTH && Date.now() - phaseStarted < ITEM1_PHASE_MS;
      },
      (pair) => load.measure(pair),
    );
    return [...load.figures(), ...calls.figures(), ...requests.figures()];
  },
);

await phase(
  '3. heap kept after 1,000,000 console.error calls',
  [[3, 'Page heap kept after 1,000,000 console.error calls', 'heap-growth']],
  async () => {
    const figures: Figure[] = [];
    await inFreshPairs(1, url(CALLS_PAGE), progress, async (pair) => {
      figures.push(...(await measureHeapGrowth(pair, url(CALLS_PAGE), progress)));
    });
    return figures;
  },
);

await phase(
  `5, 8. ${REPORTS} reports: open, send, deliver`,
  [
    [5, 'Report a problem -> report page shows the screenshot', 'report-open'],
    [8, 'Send report -> durable in the outbox', 'send-durable'],
    [8, 'Send report -> delivered to the receiver', 'send-delivered'],
  ],
  async () => {
    const runs = await timeReports(url(LOAD_PAGE), REPORTS, progress);
    return [...reportOpenFigures(runs), ...sendReportFigures(runs)];
  },
);

await phase(
  `5. a report from a tab that made ${HOSTILE_FAILURES.toLocaleString('en-US')} failing requests`,
  [[5, 'Report a problem after failing requests -> screenshot shown', 'report-open-after-failures']],
  async () => [
    reportAfterFailuresFigure(
      await timeReportAfterFailures(url(LOAD_PAGE), HOSTILE_FAILURES, progress),
      HOSTILE_FAILURES,
    ),
  ],
);

await phase('6. screenshot bytes', [[6, 'Screenshot bytes', 'screenshot-bytes']], () =>
  measureScreenshotBytes(
    [
      { name: 'text page', url: url(TEXT_PAGE) },
      { name: 'photo page', url: url(IMAGE_PAGE) },
    ],
    progress,
  ),
);

await phase('7. full-page DOM capture', [[7, 'Full-page DOM capture', 'dom-capture']], () =>
  measureDomCapture(url(DOM_PAGE), progress),
);

await phase('9. redaction throughput', [[9, 'Redaction throughput', 'redaction-cost']], () =>
  measureRedaction(progress),
);

await site.close();
figures.sort((a, b) => a.item - b.item);
const run = { startedAt, seconds: seconds(), chromium, loadAverage: { start: loadAtStart, end: loadavg() } };
await writeResults(figures, run);
console.log(`\n${summary(figures, run)}\n`);
const missed = figures.filter((f) => verdict(f) === 'MISSED');
if (missed.length) {
  console.log(`Budgets missed (${missed.length}):`);
  for (const f of missed)
    console.log(`  - item ${f.item}: ${f.label}: ${f.value ?? 'not measured'} ${f.value === null ? '' : f.unit}`);
  process.exitCode = 1;
} else {
  console.log('Every budget met.');
}
