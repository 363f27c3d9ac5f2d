/**
 * Facts about the machine, read by the background itself: they do not depend on the page, hold
 * on pages that cannot be scripted, and cannot be forged by one. Client hints (full browser and OS
 * versions, architecture) come from navigator.userAgentData, which the extension's worker has
 * even where an http:// page would not; Firefox has none, so the user-agent string is parsed.
 */

export interface BrowserEnvironment {
  userAgent: string;
  browser?: { name: string; version: string };
  os?: { name: string; version?: string };
  architecture?: string;
  deviceMemoryGb?: number;
  cpuCores?: number;
  language: string;
  languages?: string[];
  timeZone?: string;
  utcOffsetMinutes: number;
  localTime: string;
  online?: boolean;
  connection?: { effectiveType?: string; rttMs?: number; downlinkMbps?: number };
}

export interface ClientHints {
  platform?: string;
  platformVersion?: string;
  architecture?: string;
  bitness?: string;
  fullVersionList?: { brand: string; version: string }[];
}

/** The parts of (Worker)Navigator used here. */
export interface NavigatorFacts {
  userAgent: string;
  language: string;
  languages?: readonly string[];
  hardwareConcurrency?: number;
  deviceMemory?: number;
  onLine?: boolean;
  connection?: { effectiveType?: string; rtt?: number; downlink?: number };
  userAgentData?: { getHighEntropyValues(hints: string[]): Promise<ClientHints> };
}

/** "Google Chrome" before "Chromium"; GREASE brands ("Not)A;Brand") never. */
function mainBrand(brands: { brand: string; version: string }[]): { name: string; version: string } | undefined {
  const real = brands.filter((b) => !/not.a.brand/i.test(b.brand));
  const best = real.find((b) => b.brand !== 'Chromium') ?? real[0];
  return best && { name: best.brand, version: best.version };
}

/** Windows reports platformVersion 13+ for Windows 11, 1-10 for Windows 10 (Microsoft's documented mapping). */
function osFromHints(platform: string, version = ''): { name: string; version?: string } {
  if (platform === 'Windows') {
    const major = Number(version.split('.')[0]);
    return { name: 'Windows', version: major >= 13 ? '11' : major > 0 ? '10' : version || undefined };
  }
  return { name: platform === 'macOS' ? 'macOS' : platform, version: version || undefined };
}

export function describeFromHints(hints: ClientHints): Pick<BrowserEnvironment, 'browser' | 'os' | 'architecture'> {
  const arch = hints.architecture
    ? hints.architecture === 'x86'
      ? hints.bitness === '64'
        ? 'x86_64'
        : 'x86'
      : hints.bitness === '64'
        ? `${hints.architecture}64`
        : hints.architecture
    : undefined;
  return {
    browser: hints.fullVersionList ? mainBrand(hints.fullVersionList) : undefined,
    os: hints.platform ? osFromHints(hints.platform, hints.platformVersion) : undefined,
    architecture: arch,
  };
}

/** Browser, OS and architecture from a user-agent string, for browsers without client hints. */
export function describeFromUserAgent(ua: string): Pick<BrowserEnvironment, 'browser' | 'os' | 'architecture'> {
  const browser =
    [/(Firefox)\/([\d.]+)/, /(Edg)\/([\d.]+)/, /(OPR)\/([\d.]+)/, /(Chrome)\/([\d.]+)/, /Version\/([\d.]+).*(Safari)/]
      .map((re) => re.exec(ua))
      .find(Boolean) ?? null;
  const names: Record<string, string> = { Edg: 'Microsoft Edge', OPR: 'Opera', Chrome: 'Chrome', Firefox: 'Firefox' };
  let os: BrowserEnvironment['os'];
  let m: RegExpExecArray | null;
  if ((m = /Windows NT ([\d.]+)/.exec(ua))) os = { name: 'Windows', version: m[1] === '10.0' ? '10 or 11' : m[1] };
  else if ((m = /Mac OS X ([\d_.]+)/.exec(ua))) os = { name: 'macOS', version: m[1].replace(/_/g, '.') };
  else if ((m = /Android ([\d.]+)/.exec(ua))) os = { name: 'Android', version: m[1] };
  else if (/CrOS/.test(ua)) os = { name: 'ChromeOS' };
  else if (/Linux/.test(ua)) os = { name: 'Linux' };
  const architecture = /x86_64|Win64|x64|amd64/i.test(ua) ? 'x86_64' : /aarch64|arm64/i.test(ua) ? 'arm64' : undefined;
  return {
    browser: browser
      ? browser[2] === 'Safari'
        ? { name: 'Safari', version: browser[1] }
        : { name: names[browser[1]] ?? browser[1], version: browser[2] }
      : undefined,
    os,
    architecture,
  };
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** Local wall-clock time with its offset, as the person's clock shows it: 2025-11-28T19:01:05+01:00. */
export function localTimeOf(at: Date): string {
  const offset = -at.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

const HINTS = ['architecture', 'bitness', 'fullVersionList', 'platformVersion'];

export async function collectBrowserEnvironment(
  nav: NavigatorFacts,
  at: Date,
  timeZone: string | undefined,
): Promise<BrowserEnvironment> {
  const hints = await nav.userAgentData?.getHighEntropyValues(HINTS).catch(() => undefined);
  const described = hints ? describeFromHints(hints) : describeFromUserAgent(nav.userAgent);
  const connection = nav.connection;
  return {
    userAgent: nav.userAgent.slice(0, 500),
    ...described,
    deviceMemoryGb: nav.deviceMemory || undefined,
    cpuCores: nav.hardwareConcurrency || undefined,
    language: nav.language.slice(0, 35),
    languages: nav.languages?.slice(0, 20).map((l) => l.slice(0, 35)),
    timeZone,
    utcOffsetMinutes: -at.getTimezoneOffset(),
    localTime: localTimeOf(at),
    online: nav.onLine,
    connection: connection
      ? { effectiveType: connection.effectiveType, rttMs: connection.rtt, downlinkMbps: connection.downlink }
      : undefined,
  };
}
