/**
 * Failed fetch and XMLHttpRequest calls as the page saw them: method, URL, status or failure,
 * duration. Never bodies or headers. The background sees the same requests through webRequest;
 * the two views are merged in the report (utils/core/capture/network-merge.ts).
 */
import type { NetworkEntry } from '../../core/wire/page-protocol';
import { now, promiseThen, toText, weakGet, weakSet } from './intrinsics';
import { listen, wrap } from './wrap';

/** `source` is left to the background, which marks everything from the page as 'page' (page-schemas). */
export type NetworkInput = Omit<NetworkEntry, 'time' | 'count' | 'source' | 'durationMs'>;
type Note = (entry: NetworkInput, durationMs: number) => void;
type PageWindow = Window & typeof globalThis;

/**
 * The page's URL and Request are read when a request is recorded: capturing them at start-up made
 * Blink build both on every page, whether it makes requests or not. A page that replaces them
 * can only spoil its own entries, which the background validates anyway. The method stays as
 * written; the schema writes it in capitals.
 */
function request(win: PageWindow, type: string, method: unknown, url: unknown): NetworkInput {
  return { type, method: toText(method || 'GET'), url: new win.URL(toText(url), win.location.href).href };
}

export function hookFetch(win: PageWindow, note: Note): void {
  wrap(win, 'fetch', (pending: Promise<Response>, args) => {
    const start = now();
    const input = args[0];
    const init = args[1];
    const req = input instanceof win.Request && input;
    const base = request(win, 'fetch', init?.method || (req && req.method), req ? req.url : input);
    const done = (failure: () => Partial<NetworkInput> | false) => {
      try {
        const extra = failure();
        if (extra) note({ ...base, ...extra }, now() - start);
      } catch {
        /* never change what the page's promise settles with */
      }
    };
    // The page gets a promise that settles exactly like the original; a rejection it does not
    // handle is still reported to it as unhandled. An abort is the page's decision, not a failure.
    return promiseThen(
      pending,
      (response: Response) => (done(() => response.status >= 400 && { status: response.status }), response),
      (error: any) => {
        done(() => error?.name !== 'AbortError' && { error: toText(error) });
        throw error;
      },
    );
  });
}

export function hookXhr(win: PageWindow, note: Note): void {
  const proto = win.XMLHttpRequest?.prototype;
  const calls = new WeakMap<XMLHttpRequest, { base: NetworkInput; start: number }>();
  const outcome = (event: Event) => {
    const xhr = event.target as XMLHttpRequest;
    const type = event.type;
    const call = weakGet(calls, xhr)!;
    const status = xhr.status;
    if (type !== 'load' || status >= 400)
      note({ ...call.base, ...(type === 'load' ? { status } : { error: 'XHR ' + type }) }, now() - call.start);
  };
  // Timed from open(), which pages call right before send().
  wrap(proto, 'open', (_result, args, xhr: XMLHttpRequest) => {
    if (!weakGet(calls, xhr)) {
      listen(xhr, 'load', outcome);
      listen(xhr, 'error', outcome);
      listen(xhr, 'timeout', outcome);
    }
    weakSet(calls, xhr, { base: request(win, 'xhr', args[0], args[1]), start: now() });
  });
}
