import { describe, expect, it } from 'vitest';
import type { NetworkEntry } from '@/utils/core/wire/page-protocol';
import { mergeNetwork } from '@/utils/core/capture/network-merge';

const page = (over: Partial<NetworkEntry>): NetworkEntry => ({
  source: 'page',
  method: 'GET',
  url: 'https://app.test/api',
  type: 'fetch',
  time: 10_000,
  count: 1,
  ...over,
});
const browser = (over: Partial<NetworkEntry>): NetworkEntry => ({
  source: 'browser',
  method: 'GET',
  url: 'https://app.test/api',
  type: 'xmlhttprequest',
  time: 10_010,
  count: 1,
  ...over,
});

describe('mergeNetwork', () => {
  it("shows a request both saw once, as the browser saw it: nothing of the page's entry goes into it", () => {
    const merged = mergeNetwork(
      [page({ error: 'TypeError: Failed to fetch', durationMs: 30 })],
      [browser({ error: 'net::ERR_CONNECTION_REFUSED' })],
    );
    expect(merged).toEqual([
      {
        source: 'browser',
        method: 'GET',
        url: 'https://app.test/api',
        type: 'xmlhttprequest',
        error: 'net::ERR_CONNECTION_REFUSED',
        time: 10_010,
        count: 1,
      },
    ]);
  });

  it('matches on status too, and keeps what only one side saw', () => {
    const merged = mergeNetwork(
      [page({ status: 500, durationMs: 5 }), page({ status: 404, url: 'https://app.test/only-page', time: 9000 })],
      [browser({ status: 500 }), browser({ status: 404, url: 'https://app.test/logo.png', type: 'image', time: 8000 })],
    );
    expect(merged.map((e) => [e.source, e.url, e.status, e.durationMs])).toEqual([
      ['browser', 'https://app.test/logo.png', 404, undefined],
      ['page', 'https://app.test/only-page', 404, undefined],
      ['browser', 'https://app.test/api', 500, undefined],
    ]);
  });

  it('pairs each page entry with one browser entry at most, by time', () => {
    const merged = mergeNetwork(
      [page({ status: 503 }), page({ status: 503, time: 60_000 })],
      [browser({ status: 503 }), browser({ status: 503, time: 60_005 })],
    );
    expect(merged).toHaveLength(2);
    expect(merged.every((e) => e.source === 'browser' && e.type === 'xmlhttprequest')).toBe(true);
  });

  it('does not pair requests far apart in time, different methods, or different URLs', () => {
    expect(mergeNetwork([page({ status: 500, time: 1000 })], [browser({ status: 500, time: 20_000 })])).toHaveLength(2);
    expect(mergeNetwork([page({ status: 500, method: 'POST' })], [browser({ status: 500 })])).toHaveLength(2);
    expect(
      mergeNetwork([page({ status: 500, url: 'https://app.test/api?x=1' })], [browser({ status: 500 })]),
    ).toHaveLength(2);
  });

  it('ignores fragments, and lets an unknown method (a performance timeline entry) match any', () => {
    expect(
      mergeNetwork([page({ status: 500, url: 'https://app.test/api#top' })], [browser({ status: 500 })]),
    ).toHaveLength(1);
    expect(mergeNetwork([page({ status: 500, method: '?' })], [browser({ status: 500, method: 'POST' })])).toHaveLength(
      1,
    );
  });

  it("keeps the browser's count and type whatever the page claims (a page cannot rewrite a browser row)", () => {
    const forged = page({ status: 500, count: 999, type: 'main_frame', durationMs: 1e6 });
    const [row] = mergeNetwork([forged], [browser({ status: 500, count: 2 })]);
    expect(row).toEqual(browser({ status: 500, count: 2 }));
  });

  it("keeps a page entry the browser did not see as the page's own row, never as the browser's", () => {
    const forged = page({ error: 'net::ERR_CERT_AUTHORITY_INVALID', url: 'https://bank.test/' });
    expect(mergeNetwork([forged], [])).toEqual([forged]);
  });
});
