/**
 * Failed fetch and XMLHttpRequest calls as the page saw them: method, URL, status or failure,
 * duration. Never bodies or headers. The background sees the same requests through webRequest;
 * the two views are merged in the report (utils/core/capture/network-merge.ts).
 */
import type { NetworkEntry } from '../../core/wire/page-protocol';
import {
  attempt,
  bare,
  dataOf,
  defineValue,
  domName,
  isString,
  now,
  promiseThen,
  requestMethod,
  requestUrl,
  responseStatus,
  responseUrl,
  upper,
  urlHref,
  weakGet,
  weakSet,
  xhrStatus,
} from './intrinsics';
import { errorText } from './serialize';
import { listen, wrap } from './wrap';

/** `source` is left to the background, which marks everything from the page as 'page' (page-schemas). */
export type NetworkInput = Omit<NetworkEntry, 'time' | 'count' | 'source' | 'durationMs'>;
type Note = (entry: NetworkInput, durationMs: number) => void;
type PageWindow = Window & typeof globalThis;

/**
 * A value the page passed, as text, without running page code: a string as it is, a URL or a
 * Request through the native getters (which throw for anything else), any other object as
 * "(object)". The page's own call converts its value once; a second conversion here would run the
 * page's toString again, which the page could count.
 */
const pageText = (value: unknown, getter: (v: any) => string): string | undefined => {
  if (!value || isString(value)) return value as string | undefined;
  return attempt(getter, value) ?? '(object)';
};

/**
 * The request's address, resolved against the page's when the request is recorded, with the
 * window's URL constructor as it is then (docs/recorder.md, Known limits).
 */
const request = (win: PageWindow, type: string, method: unknown, url: unknown): NetworkInput => {
  let href = pageText(url, urlHref) ?? '';
  try {
    href = new win.URL(href, win.location.href).href;
  } catch {
    /* as written */
  }
  // In capitals, as fetch and XHR send the common ones: `get` and `GET` are one entry.
  return { type, method: upper(pageText(method, requestMethod) || 'GET'), url: href };
};

/**
 * `pending.then(ok, fail)` that asks the page nothing: then() looks up the promise's constructor
 * and its Symbol.species, which a page may have turned into getters; an own constructor of ours,
 * with its own species, answers both, and is removed at once.
 */
const Species = bare({ [Symbol.species]: Promise });
const observe = <T>(pending: Promise<T>, ok: (v: T) => unknown, fail: (e: any) => unknown): Promise<unknown> => {
  defineValue(pending, 'constructor', Species);
  try {
    return promiseThen(pending, ok, fail);
  } finally {
    delete (pending as { constructor?: unknown }).constructor;
  }
};

export const hookFetch = (win: PageWindow, note: Note): void => {
  wrap(win, 'fetch', (pending: Promise<Response>, args) => {
    const start = now();
    const input = args[0];
    // A Request's URL (never empty), or undefined for anything else.
    const url = attempt(requestUrl, input);
    const base = request(win, 'fetch', dataOf(args[1], 'method') || (url && input), url || input);
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
    return observe(
      pending,
      (response: Response) => {
        // The response's own URL: an object the page passed as one is never converted here.
        done(() => {
          const status = responseStatus(response);
          const url = responseUrl(response);
          return status >= 400 && { status, url: url || base.url };
        });
        return response;
      },
      (error: unknown) => {
        // fetch rejects with a TypeError ("Failed to fetch"), a DOMException or the page's own
        // abort reason, read as data only: a DOMException by its name.
        done(() => attempt(domName, error) !== 'AbortError' && { error: errorText(error) });
        throw error;
      },
    );
  });
};

export const hookXhr = (win: PageWindow, note: Note): void => {
  /** Each request's entry and when it was opened. */
  const calls = new WeakMap<XMLHttpRequest, [NetworkInput, number]>();
  // Timed from open(), which pages call right before send().
  wrap(win.XMLHttpRequest?.prototype, 'open', (_result, args, xhr: XMLHttpRequest) => {
    if (!weakGet(calls, xhr)) {
      const types = ['load', 'error', 'timeout'];
      for (let i = 0; i < 3; i++)
        listen(xhr, types[i], () => {
          // By index: destructuring would call the page's Array.prototype[Symbol.iterator].
          const call = weakGet(calls, xhr)!;
          const type = types[i];
          const status = xhrStatus(xhr);
          if (type !== 'load' || status >= 400)
            note({ ...call[0], ...(type === 'load' ? { status } : { error: 'XHR ' + type }) }, now() - call[1]);
        });
    }
    weakSet(calls, xhr, [request(win, 'xhr', args[0], args[1]), now()]);
  });
};
