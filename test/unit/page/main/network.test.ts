// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { hookFetch, hookXhr, type NetworkInput } from '@/utils/page/main/network';

// The recorder reads an XHR's status with XMLHttpRequest.prototype's own getter, captured when it
// loads: the test's stand-in is the realm's XMLHttpRequest from the start.
const { FakeXhr } = vi.hoisted(() => {
  class FakeXhr extends EventTarget {
    #status = 0;
    get status() {
      return this.#status;
    }
    opened: unknown[] = [];
    open(...args: unknown[]) {
      this.opened = args;
    }
    send() {}
    finish(type: 'load' | 'error' | 'timeout' | 'abort', status = 0) {
      this.#status = status;
      this.dispatchEvent(new Event(type));
      this.dispatchEvent(new Event('loadend'));
    }
  }
  (globalThis as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXhr;
  return { FakeXhr };
});

const BASE = 'https://app.test/invoices/list';

function pageWith(fetchImpl: (...args: unknown[]) => Promise<Response>) {
  const win = { fetch: fetchImpl, location: { href: BASE }, Request, URL } as unknown as Window & typeof globalThis;
  const noted: (NetworkInput & { durationMs: number })[] = [];
  hookFetch(win, (entry, durationMs) => noted.push({ ...entry, durationMs }));
  return { win, noted };
}

describe('the fetch hook', () => {
  it('resolves with the very Response, passes the same arguments, and records an HTTP error with method, URL, status and duration', async () => {
    const response = new Response('nope', { status: 404 });
    const original = vi.fn(async (..._args: unknown[]) => {
      await new Promise((r) => setTimeout(r, 60));
      return response;
    });
    const { win, noted } = pageWith(original);
    const init = { method: 'post', body: 'x' };
    await expect(win.fetch('../api/save', init)).resolves.toBe(response);
    expect(original.mock.calls[0][0]).toBe('../api/save');
    expect(original.mock.calls[0][1]).toBe(init);
    // In capitals, as fetch sends the common methods: `post` and `POST` are one entry.
    expect(noted).toEqual([
      { type: 'fetch', method: 'POST', url: 'https://app.test/api/save', status: 404, durationMs: expect.any(Number) },
    ]);
    expect(noted[0].durationMs).toBeGreaterThanOrEqual(50);
  });

  it('hands the page its response even when the page has since replaced URL with something that throws (the URL as written)', async () => {
    const response = new Response('', { status: 500 });
    const { win, noted } = pageWith(async () => response);
    (win as { URL: unknown }).URL = function broken() {
      throw new Error('not today');
    };
    await expect(win.fetch('/api/items')).resolves.toBe(response);
    expect(noted).toEqual([
      { type: 'fetch', method: 'GET', url: '/api/items', status: 500, durationMs: expect.any(Number) },
    ]);
  });

  it('records nothing for a success', async () => {
    const { win, noted } = pageWith(async () => new Response('ok'));
    await win.fetch('/ok');
    expect(noted).toEqual([]);
  });

  it('rejects with the very error on a network failure and records it; an unhandled one is still unhandled', async () => {
    const failure = new TypeError('Failed to fetch');
    const { win, noted } = pageWith(() => Promise.reject(failure));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const pending = win.fetch('https://other.test/x');
      await expect(pending).rejects.toBe(failure);
      void win.fetch('https://other.test/y');
      await new Promise((r) => setTimeout(r, 10));
    } finally {
      process.off('unhandledRejection', unhandled);
    }
    expect(unhandled).toHaveBeenCalledWith(failure, expect.anything());
    expect(noted[0]).toMatchObject({
      type: 'fetch',
      method: 'GET',
      url: 'https://other.test/x',
      error: 'TypeError: Failed to fetch',
    });
  });

  it('takes method and URL from a Request, without touching its body', async () => {
    const { win, noted } = pageWith(async () => new Response('', { status: 500 }));
    const request = new Request('https://api.test/items?page=2', { method: 'PUT', body: 'payload' });
    await win.fetch(request);
    expect(noted[0]).toMatchObject({ method: 'PUT', url: 'https://api.test/items?page=2', status: 500 });
    expect(request.bodyUsed).toBe(false);
  });

  it("does not count the page's own aborts as failures", async () => {
    const { win, noted } = pageWith(() =>
      Promise.reject(new DOMException('The user aborted a request.', 'AbortError')),
    );
    await win.fetch('/slow').catch(() => undefined);
    expect(noted).toEqual([]);
  });

  it('returns the original promise untouched when recording breaks, and never breaks what the page gets', async () => {
    const response = new Response('', { status: 500 });
    Object.defineProperty(response, 'status', {
      get() {
        throw new Error('tampered');
      },
    });
    const { win } = pageWith(async () => response);
    await expect(win.fetch('/x')).resolves.toBe(response);
  });
});

function pageWithXhr() {
  const win = { XMLHttpRequest: class extends FakeXhr {}, location: { href: BASE }, URL } as unknown as Window &
    typeof globalThis;
  const noted: (NetworkInput & { durationMs: number })[] = [];
  hookXhr(win, (entry, durationMs) => noted.push({ ...entry, durationMs }));
  return { Xhr: win.XMLHttpRequest as unknown as typeof FakeXhr, noted };
}

describe('the XMLHttpRequest hook', () => {
  it('passes open() its arguments and records HTTP errors, network errors and timeouts, not aborts or successes', () => {
    const { Xhr, noted } = pageWithXhr();
    const outcomes: [string, Parameters<InstanceType<typeof FakeXhr>['finish']>][] = [
      ['/a', ['load', 500]],
      ['/b', ['load', 200]],
      ['/c', ['error']],
      ['/d', ['timeout']],
      ['/e', ['abort']],
    ];
    for (const [url, finish] of outcomes) {
      const xhr = new Xhr();
      xhr.open('get', url, true);
      expect(xhr.opened).toEqual(['get', url, true]);
      xhr.send();
      xhr.finish(...finish);
    }
    // In capitals, as XHR sends it.
    expect(noted.map(({ durationMs, ...rest }) => rest)).toEqual([
      { type: 'xhr', method: 'GET', url: 'https://app.test/a', status: 500 },
      { type: 'xhr', method: 'GET', url: 'https://app.test/c', error: 'XHR error' },
      { type: 'xhr', method: 'GET', url: 'https://app.test/d', error: 'XHR timeout' },
    ]);
  });

  it('makes one entry of a method written in any case', () => {
    const { Xhr, noted } = pageWithXhr();
    for (const method of ['delete', 'Delete', 'DELETE']) {
      const xhr = new Xhr();
      xhr.open(method, '/gone');
      xhr.finish('load', 410);
    }
    expect(new Set(noted.map((e) => e.method))).toEqual(new Set(['DELETE']));
  });

  it('follows an object the page reuses: each request reports its own URL, once', () => {
    const { Xhr, noted } = pageWithXhr();
    const xhr = new Xhr();
    xhr.open('POST', '/first');
    xhr.finish('load', 404);
    xhr.open('DELETE', '/second');
    xhr.finish('load', 410);
    expect(noted.map((e) => [e.method, e.url, e.status])).toEqual([
      ['POST', 'https://app.test/first', 404],
      ['DELETE', 'https://app.test/second', 410],
    ]);
  });
});
