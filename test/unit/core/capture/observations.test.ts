import { describe, expect, it } from 'vitest';
import { observe, recorderStartedLate } from '@/utils/core/capture/observations';
import type { NetworkEntry } from '@/utils/core/wire/page-protocol';
import type { ValidPageContext } from '@/utils/core/wire/page-schemas';

const environment = { userAgent: 'UA', language: 'en', utcOffsetMinutes: 0, localTime: 'now' };
const entry = (over: Partial<NetworkEntry>): NetworkEntry => ({
  source: 'page',
  method: 'GET',
  url: 'https://app.test/a',
  status: 404,
  time: 1500,
  count: 1,
  ...over,
});

function context(installedAt: number | null, over: Partial<ValidPageContext> = {}): ValidPageContext {
  return {
    url: 'https://app.test/',
    title: '',
    referrer: '',
    timing: { domContentLoaded: 300 },
    timeOrigin: 1000,
    viewport: { width: 1, height: 1 },
    screen: { width: 1, height: 1 },
    devicePixelRatio: 1,
    colorScheme: 'light',
    failedResources: [],
    recorder:
      installedAt === null
        ? null
        : { installedAt, console: [], network: [], steps: [], dropped: { console: 0, network: 0, steps: 0 } },
    ...over,
  };
}

describe('recorderStartedLate', () => {
  it('is false for a recorder installed at document_start, true after DOMContentLoaded or when missing', () => {
    expect(recorderStartedLate(context(1010))).toBe(false);
    expect(recorderStartedLate(context(60_000))).toBe(true);
    expect(recorderStartedLate(context(null))).toBe(true);
    expect(recorderStartedLate(null)).toBeUndefined();
  });
});

describe('observe', () => {
  it('takes failed loads from the timeline, from before a late recorder too, and says it was late', () => {
    const early = entry({ url: 'https://app.test/early.png', method: 'GET', type: 'image', time: 1200 });
    const later = entry({ url: 'https://app.test/later.png', time: 70_000 });
    const observed = observe(
      context(60_000, { failedResources: [early, later] }),
      { entries: [], dropped: 0 },
      environment,
    );
    expect(observed.startedLate).toBe(true);
    expect(observed.network.map((e) => e.url)).toEqual(['https://app.test/early.png', 'https://app.test/later.png']);
  });

  it("takes element loads' statuses from the timeline, and fetch and XHR from the recorder while it ran", () => {
    const image = entry({ url: 'https://app.test/logo.png', type: 'image', time: 1100 });
    const hookedFetch = entry({ url: 'https://app.test/api', method: '?', type: 'fetch', time: 1200 });
    const ctx = context(1010, { failedResources: [image, hookedFetch] });
    ctx.recorder!.network = [entry({ url: 'https://app.test/api', method: 'POST', type: 'fetch', time: 1201 })];
    const observed = observe(ctx, { entries: [], dropped: 0 }, environment);
    expect(observed.network.map((e) => [e.url, e.method])).toEqual([
      ['https://app.test/logo.png', 'GET'],
      ['https://app.test/api', 'POST'],
    ]);
  });

  it("keeps only the browser's entries since the reported page started loading, none when it could not be read", () => {
    const before = entry({
      source: 'browser',
      url: 'https://hr.test/salary?ssn=1',
      error: 'net::ERR_FAILED',
      time: 999,
    });
    const since = entry({ source: 'browser', url: 'https://app.test/font', error: 'net::ERR_FAILED', time: 1001 });
    const log = { entries: [before, since], dropped: 0 };
    expect(observe(context(1010), log, environment).network.map((e) => e.url)).toEqual(['https://app.test/font']);
    expect(observe(null, log, environment).network).toEqual([]);
  });

  it("merges the page's and the browser's entries, the browser's untouched, and counts what either dropped", () => {
    const ctx = context(1010);
    ctx.recorder!.network = [entry({ status: 500, type: 'fetch', durationMs: 9 })];
    ctx.recorder!.dropped.network = 3;
    const observed = observe(
      ctx,
      { entries: [entry({ source: 'browser', status: 500, type: 'xmlhttprequest' })], dropped: 2 },
      environment,
    );
    expect(observed.network).toEqual([entry({ source: 'browser', status: 500, type: 'xmlhttprequest' })]);
    expect(observed.networkDropped).toBe(5);
  });
});
