/**
 * What the on-demand bridge collects in the page: the recorder's buffers plus facts about the page
 * and the window it is shown in. The buffers come from the page's own world, so the bridge passes
 * them on only within a size cap, as untrusted data; the background validates everything with zod
 * (pageContextSchema) before any use (zod in the bridge would triple its size). Facts about the
 * machine (browser, OS, languages, time zone, network) come from the background itself.
 */
import { LIMITS, PULL_EVENT, type NetworkEntry } from '../../core/wire/page-protocol';

/** Where the background puts the admin's mask selectors in the isolated world, for the bridge that follows. */
export const BRIDGE_MASKS_KEY = 'maydayBridgeMasks';

/** Far above what the capped buffers need; a larger reply is forged or corrupted. */
const MAX_SNAPSHOT_CHARS = 1_500_000;

export interface PageContext {
  url: string;
  title: string;
  referrer: string;
  readyState: string;
  visibility: string;
  /** ms from navigation start; absent while not reached. */
  timing: { ttfb?: number; domContentLoaded?: number; load?: number };
  /** performance.timeOrigin: epoch ms of the navigation start. */
  timeOrigin: number;
  viewport: { width: number; height: number };
  screen: { width: number; height: number };
  devicePixelRatio: number;
  colorScheme: 'light' | 'dark';
  /** Loads that got HTTP >= 400, as the performance timeline still lists them (for a recorder that started late). */
  failedResources: NetworkEntry[];
  /** The recorder's reply, unvalidated: see pageContextSchema. */
  recorder: unknown;
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/**
 * Asks the recorder for its buffers (docs/recorder.md, "Channel"): a synchronous event on the
 * window, carrying a detached element the recorder writes its snapshot into as JSON text. The
 * recorder's listener, the first on the window, stops the event: the page sees nothing. Null when
 * no recorder answered, or the answer is oversized or not JSON.
 */
export function pullRecorderSnapshot(win: Window, doc: Document, masks: readonly string[] = []): unknown {
  const box = doc.createElement('div');
  box.textContent = validSelectors(doc, masks).join(',');
  win.dispatchEvent(new FocusEvent(PULL_EVENT, { relatedTarget: box }));
  const text = box.textContent ?? '';
  if (!text || text.length > MAX_SNAPSHOT_CHARS) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The admin's mask selectors that parse: one that does not would spoil the whole list. */
function validSelectors(doc: Document, selectors: readonly string[]): string[] {
  const probe = doc.createDocumentFragment();
  return selectors.filter((selector) => {
    try {
      probe.querySelector(selector);
      return true;
    } catch {
      return false;
    }
  });
}

const positive = (ms: number | undefined) => (ms && ms > 0 ? Math.round(ms) : undefined);

function navigationTiming(perf: Performance): PageContext['timing'] {
  const entry = perf.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return entry
    ? {
        ttfb: positive(entry.responseStart),
        domContentLoaded: positive(entry.domContentLoadedEventEnd),
        load: positive(entry.loadEventEnd),
      }
    : {};
}

/**
 * Loads with HTTP status >= 400, newest last. Resource timing does not say the method: elements
 * load with GET; for fetch and XHR it is unknown. Loads that failed without a response look like
 * cross-origin ones here (status 0) and are left out.
 */
/** The timeline's initiator types in the words the rest of a report uses (webRequest's, the hooks'). */
const INITIATOR_TYPES: Record<string, string> = { img: 'image', xmlhttprequest: 'xhr', css: 'stylesheet' };

function failedResources(perf: Performance): NetworkEntry[] {
  const out: NetworkEntry[] = [];
  for (const entry of perf.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    const status = entry.responseStatus;
    if (!(status >= 400)) continue;
    out.push({
      source: 'page',
      method: /^(fetch|xmlhttprequest|beacon|other)$/.test(entry.initiatorType) ? '?' : 'GET',
      url: clip(entry.name, LIMITS.urlChars),
      status,
      type: clip(INITIATOR_TYPES[entry.initiatorType] ?? entry.initiatorType, 40),
      durationMs: Math.round(entry.duration),
      time: Math.round(perf.timeOrigin + entry.responseEnd),
      count: 1,
    });
  }
  return out.slice(-LIMITS.networkEntries);
}

/** `masks`: the admin's mask selectors; a click step on an element under one gives no text. */
export function collectPageContext(win: Window, doc: Document, masks: readonly string[] = []): PageContext {
  // The screenshot is taken already (utils/background/report/start.ts): no wait for paint here.
  const recorder = pullRecorderSnapshot(win, doc, masks);
  const perf = win.performance;
  return {
    url: clip(win.location.href, LIMITS.urlChars),
    title: clip(doc.title, 500),
    referrer: clip(doc.referrer, LIMITS.urlChars),
    readyState: doc.readyState,
    visibility: doc.visibilityState,
    timing: navigationTiming(perf),
    timeOrigin: perf.timeOrigin,
    viewport: { width: win.innerWidth, height: win.innerHeight },
    screen: { width: win.screen.width, height: win.screen.height },
    devicePixelRatio: win.devicePixelRatio || 1,
    colorScheme: win.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
    failedResources: failedResources(perf),
    recorder,
  };
}
