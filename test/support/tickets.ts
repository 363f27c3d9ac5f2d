/** Valid tickets and payloads for unit tests, built through the same builder the extension uses. */
import type { Draft } from '../../utils/core/model/draft';
import { buildTicket } from '../../utils/core/ticket/build';
import type { OutgoingReport } from '../../utils/core/model/ticket';
import { messageLookup } from '../../utils/core/ticket/translate';
import en from '../../public/_locales/en/messages.json';

// A 1x1 PNG, so screenshot sizes and decoding are real.
export const PNG_1X1 =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

export function sampleDraft(overrides: Partial<Draft> = {}): Draft {
  return {
    id: 'draft-1',
    ticketId: '0b7d3f5e-6a1c-4c9e-9d1e-2f6b8a4c1e10',
    createdAt: Date.UTC(2026, 10, 28, 9, 30),
    tabId: 7,
    page: { url: 'https://intranet.example.org/invoices', title: 'Invoices' },
    context: {
      url: 'https://intranet.example.org/invoices',
      title: 'Invoices',
      referrer: '',
      readyState: 'complete',
      visibility: 'visible',
      timing: { ttfb: 40, domContentLoaded: 180, load: 260 },
      timeOrigin: Date.UTC(2026, 10, 28, 9, 29),
      viewport: { width: 1280, height: 720 },
      screen: { width: 1920, height: 1080 },
      devicePixelRatio: 1,
      colorScheme: 'light',
      failedResources: [],
      recorder: {
        installedAt: Date.UTC(2026, 10, 28, 9, 29),
        console: [
          {
            level: 'error',
            kind: 'console',
            message: 'Failed to load invoices',
            time: Date.UTC(2026, 10, 28, 9, 29, 30),
            count: 2,
          },
        ],
        network: [],
        steps: [],
        dropped: { console: 0, network: 0, steps: 0 },
      },
    },
    observed: {
      environment: {
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0',
        language: 'fr-FR',
        utcOffsetMinutes: 60,
        localTime: '2026-11-28T10:30:00+01:00',
      },
      network: [],
      networkDropped: 0,
      startedLate: false,
    },
    screenshot: { dataUrl: PNG_1X1, width: 1, height: 1 },
    description: '',
    ...overrides,
  };
}

export const BUILD_CONTEXT = {
  now: Date.UTC(2026, 10, 28, 9, 31),
  extensionVersion: '0.1.0',
  fallbackUserAgent: 'Mozilla/5.0 (fallback)',
  fallbackLanguage: 'en-US',
  t: messageLookup(en),
};

export function samplePayload(description = 'The invoice list stays empty'): OutgoingReport {
  return buildTicket(sampleDraft(), description, BUILD_CONTEXT);
}
