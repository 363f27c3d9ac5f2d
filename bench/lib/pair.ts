/**
 * The two browsers of the comparative figures (items 1–3), open together for the whole phase but
 * driven one at a time: only the side being measured loads or runs anything.
 *
 * Why not relaunch per run: Mayday registers its recorder only after reading
 * chrome.storage.managed, which a freshly started Chromium answers after seconds, and after much
 * longer while pages keep loading (measured here: 4 s idle, over 45 s with a load a second).
 */
import { launchRaw, type RawBrowser, type Side, type Tab } from './raw-browser';

/** Replaces the browser's console.error before any page script (and before the recorder wraps it). */
export const MUTE_CONSOLE_ERROR =
  'window.__benchMute = function () { window.__benchMuted = (window.__benchMuted || 0) + 1; }; console.error = window.__benchMute;';

/** By behaviour, not by manifest: console.error is neither the browser's own nor our mute. */
export const RECORDER_ACTIVE =
  "(() => { const f = console.error; return f !== window.__benchMute && !Function.prototype.toString.call(f).includes('[native code]'); })()";

export interface BrowserPair {
  browsers: Record<Side, RawBrowser>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Reloads `url` until the recorder shows; pauses grow, since each load delays the extension more. */
export async function waitForRecorder(tab: Tab, url: string, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  for (let pause = 500; ; pause = Math.min(pause * 2, 4000)) {
    await tab.load(url);
    if (await tab.evaluate<boolean>(RECORDER_ACTIVE)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`The recorder did not appear on ${url} within ${timeoutMs / 1000} s`);
    await sleep(pause);
  }
}

export async function openPair(readyUrl: string, progress: (line: string) => void): Promise<BrowserPair> {
  // One launch after the other: two starting browsers would compete for the two cores.
  const baseline = await launchRaw('baseline');
  const mayday = await launchRaw('mayday').catch(async (error) => {
    await baseline.close();
    throw error;
  });
  const browsers = { mayday, baseline };
  const close = async () => {
    await mayday.close();
    await baseline.close();
  };
  try {
    const recorderReadyMs = await waitForRecorder(await mayday.firstTab(), readyUrl);
    const baselineTab = await baseline.firstTab();
    await baselineTab.load(readyUrl);
    if (await baselineTab.evaluate<boolean>(RECORDER_ACTIVE)) throw new Error('The baseline browser has a wrapped console.error');
    progress(`  browsers ready; the recorder appeared ${(recorderReadyMs / 1000).toFixed(1)} s after launch`);
    return { browsers, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** True when a console.error call ends in our no-op rather than in the browser's console. */
const REACHES_MUTE = "(() => { const before = window.__benchMuted || 0; console.error('bench: mute check'); return (window.__benchMuted || 0) > before; })()";

async function callTab(browser: RawBrowser, url: string, mute: boolean): Promise<Tab> {
  const tab = await browser.newTab();
  if (mute) await tab.beforeEveryDocument(MUTE_CONSOLE_ERROR);
  await tab.load(url);
  if ((await tab.evaluate<boolean>(RECORDER_ACTIVE)) !== (browser.side === 'mayday')) throw new Error(`${browser.side}: recorder state is wrong on the calls page`);
  return tab;
}

/**
 * Tabs on a page where calls are timed, one a side. The browser's console.error is replaced by a
 * no-op before the recorder wraps it, so that a difference is the recorder's own work rather than
 * a small number inside ~45 µs of console noise. Muted on both sides when the recorder wraps our
 * no-op; otherwise on neither, so that both pay the same console.
 */
export async function openCallTabs(pair: BrowserPair, url: string): Promise<{ tabs: Record<Side, Tab>; muted: boolean }> {
  const mayday = await callTab(pair.browsers.mayday, url, true);
  if (await mayday.evaluate<boolean>(REACHES_MUTE)) return { tabs: { mayday, baseline: await callTab(pair.browsers.baseline, url, true) }, muted: true };
  await mayday.close();
  return { tabs: { mayday: await callTab(pair.browsers.mayday, url, false), baseline: await callTab(pair.browsers.baseline, url, false) }, muted: false };
}
