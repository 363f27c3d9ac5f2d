/**
 * One list of failed requests from two views of them: the page's (fetch/XHR hooks, with duration
 * and which API) and the browser's (webRequest, with net::ERR_* codes and every resource type,
 * including requests made before the recorder loaded). A request both saw appears once.
 */
import type { NetworkEntry } from '../wire/page-protocol';

/** Both views time a failure when it ends; the page's clock and the event's are the same machine's. */
const MATCH_WINDOW_MS = 3000;

const withoutFragment = (url: string) => url.split('#')[0];

/** The same request: method (unknown for a timeline entry: '?'), URL, and outcome (status, or no response). */
function sameRequest(page: NetworkEntry, browser: NetworkEntry): boolean {
  return (
    (page.method === '?' || page.method === browser.method) &&
    withoutFragment(page.url) === withoutFragment(browser.url) &&
    page.status === browser.status &&
    Math.abs(page.time - browser.time) <= MATCH_WINDOW_MS
  );
}

/**
 * Page and browser entries, oldest first. The browser's entries are kept exactly as the browser
 * saw them: the page owns its world and could claim anything, so nothing of a page entry goes into
 * a browser entry. A page entry the browser also saw is left out (the browser's row says it, with
 * the precise error code); every other page entry is kept, marked as the page's.
 */
export function mergeNetwork(page: NetworkEntry[], browser: NetworkEntry[]): NetworkEntry[] {
  const merged = browser.map((entry) => ({ ...entry }));
  const matched = new Set<number>();
  const pageOnly: NetworkEntry[] = [];
  for (const entry of page) {
    const index = merged.findIndex((candidate, i) => !matched.has(i) && sameRequest(entry, candidate));
    if (index < 0) {
      pageOnly.push(entry);
      continue;
    }
    matched.add(index);
  }
  return [...merged, ...pageOnly].sort((a, b) => a.time - b.time);
}
