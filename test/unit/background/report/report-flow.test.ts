import { describe, expect, it, vi } from 'vitest';
import type { Draft, DraftStore } from '@/utils/core/model/draft';
import { startReport, type StartEnv } from '@/utils/background/report/start';
import { buildTicket } from '@/utils/core/ticket/build';
import { BUILD_CONTEXT } from '../../../support/tickets';
import { bridgeAnswer } from '../../../support/bridge-answer';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/schema';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const pageAnswer = () =>
  bridgeAnswer({
    installedAt: 1_000_050,
    console: [[JSON.stringify({ level: 'error', kind: 'console', message: 'Failed to load invoices' }), 1_000_100, 1]],
    network: [
      [
        JSON.stringify({ method: 'GET', url: 'https://app.test/api/invoices', status: 500, type: 'fetch' }),
        1_000_200,
        1,
        42,
      ],
    ],
    steps: [[JSON.stringify({ kind: 'click', label: 'button "Save"', selector: 'button#save' }), 1_000_300, 1]],
    dropped: { console: 0, network: 0, steps: 0 },
  });

function env(stored: Draft[]): StartEnv {
  return {
    tabs: {
      get: vi.fn(async () => ({
        id: 5,
        index: 0,
        windowId: 1,
        active: true,
        incognito: false,
        url: 'https://app.test/invoices',
      })),
      update: vi.fn(),
      create: vi.fn(async () => ({})),
      getZoom: vi.fn(async () => 1.25),
    } as unknown as StartEnv['tabs'],
    injectBridge: async () => pageAnswer(),
    waitForPaint: async () => {},
    networkLog: async () => ({
      entries: [
        {
          source: 'browser',
          method: 'GET',
          url: 'https://app.test/api/invoices',
          status: 500,
          type: 'xmlhttprequest',
          time: 1_000_210,
          count: 1,
        },
        {
          source: 'browser',
          method: 'GET',
          url: 'http://127.0.0.1:1/x.js',
          error: 'net::ERR_CONNECTION_REFUSED',
          type: 'script',
          time: 1_000_220,
          count: 1,
        },
      ],
      dropped: 0,
    }),
    environment: async () => ({
      userAgent: 'Mozilla/5.0 Chrome/156',
      browser: { name: 'Chromium', version: '156.0.8078.108' },
      os: { name: 'Linux' },
      architecture: 'x86_64',
      cpuCores: 2,
      language: 'en-US',
      languages: ['en-US'],
      timeZone: 'Europe/Paris',
      utcOffsetMinutes: 60,
      localTime: '2025-11-28T19:01:05+01:00',
      online: true,
    }),
    takeScreenshot: async () => ({ dataUrl: PNG, width: 1, height: 1, masks: 0, mode: 'visible' as const }),
    drafts: { put: async (d: Draft) => void stored.push(d) } as unknown as DraftStore,
    composeUrl: (id) => `chrome-extension://x/compose.html?draft=${id}`,
    now: () => 1_000_400,
    randomId: () => crypto.randomUUID(),
    sleep: async () => undefined,
    collection: DEFAULT_SETTINGS,
  };
}

describe('a report, from start to ticket', () => {
  it("puts the background's observations in the draft and fills every section of the ticket", async () => {
    const stored: Draft[] = [];
    const draft = await startReport(5, env(stored));
    expect(stored).toEqual([draft]);
    expect(draft.observed).toMatchObject({ startedLate: false, environment: { zoom: 1.25, incognito: false } });

    const { ticket } = buildTicket(draft, 'Invoices do not load', {
      now: 1_000_500,
      extensionVersion: '0.1.0',
      fallbackUserAgent: 'x',
      fallbackLanguage: 'x',
      t: BUILD_CONTEXT.t,
    });
    expect(ticket.page).toEqual({
      url: 'https://app.test/invoices',
      title: 'Invoices',
      referrer: 'https://app.test/',
      readyState: 'complete',
      visibility: 'visible',
      timing: { ttfb: 20, domContentLoaded: 150, load: 300 },
    });
    expect(ticket.environment).toMatchObject({
      browser: { name: 'Chromium', version: '156.0.8078.108' },
      os: { name: 'Linux' },
      screen: { width: 1920, height: 1080 },
      viewport: { width: 1280, height: 720 },
      devicePixelRatio: 2,
      zoom: 1.25,
      colorScheme: 'dark',
      timeZone: 'Europe/Paris',
      incognito: false,
      extensionVersion: '0.1.0',
    });
    expect(ticket.console.map((e) => e.message)).toEqual(['Failed to load invoices']);
    // The page saw the same request: the browser's row stands as the browser saw it.
    expect(ticket.network).toEqual([
      {
        source: 'browser',
        method: 'GET',
        url: 'https://app.test/api/invoices',
        status: 500,
        type: 'xmlhttprequest',
        time: 1_000_210,
        count: 1,
      },
      {
        source: 'browser',
        method: 'GET',
        url: 'http://127.0.0.1:1/x.js',
        error: 'net::ERR_CONNECTION_REFUSED',
        type: 'script',
        time: 1_000_220,
        count: 1,
      },
    ]);
    expect(ticket.steps).toEqual([
      { kind: 'click', label: 'button "Save"', selector: 'button#save', time: 1_000_300, count: 1 },
    ]);
    expect(ticket.capture).toEqual({
      recorderInstalledAt: new Date(1_000_050).toISOString(),
      recorderMissing: false,
      startedLate: false,
      dropped: { console: 0, network: 0, steps: 0 },
      redactions: {},
    });
  });

  it('still makes a valid ticket when the page could not be read at all', async () => {
    const stored: Draft[] = [];
    const draft = await startReport(5, {
      ...env(stored),
      injectBridge: async () => Promise.reject(new Error('Cannot access a chrome:// URL')),
    });
    const { ticket } = buildTicket(draft, 'Settings page broken', {
      now: 1,
      extensionVersion: '0.1.0',
      fallbackUserAgent: 'x',
      fallbackLanguage: 'x',
      t: BUILD_CONTEXT.t,
    });
    expect(ticket.capture).toMatchObject({ recorderMissing: true, recorderInstalledAt: null });
    expect(ticket.capture.startedLate).toBeUndefined();
    expect(ticket.environment.browser?.name).toBe('Chromium');
  });
});
