/**
 * What the background adds to a report from its own observation (trusted, unlike the page's
 * buffers): machine facts, zoom, incognito, the page's failed requests as the browser and the page
 * saw them, and whether the recorder started after the page had already run.
 */
import { LIMITS, type NetworkEntry } from '../wire/page-protocol';
import type { Rejected, ValidPageContext } from '../wire/page-schemas';
import type { BrowserEnvironment } from './environment';
import type { TabNetworkLog } from './network-log';
import { mergeNetwork } from './network-merge';

export interface Observations {
  environment: BrowserEnvironment & { zoom?: number; incognito?: boolean };
  /** The page's and the browser's failed requests, merged, oldest first. */
  network: NetworkEntry[];
  /** Requests dropped from either bounded log. */
  networkDropped: number;
  /** The recorder was installed after the page had run; undefined when the page could not be read. */
  startedLate?: boolean;
  /** What the page supplied that failed validation and was left out; absent when nothing was. */
  rejected?: Rejected;
}

/**
 * Installed after DOMContentLoaded: injected into a tab that was open before the extension was
 * installed or updated (content scripts declared in the manifest reach only new pages). A page
 * the bridge read but no recorder answered is late too: it is missing altogether.
 */
export function recorderStartedLate(context: ValidPageContext | null): boolean | undefined {
  if (!context) return undefined;
  const loaded = context.timing.domContentLoaded;
  return !context.recorder || (loaded !== undefined && context.recorder.installedAt > context.timeOrigin + loaded);
}

/** Fetch and XHR loads: the recorder's hooks see them with method and status, the timeline only without a method. */
const HOOKED = /^(fetch|xhr)$/;

/**
 * The failed requests a report shows, from three views: the recorder's fetch/XHR hooks, the page's
 * resource timeline (HTTP statuses of every element load, read when the report starts), and the
 * browser's failures without a response (net::ERR_*). The browser's log is the tab's: only entries
 * since the reported page started loading belong to it, and none when the page could not be read.
 */
export function observe(
  context: ValidPageContext | null,
  browserLog: TabNetworkLog,
  environment: Observations['environment'],
): Observations {
  const startedLate = recorderStartedLate(context);
  const recorder = context?.recorder;
  // Fetch and XHR come from the hooks while the recorder ran; before it, only the timeline saw them.
  const timeline = (context?.failedResources ?? []).filter(
    (entry) => !recorder || !HOOKED.test(entry.type ?? '') || entry.time < recorder.installedAt,
  );
  const page = [...timeline, ...(recorder?.network ?? [])].sort((a, b) => a.time - b.time);
  const pageStart = context?.timeOrigin ?? Infinity;
  const browser = browserLog.entries.filter((entry) => entry.time >= pageStart);
  const all = mergeNetwork(page, browser);
  // The ticket holds both views' worth: LIMITS.networkEntries each.
  const network = all.slice(-LIMITS.networkEntries * 2);
  return {
    environment,
    network,
    networkDropped: (recorder?.dropped.network ?? 0) + browserLog.dropped + all.length - network.length,
    startedLate,
  };
}
