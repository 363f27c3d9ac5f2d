/**
 * What the background adds to a report from its own observation (trusted, unlike the page's
 * buffers): machine facts, zoom, incognito, the tab's failed requests merged with the page's,
 * and whether the recorder started after the page had already run.
 */
import { LIMITS, type NetworkEntry } from '../wire/page-protocol';
import type { ValidPageContext } from '../wire/page-schemas';
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

export function observe(
  context: ValidPageContext | null,
  browserLog: TabNetworkLog,
  environment: Observations['environment'],
): Observations {
  const startedLate = recorderStartedLate(context);
  const recorder = context?.recorder;
  // Before the recorder (and the extension) existed, only the page's timeline saw what failed.
  const early = startedLate
    ? (context?.failedResources ?? []).filter((entry) => !recorder || entry.time < recorder.installedAt)
    : [];
  const page = [...early, ...(recorder?.network ?? [])];
  const all = mergeNetwork(page, browserLog.entries);
  // The ticket holds both views' worth: LIMITS.networkEntries each.
  const network = all.slice(-LIMITS.networkEntries * 2);
  return {
    environment,
    network,
    networkDropped: (recorder?.dropped.network ?? 0) + browserLog.dropped + all.length - network.length,
    startedLate,
  };
}
