/**
 * The recorder's bounded buffers, pulled by the bridge: the newest entries of each log and counts of
 * the ones dropped. A request or a step is kept as its JSON text, which is a fresh copy (a slice
 * of a 5 MB page string would keep all of it alive), what the 2 KB cap measures, and what a repeat
 * is compared with. A console entry, which pages make by the million, keeps its message in a ring
 * of UTF-16 units (serialize.ts writes it there) and becomes JSON only when the bridge pulls.
 */
import {
  ENTRY_JSON_CHARS,
  type ConsoleEntry,
  type NetworkEntry,
  type RawEntry,
  type RawSnapshot,
  type StepEntry,
} from '../../core/wire/page-protocol';
import { now, slice, stringify, Units } from './intrinsics';
import { ENTRY_UNITS, read, writeEntry } from './serialize';

type LogName = keyof RawSnapshot['dropped'];
type Fields = Record<string, unknown>;
/** A console entry's fields but its message (in the ring) and its time and count. */
export type ConsoleFields = Pick<ConsoleEntry, 'level' | 'kind' | 'source' | 'stack'>;
/** A console entry as kept: its other fields, where its message is in the ring, first time, count. */
type KeptConsole = [fields: ConsoleFields, start: number, end: number, time: number, count: number];
/**
 * The console's ring: 512 KB, allocated at the first console entry. The 200 entries kept hold at
 * most TOTAL_CHARS + 50 units each, and a call writes at most ENTRY_UNITS ahead (serialize.ts):
 * a new entry never overwrites the text of one still kept.
 */
const RING_UNITS = 1 << 18;

/**
 * `entry` as JSON, its longest strings cut until the JSON fits ENTRY_JSON_CHARS. A console message
 * goes last: it is what is read first, and its "… [N chars]" says what it lost already.
 */
export function entryJson(entry: Fields): string {
  let json = stringify(entry);
  for (let over: number; (over = json.length - ENTRY_JSON_CHARS) > 0; json = stringify(entry)) {
    // The longest string of ten characters or more (never a level or a kind, which must stay
    // whole to be valid), the message only when there is none.
    let longest = 'message';
    let most = 9;
    for (const field in entry)
      if (field !== 'message' && (entry[field] as string)?.length > most)
        most = (entry[(longest = field)] as string).length;
    const text = entry[longest] as string;
    // Cutting n characters shortens the JSON by n or more (escapes are longer than what they stand for).
    entry[longest] = slice(text, 0, text.length > over ? text.length - over - 1 : 0) + '…';
  }
  return json;
}

/** What the hooks write into; a same-origin child frame gets its parent's. None of it throws. */
export interface Recorder {
  /**
   * A console call, uncaught error, rejection, failed load or CSP violation: its message, or the
   * call's arguments (or the error, or the reason) to write it from, and where it comes from.
   */
  console: (
    kind: ConsoleEntry['kind'],
    message: string | ArrayLike<unknown>,
    source?: string,
    level?: ConsoleEntry['level'],
  ) => void;
  /** The duration apart from the entry: a request that fails again in the same way is a repeat, however long it took. */
  network: (entry: Omit<NetworkEntry, 'time' | 'count' | 'source' | 'durationMs'>, durationMs?: number) => void;
  step: (entry: Omit<StepEntry, 'time' | 'count'>) => void;
  /** Every log as [json, time, count, duration?] entries (postMessage copies them). */
  snapshot: () => RawSnapshot;
}

/**
 * A log's newest `capacity` entries, in as many slots used in turn: no trimming, no copying. An
 * entry that takes the slot of a kept one is counted in `dropped[name]`.
 */
function ringLog<T>(dropped: RawSnapshot['dropped'], name: LogName, capacity: number) {
  const slots: T[] = [];
  let kept = 0;
  return {
    /** Undefined while empty: the slot before the first is the last, still a hole. */
    last: (): T | undefined => slots[(kept + capacity - 1) % capacity],
    add(entry: T) {
      if (kept >= capacity) dropped[name]++;
      slots[kept++ % capacity] = entry;
    },
    /** The entries kept, oldest first. */
    list<R = T>(map: (entry: T) => R = (entry) => entry as never): R[] {
      const out: R[] = [];
      for (let i = kept > capacity ? kept - capacity : 0; i < kept; i++) out[out.length] = map(slots[i % capacity]);
      return out;
    },
  };
}

/**
 * A getter that logs while its object is being described would write into the middle of that
 * entry's message: such a call is counted as dropped instead. One flag for the realm, as the
 * writer's state in serialize.ts is.
 */
let writing = false;

export function createRecorder(clock: () => number = now): Recorder {
  const installedAt = clock();
  const dropped = { console: 0, network: 0, steps: 0 };
  // LIMITS.consoleEntries, networkEntries and stepEntries, as numbers: the LIMITS object would
  // come whole into this script (a unit test checks they agree).
  const consoleLog = ringLog<KeptConsole>(dropped, 'console', 200);
  const networkLog = ringLog<RawEntry>(dropped, 'network', 100);
  const stepLog = ringLog<RawEntry>(dropped, 'steps', 50);
  let ring: Uint16Array | undefined;
  /** Where the next console entry's text goes. */
  let cursor = 0;
  const jsonAdder = (log: typeof networkLog) => (entry: object, durationMs?: number) => {
    try {
      const json = entryJson(entry as Fields);
      const last = log.last();
      if (last && last[0] === json) return void last[2]++;
      log.add([json, clock(), 1, durationMs]);
    } catch {
      /* recording is best effort */
    }
  };
  return {
    // Runs on every console.error of the page.
    console(kind, message, source, level = 'error') {
      if (writing) return void dropped.console++;
      writing = true;
      try {
        // Back to the start while a whole call still fits before the end.
        if (cursor > RING_UNITS - ENTRY_UNITS) cursor = 0;
        const start = cursor;
        const units = ring || (ring = new Units(RING_UNITS));
        const entry: ConsoleFields = { level, kind, source };
        const stop = writeEntry(units, start, entry, message);
        const length = stop - start;
        const last = consoleLog.last();
        // A repeat has the same text, then the same fields (most lines that differ differ early).
        if (last && last[2] - last[1] === length) {
          let i = 0;
          while (i < length && units[last[1] + i] === units[start + i]) i++;
          const was = last[0];
          if (
            i === length &&
            was.level === level &&
            was.kind === kind &&
            was.source === entry.source &&
            was.stack === entry.stack
          )
            return void last[4]++;
        }
        consoleLog.add([entry, start, stop, clock(), 1]);
        cursor = stop;
      } catch {
        /* recording is best effort */
      } finally {
        writing = false;
      }
    },
    network: jsonAdder(networkLog),
    step: jsonAdder(stepLog),
    snapshot: () => ({
      installedAt,
      console: consoleLog.list(
        (kept) => [entryJson({ ...kept[0], message: read(ring!, kept[1], kept[2]) }), kept[3], kept[4]] as RawEntry,
      ),
      network: networkLog.list(),
      steps: stepLog.list(),
      dropped,
    }),
  };
}
