/**
 * The recorder's bounded buffers, kept in the very object the bridge pulls: the newest entries of
 * each log and counts of the ones dropped. Each entry is kept as its JSON text, which does three
 * jobs at once: it is a fresh copy (a slice of a 5 MB page string would keep all of it alive), its
 * length is what the 2 KB cap measures, and it is what a repeat is compared with.
 */
import { ENTRY_JSON_CHARS, type ConsoleEntry, type NetworkEntry, type RawEntry, type RawSnapshot, type StepEntry } from '../messaging/page-protocol';
import { arrayShift, now, slice, stringify } from './intrinsics';

export type LogName = 'console' | 'network' | 'steps';

/** `entry` as JSON, its longest strings cut until the JSON fits ENTRY_JSON_CHARS. */
export function entryJson(entry: Record<string, unknown>): string {
  let json = stringify(entry);
  for (let over: number; (over = json.length - ENTRY_JSON_CHARS) > 0; json = stringify(entry)) {
    let longest = '';
    for (const field in entry) if (typeof entry[field] === 'string' && (entry[field] as string).length > ((entry[longest] as string) || '').length) longest = field;
    const text = entry[longest] as string;
    // Cutting n characters shortens the JSON by n or more (escapes are longer than what they stand for).
    entry[longest] = slice(text, 0, text.length > over ? text.length - over - 1 : 0) + '…';
  }
  return json;
}

/** What the hooks write into; a same-origin child frame gets its parent's. None of it throws. */
export interface Recorder {
  console(entry: Omit<ConsoleEntry, 'time' | 'count'>): void;
  network(entry: Omit<NetworkEntry, 'time' | 'count' | 'source'>): void;
  step(entry: Omit<StepEntry, 'time' | 'count'>): void;
  /** The buffers themselves (postMessage copies them). */
  snapshot(): RawSnapshot;
}

export function createRecorder(clock: () => number = now): Recorder {
  const snapshot: RawSnapshot = { installedAt: clock(), console: [], network: [], steps: [], dropped: { console: 0, network: 0, steps: 0 } };
  const adder = (log: LogName, capacity: number) => (entry: object) => {
    try {
      // A request that fails again in the same way is a repeat, however long it took.
      const { durationMs, ...rest } = entry as { durationMs?: number };
      const json = entryJson(rest);
      const entries: RawEntry[] = snapshot[log];
      const last = entries[entries.length - 1];
      if (last && last[0] === json) return void last[2]++;
      entries[entries.length] = durationMs === undefined ? [json, clock(), 1] : [json, clock(), 1, durationMs];
      // At most `capacity` pointers move, and only when a new entry arrives.
      if (entries.length > capacity) snapshot.dropped[log]++, arrayShift(entries);
    } catch {
      /* recording is best effort */
    }
  };
  // LIMITS.consoleEntries, networkEntries and stepEntries, as numbers: the LIMITS object would
  // come whole into this script (a unit test checks they agree).
  return { console: adder('console', 200), network: adder('network', 100), step: adder('steps', 50), snapshot: () => snapshot };
}
