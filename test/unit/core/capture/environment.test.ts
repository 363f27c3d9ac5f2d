import { describe, expect, it } from 'vitest';
import {
  collectBrowserEnvironment,
  describeFromHints,
  describeFromUserAgent,
  localTimeOf,
  type NavigatorFacts,
} from '@/utils/core/capture/environment';

describe('client hints', () => {
  it('name the real browser, not a GREASE brand or the Chromium base', () => {
    const hints = {
      platform: 'Windows',
      platformVersion: '15.0.0',
      architecture: 'x86',
      bitness: '64',
      fullVersionList: [
        { brand: 'Not)A;Brand', version: '99.0.0.0' },
        { brand: 'Chromium', version: '156.0.8078.108' },
        { brand: 'Google Chrome', version: '156.0.8078.108' },
      ],
    };
    expect(describeFromHints(hints)).toEqual({
      browser: { name: 'Google Chrome', version: '156.0.8078.108' },
      os: { name: 'Windows', version: '11' },
      architecture: 'x86_64',
    });
  });

  it('map Windows platform versions to 10 and 11, and keep others as given', () => {
    expect(describeFromHints({ platform: 'Windows', platformVersion: '10.0.0' }).os).toEqual({
      name: 'Windows',
      version: '10',
    });
    expect(
      describeFromHints({ platform: 'macOS', platformVersion: '14.5.0', architecture: 'arm', bitness: '64' }),
    ).toMatchObject({ os: { name: 'macOS', version: '14.5.0' }, architecture: 'arm64' });
    expect(
      describeFromHints({
        platform: 'Linux',
        platformVersion: '',
        fullVersionList: [{ brand: 'Chromium', version: '156.0.1' }],
      }),
    ).toEqual({
      browser: { name: 'Chromium', version: '156.0.1' },
      os: { name: 'Linux', version: undefined },
      architecture: undefined,
    });
  });
});

describe('user-agent strings (browsers without client hints)', () => {
  it.each([
    [
      'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
      { name: 'Firefox', version: '128.0' },
      { name: 'Linux' },
      'x86_64',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91',
      { name: 'Microsoft Edge', version: '120.0.2210.91' },
      { name: 'Windows', version: '10 or 11' },
      'x86_64',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
      { name: 'Safari', version: '17.4' },
      { name: 'macOS', version: '10.15.7' },
      undefined,
    ],
  ])('%s', (ua, browser, os, architecture) => {
    expect(describeFromUserAgent(ua)).toEqual({ browser, os, architecture });
  });
});

describe('local time', () => {
  it('is the wall-clock time with its offset', () => {
    const at = new Date(2025, 10, 28, 19, 1, 5);
    const offset = -at.getTimezoneOffset();
    const sign = offset < 0 ? '-' : '+';
    const hh = String(Math.trunc(Math.abs(offset) / 60)).padStart(2, '0');
    const mm = String(Math.abs(offset) % 60).padStart(2, '0');
    expect(localTimeOf(at)).toBe(`2025-11-28T19:01:05${sign}${hh}:${mm}`);
  });
});

describe('collectBrowserEnvironment', () => {
  const nav: NavigatorFacts = {
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0',
    language: 'fr-FR',
    languages: ['fr-FR', 'en'],
    hardwareConcurrency: 8,
    deviceMemory: 8,
    onLine: true,
    connection: { effectiveType: '4g', rtt: 50, downlink: 10 },
    userAgentData: {
      getHighEntropyValues: async () => ({
        platform: 'Linux',
        platformVersion: '6.1.0',
        architecture: 'x86',
        bitness: '64',
        fullVersionList: [{ brand: 'Chromium', version: '156.0.8078.108' }],
      }),
    },
  };

  it('gathers hints, hardware, languages, time and network state', async () => {
    const env = await collectBrowserEnvironment(nav, new Date(0), 'Europe/Paris');
    expect(env).toMatchObject({
      browser: { name: 'Chromium', version: '156.0.8078.108' },
      os: { name: 'Linux', version: '6.1.0' },
      architecture: 'x86_64',
      cpuCores: 8,
      deviceMemoryGb: 8,
      language: 'fr-FR',
      languages: ['fr-FR', 'en'],
      timeZone: 'Europe/Paris',
      online: true,
      connection: { effectiveType: '4g', rttMs: 50, downlinkMbps: 10 },
    });
  });

  it('falls back to the user-agent string when client hints fail', async () => {
    const env = await collectBrowserEnvironment(
      { ...nav, userAgentData: { getHighEntropyValues: () => Promise.reject(new Error('no')) } },
      new Date(0),
      undefined,
    );
    expect(env.browser).toEqual({ name: 'Chrome', version: '156.0.0.0' });
  });
});
