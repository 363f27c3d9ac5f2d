/** Tickets for the renderer tests, and message lookups over the real locale files. */
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import type { Draft } from '../../utils/core/model/draft';
import { ticketSchema, type Ticket } from '../../utils/core/model/ticket';
import { messageLookup } from '../../utils/core/ticket/translate';

export const tEn = messageLookup(en);
export const tFr = messageLookup(fr);

const T0 = Date.parse('2026-03-04T09:15:00.000Z');

/** Every section filled, as a Chrome on Windows would send it. */
export function sampleTicket(overrides: Partial<Ticket> = {}): Ticket {
  return ticketSchema.parse({
    version: 1,
    id: '3f2b8c1e-4d5a-4b6c-9d7e-8f9a0b1c2d3e',
    createdAt: new Date(T0 + 60_000).toISOString(),
    reporter: { name: 'Ana Lima', email: 'ana.lima@example.org' },
    description: 'The invoice list stays empty after I pick March.\nIt worked yesterday.',
    category: 'Accounting',
    urgency: 'High',
    page: {
      url: 'https://erp.example.org/invoices?month=2026-03',
      title: 'Invoices — ERP',
      referrer: 'https://erp.example.org/',
      readyState: 'complete',
      visibility: 'visible',
      timing: { ttfb: 120, domContentLoaded: 840, load: 1900 },
    },
    environment: {
      userAgent:
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      viewport: { width: 1280, height: 720 },
      screen: { width: 1920, height: 1080 },
      devicePixelRatio: 1.25,
      zoom: 1.1,
      language: 'fr-FR',
      languages: ['fr-FR', 'en-US'],
      timeZone: 'Europe/Paris',
      utcOffsetMinutes: 60,
      online: true,
      connection: { effectiveType: '4g', rttMs: 50, downlinkMbps: 10 },
      extensionVersion: '0.1.0',
    },
    console: [
      { level: 'log', kind: 'console', message: 'App booted', time: T0, count: 1 },
      { level: 'warn', kind: 'console', message: 'Deprecated API: moment()', time: T0 + 100, count: 2 },
      { level: 'error', kind: 'console', message: 'Failed to load invoices {status: 500}', time: T0 + 1900, count: 1 },
      {
        level: 'error',
        kind: 'error',
        message: "TypeError: Cannot read properties of undefined (reading 'total')",
        stack:
          "TypeError: Cannot read properties of undefined (reading 'total')\n    at render (https://erp.example.org/app.js:10:5)",
        source: 'https://erp.example.org/app.js:10:5',
        time: T0 + 2000,
        count: 3,
      },
      { level: 'info', kind: 'console', message: 'Retrying in 5 s', time: T0 + 2100, count: 1 },
    ],
    network: [
      {
        source: 'page',
        method: 'GET',
        url: 'https://erp.example.org/api/invoices?month=3',
        status: 500,
        type: 'fetch',
        durationMs: 230,
        time: T0 + 1800,
        count: 1,
      },
      {
        source: 'browser',
        method: 'GET',
        url: 'https://cdn.example.org/logo.png',
        error: 'net::ERR_NAME_NOT_RESOLVED',
        type: 'image',
        time: T0 + 500,
        count: 2,
      },
    ],
    steps: [
      { kind: 'navigation', label: 'https://erp.example.org/invoices', how: 'load', time: T0 - 5000 },
      { kind: 'click', label: 'button "March"', selector: '#month-3', time: T0 + 1700 },
    ],
    screenshot: { attachment: 'screenshot.png', type: 'image/png', size: 68, width: 2, height: 2, masks: 1 },
    capture: {
      recorderInstalledAt: new Date(T0 - 5000).toISOString(),
      recorderMissing: false,
      startedLate: false,
      dropped: { console: 0, network: 0, steps: 0 },
      redactions: { email: 1 },
    },
    ...overrides,
  });
}

/** A 2×2 PNG, small enough to keep test output readable. */
export const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAC0lEQVR42mNgQAcAABIAAW9ll/kAAAAASUVORK5CYII=';

