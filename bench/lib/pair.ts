/**
 * The two browsers of the comparative figures (items 1–3): open for the whole phase, and only one
 * of them running at any moment. The other is frozen (SIGSTOP on its process group), so neither
 * its renderers nor Mayday's service worker can take CPU from a run of the other side.
 *
 * Why not a fresh browser per run: Mayday registers its recorder only after reading
 * chrome.storage.managed, which a freshly started Chromium answers after seconds, and much later
 * while pages keep loading (here: 4 s idle, over 45 s with a load a second). And load here comes
 * in bursts of tens of seconds, so only runs a moment apart (A B, then B A, ...) see the same.
 */
import { launchRaw, SIDES, type RawBrowser, type Side, type Tab } from './raw-browser';
import { RECORDER_PRESENT } from '../../test/support/recorder-probe';

/** Replaces the browser's console.error before any page script (and before the recorder wraps it). */
const MUTE_CONSOLE_ERROR =
  'window.__benchMute = function () { window.__benchMuted = (window.__benchMuted || 0) + 1; }; console.error = window.__benchMute;';

/** By behaviour, not by manifest: the recorder answers its channel's event. */
export const RECORDER_ACTIVE = RECORDER_PRESENT;

export interface BrowserPair {
  /** Runs `work` on `side`'s browser, the only one running meanwhile. */
  turn<T>(side: Side, work: (browser: RawBrowser) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** A fresh Chromium keeps busy with its own start-up for seconds: neither side is measured before this. */
const SETTLE_AFTER_LAUNCH_MS = 8000;
/** Timers that came due while a browser was frozen fire when it resumes: let them pass first. */
const SETTLE_AFTER_RESUME_MS = 30;

/** Reloads `url` until the recorder shows; pauses grow, since each load delays the extension more. */
async function waitForRecorder(tab: Tab, url: string, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  for (let pause = 500; ; pause = Math.min(pause * 2, 4000)) {
    await tab.load(url);
    if (await tab.evaluate<boolean>(RECORDER_ACTIVE)) return Date.now() - started;
    if (Date.now() - started > timeoutMs)
      throw new Error(`The recorder did not appear on ${url} within ${timeoutMs / 1000} s`);
    await sleep(pause);
  }
}

/** Launches `side`, waits until it is ready to measure and settled, and freezes it. */
async function launchFrozen(side: Side, readyUrl: string, progress: (line: string) => void): Promise<RawBrowser> {
  const launchedAt = Date.now();
  const browser = await launchRaw(side);
  try {
    const tab = await browser.firstTab();
    if (side === 'mayday') {
      progress(
        `  mayday: the recorder appeared ${((await waitForRecorder(tab, readyUrl)) / 1000).toFixed(1)} s after launch`,
      );
    } else {
      await tab.load(readyUrl);
      if (await tab.evaluate<boolean>(RECORDER_ACTIVE))
        throw new Error('The baseline browser has a wrapped console.error');
    }
    await sleep(launchedAt + SETTLE_AFTER_LAUNCH_MS - Date.now());
    browser.pause();
    return browser;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Launches both sides at once, each left frozen until its turn. Together, each settles in the
 * same seconds as the other, and a pair of browsers costs one start-up instead of two.
 */
async function openPair(readyUrl: string, progress: (line: string) => void): Promise<BrowserPair> {
  const launches = await Promise.allSettled(SIDES.map((side) => launchFrozen(side, readyUrl, progress)));
  const failed = launches.find((launch) => launch.status === 'rejected');
  if (failed) {
    await Promise.all(launches.flatMap((launch) => (launch.status === 'fulfilled' ? [launch.value.close()] : [])));
    throw failed.reason;
  }
  const browsers = Object.fromEntries(
    SIDES.map((side, i) => [side, (launches[i] as PromiseFulfilledResult<RawBrowser>).value]),
  ) as Record<Side, RawBrowser>;
  return {
    async turn(side, work) {
      const browser = browsers[side];
      browser.resume();
      await sleep(SETTLE_AFTER_RESUME_MS);
      try {
        return await work(browser);
      } finally {
        browser.pause();
      }
    },
    async close() {
      await browsers.mayday.close();
      await browsers.baseline.close();
    },
  };
}

/**
 * Runs `work` on `rounds` fresh pairs. Two instances of the very same browser differ by a few
 * percent here, for as long as they run (measured A/A: ×0.96 and ×0.98), so one pair would carry
 * its own luck into the figure; several average it out.
 */
export async function inFreshPairs(
  rounds: number,
  readyUrl: string,
  progress: (line: string) => void,
  work: (pair: BrowserPair) => Promise<void>,
) {
  for (let round = 0; round < rounds; round++) {
    const pair = await openPair(readyUrl, progress);
    try {
      await work(pair);
    } finally {
      await pair.close();
    }
    progress(`  pair of browsers ${round + 1}/${rounds} done`);
  }
}

/** One fresh pair at a time while `more()` says so: for a figure that stops once it is precise enough. */
export async function whileFreshPairs(
  readyUrl: string,
  progress: (line: string) => void,
  more: () => boolean,
  work: (pair: BrowserPair) => Promise<void>,
) {
  for (let round = 1; more(); round++) {
    const pair = await openPair(readyUrl, progress);
    try {
      await work(pair);
    } finally {
      await pair.close();
    }
    progress(`  extra pair of browsers ${round} done`);
  }
}

/** True when a console.error call ends in our no-op rather than in the browser's console. */
const REACHES_MUTE =
  "(() => { const before = window.__benchMuted || 0; console.error('bench: mute check'); return (window.__benchMuted || 0) > before; })()";

export async function callTab(browser: RawBrowser, url: string, mute: boolean): Promise<Tab> {
  const tab = await browser.newTab();
  if (mute) await tab.beforeEveryDocument(MUTE_CONSOLE_ERROR);
  await tab.load(url);
  if ((await tab.evaluate<boolean>(RECORDER_ACTIVE)) !== (browser.side === 'mayday'))
    throw new Error(`${browser.side}: recorder state is wrong on the calls page`);
  return tab;
}

/**
 * Tabs on a page where calls are timed, one a side. The browser's console.error is replaced by a
 * no-op before the recorder wraps it, so that a difference is the recorder's own work rather than
 * a small number inside ~45 µs of console noise. Muted on both sides when the recorder wraps our
 * no-op; otherwise on neither, so that both pay the same console.
 */
export async function openCallTabs(
  pair: BrowserPair,
  url: string,
): Promise<{ tabs: Record<Side, Tab>; muted: boolean }> {
  // The probe checks both: were our no-op installed after the recorder, it would replace it.
  const muted = await pair.turn('mayday', async (browser) => {
    const tab = await browser.newTab();
    await tab.beforeEveryDocument(MUTE_CONSOLE_ERROR);
    await tab.load(url);
    const reached = (await tab.evaluate<boolean>(RECORDER_ACTIVE)) && (await tab.evaluate<boolean>(REACHES_MUTE));
    await tab.close();
    return reached;
  });
  const mayday = await pair.turn('mayday', (browser) => callTab(browser, url, muted));
  const baseline = await pair.turn('baseline', (browser) => callTab(browser, url, muted));
  return { tabs: { mayday, baseline }, muted };
}
