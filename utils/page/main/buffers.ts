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
import { bare, closest, isObject, deref, keys, now, slice, stringify, Units, WeakRefCtor } from './intrinsics';
import { ENTRY_UNITS, FIRST_UNITS, read, RING_UNITS, writeEntry } from './serialize';

type Fields = Record<string, unknown>;
/** A console entry's fields but its message (in the ring) and its time and count. */
export type ConsoleFields = Pick<ConsoleEntry, 'level' | 'kind' | 'source' | 'stack'>;
/** A console entry as kept: its other fields, where its message is in the ring, first time, count. */
type KeptConsole = [fields: ConsoleFields, start: number, end: number, time: number, count: number];
/**
 * A request or a step as kept; a step on an element keeps it (weakly, where a request keeps its
 * duration) and its JSON without the element's text.
 */
type KeptStep = [json: string, time: number, count: number, extra?: number | WeakRef<Element>, unnamed?: string];

/**
 * `entry` as JSON, its longest strings cut until the JSON fits ENTRY_JSON_CHARS. A console message
 * goes last: it is what is read first, and its "… [N chars]" says what it lost already.
 */
export const entryJson = (fields: Fields): string => {
  // Copied to an object with no prototype: JSON.stringify finds no toJSON of the page's, and the
  // cuts below write own properties, never a setter the page put on Object.prototype.
  const entry = bare({ ...fields });
  const names = keys(entry);
  let json = stringify(entry);
  for (let over: number; (over = json.length - ENTRY_JSON_CHARS) > 0; json = stringify(entry)) {
    // The longest string of ten characters or more (never a level or a kind, which must stay
    // whole to be valid), the message only when there is none.
    let longest = 'message';
    let most = 9;
    for (let i = 0; i < names.length; i++) {
      const field = names[i];
      if (field !== 'message' && (entry[field] as string)?.length > most)
        most = (entry[(longest = field)] as string).length;
    }
    const text = entry[longest] as string;
    // Cutting n characters shortens the JSON by n or more (escapes are longer than what they stand for).
    entry[longest] = slice(text, 0, text.length > over ? text.length - over - 1 : 0) + '…';
  }
  return json;
};

/** What the hooks write into; a same-origin child frame gets its parent's. None of it throws. */
export interface Recorder {
  /**
   * A console call, uncaught error, rejection, failed load or CSP violation: its message, or the
   * call's arguments (or the error, or the reason) to write it from, and where it comes from.
   */
  line(
    kind: ConsoleEntry['kind'],
    message: string | ArrayLike<unknown>,
    source?: string,
    level?: ConsoleEntry['level'],
  ): void;
  /** The duration apart from the entry: a request that fails again in the same way is a repeat, however long it took. */
  request: (entry: Omit<NetworkEntry, 'time' | 'count' | 'source' | 'durationMs'>, durationMs?: number) => void;
  /**
   * A step; for a step on an element, the element and the step's label without the element's text,
   * which replaces the label when the element turns out to be under one of the admin's mask
   * selectors at pull time (or is gone by then).
   */
  step: (entry: Omit<StepEntry, 'time' | 'count'>, el?: Element, unnamed?: string) => void;
  /** Every log as [json, time, count, duration?] entries; steps on elements under `masks` without their text. */
  snapshot: (masks?: string | null) => RawSnapshot;
}

/** A log's newest `capacity` entries, in as many slots used in turn: no trimming, no copying. */
const ringLog = <T>(capacity: number) => {
  const slots: T[] = bare([]);
  /** How many entries were added. */
  let added = 0;
  /** How many took the slot of a kept one, which is also where the oldest kept one is. */
  const lost = () => (added > capacity ? added - capacity : 0);
  return {
    lost,
    /** Undefined while empty: slot -1, which an array with no prototype has not. */
    last: (): T | undefined => slots[(added - 1) % capacity],
    add(entry: T) {
      slots[added++ % capacity] = entry;
    },
    /** The entries kept, oldest first. */
    list<R>(map: (entry: T) => R): R[] {
      const out: R[] = bare([]);
      for (let i = lost(); i < added; i++) out[out.length] = map(slots[i % capacity]);
      return out;
    },
  };
};

/**
 * A getter that logs while its object is being described would write into the middle of that
 * entry's message: such a call is counted as dropped instead. One flag for the realm, as the
 * writer's state in serialize.ts is.
 */
let writing: 0 | 1 = 0;

export const createRecorder = (clock: () => number = now): Recorder => {
  const installedAt = clock();
  // LIMITS.consoleEntries, networkEntries and stepEntries, as numbers: the LIMITS object would
  // come whole into this script (a unit test checks they agree).
  const consoleLog = ringLog<KeptConsole>(200);
  const networkLog = ringLog<KeptStep>(100);
  const stepLog = ringLog<KeptStep>(50);
  /** Console calls made while another was being written (see `writing`). */
  let reentered = 0;
  let ring: Uint16Array | undefined;
  /** The ring's length, kept here: a typed array's length is a getter the page can replace. */
  let size = 0;
  /** Where the next console entry's text goes. */
  let cursor = 0;
  const jsonAdder =
    (log: typeof stepLog) =>
    (entry: Fields, extra?: number | Element, unnamed?: string): void => {
      // Nothing here throws: the entry is the hooks' own object of strings and numbers.
      const json = entryJson(entry);
      const last = log.last();
      if (last?.[0] === json) return void last[2]++;
      log.add(
        bare(
          isObject(extra)
            ? [json, clock(), 1, new WeakRefCtor(extra), entryJson({ ...entry, label: unnamed })]
            : [json, clock(), 1, extra],
        ),
      );
    };
  return {
    // Runs on every console.error of the page.
    line(kind, message, source, level = 'error') {
      if (writing) return void reentered++;
      writing = 1;
      try {
        // A ring twice as large while a whole call may not fit before the end, then back to the start.
        if (cursor > size - ENTRY_UNITS) {
          if (size < RING_UNITS) {
            const grown = new Units((size = size * 2 || FIRST_UNITS));
            for (let i = 0; i < cursor; i++) grown[i] = ring![i];
            ring = grown;
          } else cursor = 0;
        }
        const start = cursor;
        const units = ring!;
        // Every field writeEntry sets is an own property from the start, so its writes never reach
        // a setter the page put on Object.prototype (the stack is set there, whatever it is here).
        const entry: ConsoleFields = { level, kind, source, stack: '' };
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
        writing = 0;
      }
    },
    request: jsonAdder(networkLog),
    step: jsonAdder(stepLog),
    // Nothing in it has a prototype: JSON.stringify finds no toJSON of the page's.
    snapshot: (masks) =>
      bare({
        installedAt,
        console: consoleLog.list(
          (kept) =>
            bare([entryJson({ ...kept[0], message: read(ring!, kept[1], kept[2]) }), kept[3], kept[4]]) as RawEntry,
        ),
        network: networkLog.list((kept) => kept as RawEntry),
        steps: stepLog.list((kept): RawEntry => {
          let el: Element | undefined;
          // An element gone by now may have been under a mask: its text is left out too.
          // The element's reference while it may be hidden, then whether it is.
          let hidden: unknown = masks && kept[3];
          try {
            hidden &&= !(el = deref(hidden as WeakRef<Element>)) || closest(el, masks!);
          } catch {
            /* a selector that does not parse: left out, as under a mask */
          }
          return bare([hidden ? kept[4]! : kept[0], kept[1], kept[2]]);
        }),
        dropped: bare({ console: consoleLog.lost() + reentered, network: networkLog.lost(), steps: stepLog.lost() }),
      }),
  };
};