/** Script payloads of every kind a page could plant in what it logs, names or shows. */
export const PAYLOADS = [
  '<img src=x onerror="globalThis.__xss=1">',
  '</script><script>globalThis.__xss=2</script>',
  'javascript:globalThis.__xss=3',
  '{{constructor.constructor("globalThis.__xss=4")()}}',
  '"><svg onload="globalThis.__xss=5">',
  '\'><iframe src="https://attacker.invalid/"></iframe>',
  '</style><style>body{display:none}</style>',
  '<!-- ]]> `backticks` ``` [link](javascript:alert(1)) ![img](https://attacker.invalid/x.png)',
];
const EVIL = PAYLOADS.join(' ');

/** A ticket with a payload in every free-text field. */
export function evilTicket(): Ticket {
  const base = sampleTicket();
  const T = base.console[0].time;
  return ticketSchema.parse({
    ...base,
    reporter: { name: EVIL.slice(0, 200), email: PAYLOADS[0] },
    description: EVIL,
    category: PAYLOADS[1],
    urgency: PAYLOADS[4],
    page: { ...base.page, url: `https://erp.example.org/?q=${EVIL}`, title: EVIL.slice(0, 500), referrer: PAYLOADS[2] },
    environment: {
      ...base.environment,
      userAgent: EVIL.slice(0, 500),
      browser: { name: PAYLOADS[0], version: PAYLOADS[1] },
      os: { name: PAYLOADS[4], version: PAYLOADS[5] },
      timeZone: PAYLOADS[6],
      localTime: PAYLOADS[3],
      connection: { effectiveType: PAYLOADS[0] },
    },
    console: PAYLOADS.map((p, i) => ({
      level: 'error',
      kind: 'console',
      message: p,
      stack: p,
      source: p,
      time: T + i,
      count: i + 1,
    })),
    network: PAYLOADS.map((p, i) => ({
      source: 'page',
      method: p.slice(0, 20),
      url: p,
      error: p,
      type: p.slice(0, 40),
      time: T + i,
      count: 1,
    })),
    steps: PAYLOADS.map((p, i) => ({ kind: 'click', label: p, selector: p, how: p.slice(0, 20), time: T + i })),
    capture: { ...base.capture, redactions: { [PAYLOADS[0].slice(0, 40)]: 1 } },
  });
}

/** Every list at its cap, every string at its longest, full of characters escaping multiplies. */
export function largestTicket(): Ticket {
  const base = sampleTicket();
  const T = base.console[0].time;
  const fill = (n: number) => '<&"é'.repeat(Math.ceil(n / 4)).slice(0, n);
  return ticketSchema.parse({
    ...base,
    description: fill(5000),
    page: { ...base.page, url: `https://x.example/${fill(2000)}`, title: fill(500), referrer: fill(2048) },
    environment: { ...base.environment, userAgent: fill(500) },
    console: Array.from({ length: 200 }, (_, i) => ({
      level: LEVELS_CYCLE[i % 5],
      kind: 'error',
      message: fill(2000),
      stack: fill(4000),
      source: fill(2048),
      time: T + i,
      count: 1,
    })),
    network: Array.from({ length: 200 }, (_, i) => ({
      source: 'browser',
      method: 'POST',
      url: fill(2048),
      error: fill(300),
      type: fill(40),
      time: T + i,
      count: 2,
    })),
    steps: Array.from({ length: 50 }, (_, i) => ({
      kind: 'input',
      label: fill(2048),
      selector: fill(200),
      time: T + i,
    })),
  });
}
const LEVELS_CYCLE = ['error', 'warn', 'info', 'log', 'debug'] as const;

/** A draft as the background keeps it: a page it could not read, a screenshot, no description. */
export function sampleDraft(overrides: Partial<Draft> = {}): Draft {
  return {
    id: 'd1',
    ticketId: '3f2b8c1e-4d5a-4b6c-9d7e-8f9a0b1c2d3e',
    createdAt: Date.parse('2026-03-04T09:15:00Z'),
    tabId: 3,
    page: { url: 'https://erp.example.org/', title: 'ERP' },
    context: null,
    screenshot: { dataUrl: TINY_PNG, width: 2, height: 2 },
    description: '',
    ...overrides,
  };
}
