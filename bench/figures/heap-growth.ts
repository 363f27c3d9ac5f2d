/**
 * Item 3: how much page heap the recorder keeps after a page logged 1,000,000 large errors. The
 * page drops its own references at the end, so whatever survives garbage collection is held by
 * whoever recorded the calls. Large strings (256 KB, as a response body), the same nested in an
 * object, Errors and arrays of objects rotate, and every entry differs from the last, so none is
 * merged into a repeat count.
 */
import type { Figure } from '../lib/figures';
import { openCallTabs, type BrowserPair } from '../lib/pair';
import type { RawBrowser, Side, Tab } from '../lib/raw-browser';
import { round } from '../lib/stats';
import { heapBytes } from '../../test/support/heap';

const CALLS = 1_000_000;
const CHUNK = 100_000;
const MB = 1_000_000;

const SETUP = `window.__heapArgs = (() => {
  const pool = Array.from({ length: 256 }, (_, k) => ('response ' + k + ' ').padEnd(256 * 1024, '.'));
  const errors = pool.map((s, k) => new Error('Upload ' + k + ' failed: ' + s.slice(0, 2000)));
  const rows = Array.from({ length: 100 }, (_, k) => ({ id: k, body: pool[k] }));
  return { pool, errors, rows };
})(), undefined`;

const chunk = (from: number) => `(() => {
  const { pool, errors, rows } = window.__heapArgs;
  for (let i = ${from}; i < ${from + CHUNK}; i++) {
    switch (i & 3) {
      case 0: console.error(pool[i & 255]); break;
      case 1: console.error('Save ' + i + ' failed', { response: pool[i & 255], status: 500 }); break;
      case 2: console.error(errors[i & 255]); break;
      default: console.error('Rows ' + i, rows);
    }
  }
})()`;

async function heapAfterGc(tab: Tab): Promise<number> {
  // Twice: the first pass may only queue finalizers that free more on the second.
  for (let i = 0; i < 2; i++) await tab.session.send('HeapProfiler.collectGarbage');
  return heapBytes(await tab.session.send('Runtime.getHeapUsage'));
}

async function growth(browser: RawBrowser, tab: Tab, progress: (line: string) => void) {
  const before = await heapAfterGc(tab);
  const started = Date.now();
  await tab.evaluate(SETUP);
  for (let from = 0; from < CALLS; from += CHUNK) await tab.evaluate(chunk(from));
  await tab.evaluate('delete window.__heapArgs');
  const seconds = (Date.now() - started) / 1000;
  const bytes = (await heapAfterGc(tab)) - before;
  progress(
    `  heap: ${browser.side} kept ${(bytes / MB).toFixed(2)} MB after ${CALLS.toLocaleString('en-US')} calls (${seconds.toFixed(1)} s)`,
  );
  return { bytes, seconds };
}

/** Once a side on one pair of browsers: a million calls take seconds. */
export async function measureHeapGrowth(
  pair: BrowserPair,
  url: string,
  progress: (line: string) => void,
): Promise<Figure[]> {
  const { tabs, muted } = await openCallTabs(pair, url);
  const measure = (side: Side) =>
    pair.turn(side, async (browser) => {
      const result = await growth(browser, tabs[side], progress);
      await tabs[side].close();
      return result;
    });
  const mayday = await measure('mayday');
  const baseline = await measure('baseline');
  return [
    {
      item: 3,
      label: 'Page heap kept after 1,000,000 console.error calls with large arguments, recorder − without',
      value: round((mayday.bytes - baseline.bytes) / MB, 2),
      unit: 'MB',
      digits: 2,
      budget: 'heap-growth',
      how: `V8 heap used, with typed arrays' backing stores, after forced GC, after − before, once a side (${(mayday.bytes / MB).toFixed(2)} − ${(baseline.bytes / MB).toFixed(2)} MB); 256 KB strings, nested in objects, Errors, arrays of 100 objects${muted ? ', original console muted' : ''}.`,
      detail: {
        keptBytes: { mayday: mayday.bytes, baseline: baseline.bytes },
        seconds: { mayday: mayday.seconds, baseline: baseline.seconds },
        muted,
      },
    },
  ];
}
