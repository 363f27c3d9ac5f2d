/**
 * The browser's view of a page's failed requests (webRequest), reduced into a bounded log.
 * Pure functions: the observer (utils/background/capture/network-observer.ts) feeds them events
 * and stores the result.
 */
import { LIMITS, type NetworkEntry } from '../wire/page-protocol';

/** The fields of webRequest's onErrorOccurred details used here. */
export interface RequestEvent {
  tabId: number;
  /** 0 for the tab's top frame. */
  frameId?: number;
  /** The document the request belongs to (Chromium; absent in Firefox). */
  documentId?: string;
  method: string;
  url: string;
  type: string;
  timeStamp: number;
  statusCode?: number;
  error?: string;
}

export interface TabNetworkLog {
  entries: NetworkEntry[];
  /** Older entries pushed out by newer ones. */
  dropped: number;
  /** The top-level document the entries belong to, when the browser names it. */
  documentId?: string;
}

export const EMPTY_LOG: TabNetworkLog = { entries: [], dropped: 0 };

/**
 * A failed request as a log entry, or null: not a tab's (the extension's own), not a failure, or
 * net::ERR_ABORTED, which is a navigation or the page itself cancelling, not a fault.
 */
export function browserEntry(event: RequestEvent): NetworkEntry | null {
  if (event.tabId < 0) return null;
  const failed = event.error ? event.error !== 'net::ERR_ABORTED' : (event.statusCode ?? 0) >= 400;
  if (!failed) return null;
  return {
    source: 'browser',
    method: event.method.slice(0, 20),
    url: event.url.slice(0, LIMITS.urlChars),
    ...(event.error ? { error: event.error.slice(0, 300) } : { status: event.statusCode }),
    type: event.type.slice(0, 40),
    time: Math.round(event.timeStamp),
    count: 1,
  };
}

const sameFailure = (a: NetworkEntry, b: NetworkEntry) =>
  a.method === b.method && a.url === b.url && a.status === b.status && a.error === b.error && a.type === b.type;

/** `log` with `entry` added: a repeat of the last entry counts there; past `limit`, the oldest go. */
export function addToLog(
  log: TabNetworkLog,
  entry: NetworkEntry,
  limit: number = LIMITS.networkEntries,
): TabNetworkLog {
  const last = log.entries[log.entries.length - 1];
  if (last && sameFailure(last, entry)) {
    return {
      entries: [...log.entries.slice(0, -1), { ...last, count: last.count + entry.count }],
      dropped: log.dropped,
    };
  }
  const entries = [...log.entries, entry];
  const over = Math.max(0, entries.length - limit);
  return { entries: entries.slice(over), dropped: log.dropped + over };
}
