import { describe, expect, it } from 'vitest';
import { environmentText } from '../../../../utils/core/ticket/environment-rows';
import { browserAndOs, filterConsole, levelCounts, timeline, topErrors } from '../../../../utils/core/ticket/facts';
import { formatClock, formatDateTime, formatUtcOffset } from '../../../../utils/core/ticket/format';
import { sampleTicket, tEn } from '../../../support/sample-ticket';

const UA = {
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87',
  firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0',
  safariIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  chromiumLinux:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  android:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  unknown: 'curl/8.5.0',
};

describe('browserAndOs', () => {
  it.each([
    [UA.chromeWindows, 'Chrome 126', 'Windows 10/11'],
    [UA.edge, 'Edge 126', 'Windows 10/11'],
    [UA.firefoxMac, 'Firefox 128', 'macOS 14.5'],
    [UA.safariIos, 'Safari 17', 'iOS 17'],
    [UA.chromiumLinux, 'Chrome 156', 'Linux'],
    [UA.android, 'Chrome 126', 'Android 14'],
    [UA.unknown, '?', '?'],
  ])('reads %s', (userAgent, browser, os) => {
    expect(browserAndOs({ ...sampleTicket().environment, userAgent })).toEqual({ browser, os });
  });

  it('prefers what the extension reported over the user agent', () => {
    const env = {
      ...sampleTicket().environment,
      browser: { name: 'Chrome', version: '126.0.6478.127' },
      os: { name: 'Windows', version: '11' },
    };
    expect(browserAndOs(env)).toEqual({ browser: 'Chrome 126.0.6478.127', os: 'Windows 11' });
  });
});

describe('counts and groups', () => {
  it('counts repeats as often as they happened', () => {
    expect(levelCounts(sampleTicket().console)).toEqual({ error: 4, warn: 2, info: 1, log: 1, debug: 0 });
  });

  it('merges identical errors, most frequent first, earliest on a tie', () => {
    const T = 1_000;
    const entry = (message: string, time: number, count = 1) => ({
      level: 'error' as const,
      kind: 'console' as const,
      message,
      time,
      count,
    });
    const ticket = sampleTicket({
      console: [
        entry('B', T + 1),
        entry('A', T + 2),
        entry('B', T + 3, 2),
        entry('C', T),
        { ...entry('A', T + 4), level: 'warn' },
      ],
    });
    expect(topErrors(ticket)).toEqual([
      { message: 'B', count: 3, time: T + 1 },
      { message: 'C', count: 1, time: T },
      { message: 'A', count: 1, time: T + 2 },
    ]);
  });

  it('puts steps, failed requests and errors on one timeline in time order', () => {
    expect(timeline(sampleTicket()).map((i) => `${i.kind}@${i.time % 100_000}`)).toEqual([
      'step@95000',
      'request@500',
      'step@1700',
      'request@1800',
      'error@1900',
      'error@2000',
    ]);
  });

  it('filters the console by level and by text in message, stack or source', () => {
    const { console: entries } = sampleTicket();
    expect(filterConsole(entries, new Set(['warn', 'info']), '').map((e) => e.level)).toEqual(['warn', 'info']);
    expect(filterConsole(entries, new Set(['error', 'log']), 'APP.JS').map((e) => e.kind)).toEqual(['error']);
    expect(filterConsole(entries, new Set(['error']), '  invoices ').map((e) => e.message)).toEqual([
      'Failed to load invoices {status: 500}',
    ]);
  });
});

describe('formatting', () => {
  it('writes times on the reporter’s clock with the offset named, UTC when unknown', () => {
    const t = Date.parse('2026-03-04T23:59:58.042Z');
    expect(formatDateTime(t, 120)).toBe('2026-03-05 01:59:58 UTC+02:00');
    expect(formatDateTime(t)).toBe('2026-03-04 23:59:58 UTC');
    expect(formatClock(t, -330, true)).toBe('18:29:58.042');
    expect(formatUtcOffset(-330)).toBe('UTC-05:30');
  });

  it('copies the environment as label: value lines', () => {
    expect(environmentText(sampleTicket(), tEn).split('\n')).toEqual([
      'Browser: Chrome 126',
      'Operating system: Windows 10/11',
      `User agent: ${UA.chromeWindows}`,
      'Languages: fr-FR, en-US',
      'Time zone: Europe/Paris (UTC+01:00)',
      'Screen: 1920 × 1080',
      'Window (viewport): 1280 × 720',
      'Device pixel ratio: 1.25',
      'Page zoom: 110 %',
      'Online: yes',
      'Connection: 4g, RTT 50 ms, 10 Mbit/s',
      'Came from: https://erp.example.org/',
      'Page state: complete, visible',
      'Page load: TTFB 120 ms, DOMContentLoaded 840 ms, load 1.9 s',
      'Mayday version: 0.1.0',
    ]);
  });
});
