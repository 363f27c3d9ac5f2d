/**
 * The background's webRequest observer: requests that failed without a response (net::ERR_*), the
 * one thing only the browser can tell. It listens to onErrorOccurred alone, so a healthy request
 * never wakes the service worker (docs/permissions.md); HTTP statuses come from the page (its
 * resource timeline and the recorder's fetch/XHR hooks).
 *
 * The log belongs to the page in the tab's top frame: it starts over when an event names another
 * top-level document, and a report keeps only entries since its page started loading
 * (observations.ts). It is kept in storage.session, so it survives service-worker restarts, and
 * written in batches: a page that fails thousands of requests costs one write per batch, not one
 * rewrite of the whole log per request.
 */
import {
  addToLog,
  browserEntry,
  EMPTY_LOG,
  type RequestEvent,
  type TabNetworkLog,
} from '../../core/capture/network-log';

interface Event<L> {
  addListener(listener: L, ...filter: unknown[]): void;
}

export interface ObserverEnv {
  webRequest: { onErrorOccurred: Event<(details: RequestEvent) => void> };
  tabs: { onRemoved: Event<(tabId: number) => void>; query(query: object): Promise<{ id?: number }[]> };
  /** storage.session (trusted contexts only: content scripts cannot read it). */
  storage: {
    get(keys: string | null): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(keys: string | string[]): Promise<void>;
  };
  /** How long events gather before one write (setTimeout in the worker). */
  later?: (run: () => void, ms: number) => void;
}

export interface NetworkObserver {
  /** The tab's log, after every event received so far has been applied. */
  logOf: (tabId: number) => Promise<TabNetworkLog>;
}

const PREFIX = 'network:';
const keyOf = (tabId: number) => PREFIX + tabId;
/** Events gathered this long go to storage in one write. */
const FLUSH_MS = 250;

/** Another top-level document than the one the log belongs to: the tab navigated. */
function startsOver(log: TabNetworkLog, event: RequestEvent): boolean {
  if (event.frameId !== 0 || !event.documentId) return event.type === 'main_frame';
  return log.documentId !== undefined && log.documentId !== event.documentId;
}

export function registerNetworkObserver(env: ObserverEnv): NetworkObserver {
  const later = env.later ?? ((run, ms) => void setTimeout(run, ms));
  // Each tab's log in memory, loaded from storage once after a restart; the promise orders events.
  const logs = new Map<number, Promise<TabNetworkLog>>();
  const dirty = new Set<number>();
  let flushing: Promise<void> | null = null;

  const load = (tabId: number) => {
    let log = logs.get(tabId);
    if (!log) {
      log = env.storage
        .get(keyOf(tabId))
        .then((items) => (items[keyOf(tabId)] as TabNetworkLog | undefined) ?? EMPTY_LOG)
        .catch(() => EMPTY_LOG);
      logs.set(tabId, log);
    }
    return log;
  };

  const flush = async () => {
    const tabs = [...dirty];
    dirty.clear();
    const items: Record<string, TabNetworkLog> = {};
    for (const tabId of tabs) if (logs.has(tabId)) items[keyOf(tabId)] = await logs.get(tabId)!;
    if (tabs.length) await env.storage.set(items).catch(() => undefined);
  };
  const scheduleFlush = () => {
    if (flushing) return;
    flushing = new Promise<void>((resolve) => later(resolve, FLUSH_MS)).then(flush).finally(() => (flushing = null));
  };

  const onError = (details: RequestEvent) => {
    const entry = browserEntry(details);
    if (!entry) return;
    const tabId = details.tabId;
    logs.set(
      tabId,
      load(tabId).then((log) => {
        const base = startsOver(log, details) ? EMPTY_LOG : log;
        const documentId = details.frameId === 0 && details.documentId ? details.documentId : base.documentId;
        return { ...addToLog(base, entry), ...(documentId ? { documentId } : {}) };
      }),
    );
    dirty.add(tabId);
    scheduleFlush();
  };

  // Listeners are added synchronously at start-up, so an event wakes the worker and reaches them.
  env.webRequest.onErrorOccurred.addListener(onError, { urls: ['<all_urls>'] });
  env.tabs.onRemoved.addListener((tabId) => {
    logs.delete(tabId);
    dirty.delete(tabId);
    void env.storage.remove(keyOf(tabId)).catch(() => undefined);
  });
  void pruneClosedTabs(env);
  return { logOf: (tabId) => load(tabId) };
}

/**
 * Logs of tabs closed while the worker was not running. Keys are read before tabs are listed: a
 * tab opened in between has no key yet, so its log cannot be taken for a stale one.
 */
async function pruneClosedTabs(env: ObserverEnv): Promise<void> {
  try {
    const items = await env.storage.get(null);
    const tabs = await env.tabs.query({});
    const open = new Set(tabs.map((tab) => keyOf(tab.id ?? -1)));
    const stale = Object.keys(items).filter((key) => key.startsWith(PREFIX) && !open.has(key));
    if (stale.length) await env.storage.remove(stale);
  } catch {
    /* pruning is housekeeping; the next start tries again */
  }
}
