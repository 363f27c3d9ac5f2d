/**
 * The background's webRequest observer: every tab's failed requests (HTTP >= 400, net::ERR_*), of
 * every resource type, kept in storage.session so they survive service-worker restarts (and go
 * with the browser session), bounded per tab, and cleared when the tab closes.
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
  webRequest: {
    onCompleted: Event<(details: RequestEvent) => void>;
    onErrorOccurred: Event<(details: RequestEvent) => void>;
  };
  tabs: { onRemoved: Event<(tabId: number) => void>; query(query: object): Promise<{ id?: number }[]> };
  /** storage.session (trusted contexts only: content scripts cannot read it). */
  storage: {
    get(keys: string | null): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(keys: string | string[]): Promise<void>;
  };
}

export interface NetworkObserver {
  /** The tab's log, after every event received so far has been applied. */
  logOf: (tabId: number) => Promise<TabNetworkLog>;
}

const PREFIX = 'network:';
const keyOf = (tabId: number) => PREFIX + tabId;

export function registerNetworkObserver(env: ObserverEnv): NetworkObserver {
  // One promise chain per tab: events apply in order, and a read-modify-write never races another
  // (concurrent writes to storage lose updates). The chain starts from storage after a restart.
  const chains = new Map<number, Promise<TabNetworkLog>>();
  const update = (tabId: number, change: (log: TabNetworkLog) => TabNetworkLog | null) => {
    const previous =
      chains.get(tabId) ??
      env.storage.get(keyOf(tabId)).then((items) => (items[keyOf(tabId)] as TabNetworkLog | undefined) ?? EMPTY_LOG);
    const next = previous
      .catch(() => EMPTY_LOG)
      .then(async (log) => {
        const changed = change(log);
        if (!changed) return log;
        await env.storage.set({ [keyOf(tabId)]: changed }).catch(() => undefined);
        return changed;
      });
    chains.set(tabId, next);
    return next;
  };
  const onRequest = (details: RequestEvent) => {
    const entry = browserEntry(details);
    if (entry) void update(details.tabId, (log) => addToLog(log, entry));
  };
  // Listeners are added synchronously at start-up, so an event wakes the worker and reaches them.
  env.webRequest.onCompleted.addListener(onRequest, { urls: ['<all_urls>'] });
  env.webRequest.onErrorOccurred.addListener(onRequest, { urls: ['<all_urls>'] });
  env.tabs.onRemoved.addListener((tabId) => {
    chains.delete(tabId);
    void env.storage.remove(keyOf(tabId)).catch(() => undefined);
  });
  void pruneClosedTabs(env);
  return { logOf: (tabId) => update(tabId, () => null) };
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
