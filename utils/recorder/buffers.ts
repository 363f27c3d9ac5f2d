/**
 * The recorder's bounded buffers, kept in the very object the bridge pulls: the newest entries of
 * each log and counts of the ones dropped. Each entry is kept as its JSON text, which does three
 * jobs at once: it is a fresh copy (a slice of a 5 MB page string would keep all of it alive), its
 * length is what the 2 KB cap measures, and it is what a repeat is compared with.
 */
import { ENTRY_JSON_CHARS, type ConsoleEntry, type NetworkEntry, type RawEntry, type RawSnapshot, type StepEntry } from '../messaging/page-protocol';
import { arraySplice, now, slice, stringify } from './intrinsics';

export type LogName = 'console' | 'network' | 'steps';

const field = (name: string, value: unknown) => (value === undefined ? '' : ',"' + name + '":' + stringify(value));

/**
 * The JSON of an entry. A console entry's is put together by hand: JSON.stringify of the object
 * costs three times as much, and this runs on every console.error of the page. Its level and kind
 * are the recorder's own constants, which need no escaping: only the page's text is stringified.
 */
function flatJson(entry: Record<string, unknown>): string {
  return typeof entry.message === 'string'
    ? '{"level":"' + entry.level + '","kind":"' + entry.kind + '","message":' + (messageJson = stringify(entry.message)) + field('stack', entry.stack) + field('source', entry.source) + '}'
    : stringify(entry);
}

/** The message's JSON in the console entry flatJson wrote last: see the adder. */
let messageJson: string | undefined;

/** `entry` as JSON, its longest strings cut until the JSON fits ENTRY_JSON_CHARS. */
export function entryJson(entry: Record<string, unknown>): string {
  let json = flatJson(entry);
  for (let over: number; (over = json.length - ENTRY_JSON_CHARS) > 0; json = flatJson(entry)) {
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
  /** The duration apart from the entry: a request that fails again in the same way is a repeat, however long it took. */
  network(entry: Omit<NetworkEntry, 'time' | 'count' | 'source' | 'durationMs'>, durationMs?: number): void;
  step(entry: Omit<StepEntry, 'time' | 'count'>): void;
  /** The buffers themselves (postMessage copies them). */
  snapshot(): RawSnapshot;
}

export function createRecorder(clock: () => number = now): Recorder {
  const snapshot: RawSnapshot = { installedAt: clock(), console: [], network: [], steps: [], dropped: { console: 0, network: 0, steps: 0 } };
  // LIMITS.consoleEntries, networkEntries and stepEntries, as numbers: the LIMITS object would
  // come whole into this script (a unit test checks they agree).
  const capacity = { console: 200, network: 100, steps: 50 };
  /** Drops the oldest entries past the capacity: in one splice, not a shift per entry. */
  const trim = (log: LogName) => {
    const over = snapshot[log].length - capacity[log];
    if (over > 0) snapshot.dropped[log] += over, arraySplice(snapshot[log], 0, over);
  };
  // Runs on every console.error of the page: the entry goes to JSON as the hook built it (copying
  // or destructuring it first would double the cost of a call).
  const previousMessage: Partial<Record<LogName, string>> = {};
  const adder = (log: LogName) => (entry: object, durationMs?: number) => {
    try {
      messageJson = undefined;
      const json = entryJson(entry as Record<string, unknown>);
      const entries: RawEntry[] = snapshot[log];
      const last = entries[entries.length - 1];
      // Comparing two JSON texts made of pieces flattens them first: a console entry whose
      // message differs from the last one's (most) is told apart by the message's JSON alone.
      const sameMessage = messageJson === previousMessage[log];
      previousMessage[log] = messageJson;
      if (last && sameMessage && last[0] === json) return void last[2]++;
      entries[entries.length] = durationMs === undefined ? [json, clock(), 1] : [json, clock(), 1, durationMs];
      // Up to twice the capacity between trims: each pointer moves once, not once per new entry.
      if (entries.length >= 2 * capacity[log]) trim(log);
    } catch {
      /* recording is best effort */
    }
  };
  return {
    console: adder('console'),
    network: adder('network'),
    step: adder('steps'),
    snapshot: () => (trim('console'), trim('network'), trim('steps'), snapshot),
  };
}
