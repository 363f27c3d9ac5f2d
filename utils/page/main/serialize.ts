/**
 * Turns whatever a page passes to console.* into bounded text, written unit by unit into the
 * recorder's ring of UTF-16 code units (buffers.ts), never throwing and keeping no reference to
 * page objects, so a logged 5 MB string or DOM tree is not retained. A line written there is a
 * copy by construction, and writing it makes no string at all: building the text as strings and
 * copying it with JSON.stringify was two thirds of what a console.error cost the page.
 */
import { ENTRY_JSON_CHARS } from '../../core/wire/page-protocol';
import type { ConsoleFields } from './buffers';
import {
  apply,
  attempt,
  bare,
  ErrorCtor,
  fromCharCode,
  GETTER,
  hasOwn,
  idOf,
  isArray,
  isError,
  isProxy,
  isString,
  isView,
  keys as keysOf,
  localNameOf,
  nodeTypeOf,
  own,
  ownDescriptor,
  objectProto,
  protoOf,
  toStringTag,
  toText,
  unitAt,
} from './intrinsics';

export const DEPTH = 3;
export const BREADTH = 50;
export const STRING_CHARS = 300;
/** A line fits an entry (ENTRY_JSON_CHARS) with room for a stack: cutting it there would lose its "… [N chars]". */
export const TOTAL_CHARS = 1000;
/** What one call may write past where it starts: its line (at most TOTAL_CHARS + 50) and the copies of its source and stack. */
export const ENTRY_UNITS = 2048;
/**
 * The console's ring (buffers.ts): 16 KB at the first console entry, doubled as lines fill it, up
 * to 512 KB, then used in turn. A page that logs a few lines never pays for the whole ring. The
 * 200 entries kept hold at most TOTAL_CHARS + 50 units each, and a call writes at most
 * ENTRY_UNITS ahead: a new entry never overwrites the text of one still kept. Here, with the
 * other sizes: the build writes a constant imported from another module where it is used.
 */
export const FIRST_UNITS = 1 << 13;
export const RING_UNITS = 1 << 18;

/**
 * The units being written, where the next one goes and where writing stops. One state for the
 * realm: the recorder never describes two calls at once (see buffers.ts), and each call starts
 * with writeEntry().
 */
let units: Uint16Array;
let end = 0;
let stop = 0;
/** The stack of the first Error among the arguments (0 until one is found: an empty stack is none). */
let stack: unknown;

/**
 * Appends `s`. Units past `stop` are counted but not written, so a call writes at most
 * ENTRY_UNITS whatever it describes, and the length of what it would have written is still known.
 */
const put = (s: string): void => {
  let at = end;
  end += s.length;
  for (let i = 0, n = end < stop ? s.length : stop - at; i < n; i++) units[at++] = unitAt(s, i);
};

/** Cuts what was written from `at` to `max` units, with a note of its length, when longer. */
const fit = (at: number, max: number) => {
  const length = end - at;
  if (length > max) {
    end = at + max;
    put(`… [${length} chars]`);
  }
};

/** Writes `s`, cut to `max` with a note of its length. */
const cut = (s: string, max: number) => {
  const at = end;
  put(s);
  fit(at, max);
};

/** `seen[0..depth-1]` are the objects being described around `v`: a repeat is a cycle. */
const seen: unknown[] = bare([]);

/**
 * `key` as a data property of `o` or of its prototypes (a class's name, an error's name), GETTER
 * when an accessor comes first (callers take strings only), else undefined.
 */
const inherited = (o: object | null, key: PropertyKey): unknown => {
  for (let i = 0, value; o && i < 8; i++, o = protoOf(o)) if ((value = own(o, key)) !== undefined) return value;
};

/** The engine's own stack accessor, where errors have one (a getter of the page's is never called). */
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with apply, on an error
const stackGetter = ownDescriptor(new ErrorCtor(), 'stack')?.get;

/** A string-valued data property (an error's message, a class's toStringTag), else `fallback`. */
const text = (value: unknown, fallback: string) => (isString(value) ? value : fallback);

/** An Error as "TypeError: message", from its data properties; "Error" for anything else. */
export const errorText = (e: unknown): string => {
  if (!isError(e)) return 'Error';
  const message = text(own(e, 'message'), '');
  const name = text(inherited(e as object, 'name'), 'Error');
  return message ? `${name}: ${message}` : name;
};

/**
 * Writes `v` as the console shows it, from its own data properties only: a getter is shown as
 * (getter) and never called, and nothing of the page (toString, toJSON, Symbol.toPrimitive, a
 * setter or getter on a prototype) ever runs. What a throwing Proxy trap half wrote is for the
 * caller to take back.
 */
