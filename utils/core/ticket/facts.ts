/**
 * What a technician reads first, derived from a ticket the same way for report.html, the ticket
 * body text and the viewer page.
 */
import type { Ticket } from '../model/ticket';
import type { ConsoleEntry, NetworkEntry, StepEntry } from '../wire/page-protocol';

export type Level = ConsoleEntry['level'];
export type Environment = Ticket['environment'];

export const LEVELS: readonly Level[] = ['error', 'warn', 'info', 'log', 'debug'];

/** Occurrences per level; a repeated entry counts as often as it happened. */
export function levelCounts(entries: readonly ConsoleEntry[]): Record<Level, number> {
  const counts: Record<Level, number> = { error: 0, warn: 0, info: 0, log: 0, debug: 0 };
  for (const entry of entries) counts[entry.level] += entry.count;
  return counts;
}

export interface ErrorGroup {
  message: string;
  count: number;
  /** The first occurrence. */
  time: number;
}

/** The errors that happened most, identical messages merged; ties go to the earliest. */
export function topErrors(ticket: Ticket, limit = 5): ErrorGroup[] {
  const groups = new Map<string, ErrorGroup>();
  for (const entry of ticket.console) {
    if (entry.level !== 'error') continue;
    const group = groups.get(entry.message);
    if (group) {
      group.count += entry.count;
      group.time = Math.min(group.time, entry.time);
    } else {
      groups.set(entry.message, { message: entry.message, count: entry.count, time: entry.time });
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.time - b.time).slice(0, limit);
}

export function failedRequestCount(ticket: Ticket): number {
  return (ticket.network ?? []).reduce((sum, entry) => sum + entry.count, 0);
}

/** What failed: "HTTP 500", or the browser's net::ERR_* / the page's error text. */
export function requestOutcome(entry: NetworkEntry): string {
  if (entry.status !== undefined && entry.status > 0)
    return entry.error ? `HTTP ${entry.status} ${entry.error}` : `HTTP ${entry.status}`;
  return entry.error ?? '?';
}

function browserFromAgent(ua: string): string | undefined {
  const rules: [RegExp, string][] = [
    [/Edg(?:e|A|iOS)?\/([\d.]+)/, 'Edge'],
    [/OPR\/([\d.]+)/, 'Opera'],
    [/Firefox\/([\d.]+)/, 'Firefox'],
    [/Chrome\/([\d.]+)/, 'Chrome'],
    [/Version\/([\d.]+).*Safari\//, 'Safari'],
  ];
  for (const [pattern, name] of rules) {
    const match = pattern.exec(ua);
    if (match) return `${name} ${match[1].split('.')[0]}`;
  }
  return undefined;
}

function osFromAgent(ua: string): string | undefined {
  if (/Windows NT 10/.test(ua)) return 'Windows 10/11';
  const windows = /Windows NT ([\d.]+)/.exec(ua);
  if (windows) return `Windows NT ${windows[1]}`;
  const ios = /(?:iPhone|iPad|iPod).*? OS (\d+)/.exec(ua);
  if (ios) return `iOS ${ios[1]}`;
  const mac = /Mac OS X (\d+)[._](\d+)/.exec(ua);
  if (mac) return `macOS ${mac[1]}.${mac[2]}`;
  const android = /Android (\d+(?:\.\d+)?)/.exec(ua);
  if (android) return `Android ${android[1]}`;
  if (/CrOS/.test(ua)) return 'ChromeOS';
  if (/Linux/.test(ua)) return 'Linux';
  return undefined;
}

/** Browser and OS as reported by the extension, else read from the user agent. */
export function browserAndOs(env: Environment): { browser: string; os: string } {
  const browser = env.browser ? `${env.browser.name} ${env.browser.version}` : browserFromAgent(env.userAgent);
  const os = env.os ? [env.os.name, env.os.version].filter(Boolean).join(' ') : osFromAgent(env.userAgent);
  return { browser: browser ?? '?', os: os ?? '?' };
}

export type TimelineItem =
  | { kind: 'step'; time: number; step: StepEntry }
  | { kind: 'request'; time: number; request: NetworkEntry }
  | { kind: 'error'; time: number; entry: ConsoleEntry };

/** Steps, failed requests and errors in the order they happened. */
/**
 * Whether the page supplied the item: steps and console errors always (the recorder runs in the
 * page's world, which the page controls), requests when the page's hooks or timeline reported them.
 */
export function byPage(item: TimelineItem): boolean {
  return item.kind !== 'request' || item.request.source === 'page';
}

export function timeline(ticket: Ticket): TimelineItem[] {
  const items: TimelineItem[] = [
    ...(ticket.steps ?? []).map((step) => ({ kind: 'step' as const, time: step.time, step })),
    ...(ticket.network ?? []).map((request) => ({ kind: 'request' as const, time: request.time, request })),
    ...ticket.console
      .filter((e) => e.level === 'error')
      .map((entry) => ({ kind: 'error' as const, time: entry.time, entry })),
  ];
  // Stable sort: equal times keep steps before the requests and errors they caused.
  return items.sort((a, b) => a.time - b.time);
}

/** Entries of the chosen levels whose message, stack or source contains `text`, in any case. */
export function filterConsole(
  entries: readonly ConsoleEntry[],
  levels: ReadonlySet<Level>,
  text: string,
): ConsoleEntry[] {
  const needle = text.trim().toLowerCase();
  return entries.filter(
    (e) =>
      levels.has(e.level) && (!needle || [e.message, e.stack, e.source].some((s) => s?.toLowerCase().includes(needle))),
  );
}