const write = (v: any, depth: number): void => {
  const type = typeof v;
  if (type === 'string') return depth ? (put('"'), cut(v, STRING_CHARS), put('"')) : cut(v, TOTAL_CHARS);
  // Numbers, booleans, undefined, null, symbols (String, unlike +, accepts them), BigInts (10n).
  if (!v || (type !== 'object' && type !== 'function')) return put(toText(v) + (type === 'bigint' ? 'n' : ''));
  // Before anything reads it: every read of a proxy runs a trap of the page's.
  if (isProxy(v)) return put('Proxy');
  if (type === 'function') {
    const name = text(inherited(v, 'name'), '');
    return put(`[Function${name ? ' ' + name : ''}]`);
  }
  for (let i = 0; i < depth; i++) if (seen[i] === v) return put('[Circular]');
  const array = isArray(v);
  const proto = protoOf(v);
  // Anything but an array or a plain object (of this realm, or with no prototype), which is most
  // of what pages log and goes straight to its items.
  if (!array && proto && proto !== objectProto) {
    // Errors of any realm and subclass (an internal slot says it), as "TypeError: message" like the
    // console shows them.
    if (isError(v)) {
      cut(errorText(v), TOTAL_CHARS);
      // The stack as the engine wrote it (the background removes V8's repeated headline): a data
      // property, or V8's own accessor. Formatting it reads the error's name and message and calls
      // Error.prepareStackTrace: none of them may be the page's. Another getter is the page's.
      const desc =
        depth || stack || inherited(v, 'name') === GETTER || inherited(v, 'message') === GETTER
          ? 0
          : ownDescriptor(v, 'stack');
      if (desc)
        stack = hasOwn(desc, 'value')
          ? desc.value
          : desc.get === stackGetter &&
            inherited(ErrorCtor, 'prepareStackTrace') === undefined &&
            apply(stackGetter!, v, []);
      return;
    }
    // A DOM node as a short descriptor, read with the native getters, which throw for anything
    // else (a throw costs microseconds); Maps, typed arrays, windows…: their kind, as their
    // prototype names it, not their insides.
    const nodeType = attempt(nodeTypeOf, v);
    if (nodeType) {
      // The document or a text node by number: a node's own nodeName getter is the page's to replace.
      if (nodeType !== 1) return put(nodeType === 9 ? '<#document>' : '<#text>');
      const id = idOf(v);
      return put(`<${localNameOf(v)}${id ? '#' + id : ''}>`);
    }
    const tag = inherited(v, toStringTag);
    if (isString(tag)) return put(`[${tag}]`);
    if (isView(v)) return put('[TypedArray]');
  }
  if (depth >= DEPTH) return put('[…]');
  seen[depth] = v;
  put(array ? '[' : '{');
  // Arrays by index: the keys of a million-element array would be a million strings.
  items(v, depth + 1, ', ', array ? 0 : keysOf(v));
  put(array ? ']' : '}');
};

/**
 * Writes `v`'s items (the values of `keys`, with their keys, when given), `sep` apart: at most
 * BREADTH of them, and none once TOTAL_CHARS are written. An item that throws (a Proxy's trap)
 * is "[Threw]".
 */
const items = (v: any, depth: number, sep: string, keys?: string[] | 0) => {
  const start = end;
  // An array's length is an own data property whatever the page does; so is the length of the
  // arguments objects and arrays the recorder passes at depth 0.
  const count = keys ? keys.length : v.length;
  for (let i = 0; i < count; i++) {
    if (i === BREADTH || end - start > TOTAL_CHARS) return put(sep + '…');
    if (i) put(sep);
    let key: string | number = i;
    if (keys) {
      put((key = keys[i]));
      put(': ');
    }
    const at = end;
    try {
      // At depth 0, the wrapper's arguments object or an array of the recorder's: every item is
      // its own data property. Below, the page's objects: own data properties only.
      const value = depth ? own(v, key) : v[key];
      if (value === GETTER) put('(getter)');
      else write(value, depth);
    } catch {
      end = at;
      put('[Threw]');
    }
  }
};

/**
 * Writes a console entry's line into `ring` from `at` (where it ends is returned): `message`, or a
 * console call's arguments as the browser's console shows them, at most TOTAL_CHARS + 50 units.
 * Then the entry's source, and the stack of the first Error among `args`, cut so the three fit
 * ENTRY_JSON_CHARS, are copied through the units after it. Throws for anything but a string or
 * an array-like (callers catch).
 */
export const writeEntry = (
  ring: Uint16Array,
  at: number,
  entry: ConsoleFields,
  message: string | ArrayLike<unknown>,
): number => {
  units = ring;
  end = at;
  stop = at + ENTRY_UNITS;
  // Not the stack of a call that threw half-way.
  stack = 0;
  if (isString(message)) put(message);
  else items(message, 0, ' ');
  // Room for one "… [N chars]": a single long string keeps its own note, with its real length.
  fit(at, TOTAL_CHARS + 30);
  const line = end;
  // The source gets half the room when there is a stack to share it with.
  entry.source = copyOf(entry.source, (ENTRY_JSON_CHARS + at - line) >> +!!stack);
  entry.stack = copyOf(stack, ENTRY_JSON_CHARS - (end - at));
  // Nothing of the page is kept past the call. One slot at a time: `seen.length = 0` would free
  // the array's store, and every call would allocate it again (a quarter of a call's cost).
  seen[0] = seen[1] = seen[2] = stack = 0;
  return line;
};

/**
 * The units from `start` to `end` of `ring` as a new string. Through a plain array: a typed
 * array's subarray() and slice() ask the page's Uint16Array.prototype.constructor for a species.
 */
export const read = (ring: Uint16Array, start: number, end: number): string => {
  const codes: number[] = bare([]);
  while (start < end) codes[codes.length] = ring[start++];
  return apply(fromCharCode, 0, codes);
};

/** A copy of `s`, cut to `max` units with "…" when longer, that shares no memory with it: written where `end` is, then read back. */
const copyOf = (s: unknown, max: number): string | undefined => {
  if (!isString(s)) return;
  const at = end;
  put(s);
  if (end - at > max) {
    end = at + max - 1;
    put('…');
  }
  return read(units, at, end);
};
