/**
 * Turns whatever a page passes to console.* into bounded text (serializeArgs never throws) without
 * keeping references to page objects, so a logged 5 MB string or DOM tree is not retained.
 */
import { isArray, keys as keysOf, slice, tagOf, toText } from './intrinsics';

export const DEPTH = 3;
export const BREADTH = 50;
export const STRING_CHARS = 300;
/** A line fits an entry (ENTRY_JSON_CHARS) with room for a stack: cutting it there would lose its "… [N chars]". */
export const TOTAL_CHARS = 1000;
export const STACK_CHARS = 4000;

export function truncate(s: string, max: number): string {
  return s.length > max ? slice(s, 0, max) + `… [${s.length} chars]` : s;
}

const THREW = '[Threw]';

/** The tag of errors of any realm and subclass (it comes from an internal slot) and of DOMExceptions. */
const errorTag = (tag: string) => tag === '[object Error]' || tag === '[object DOMException]';

/** Throws for a revoked Proxy. */
export const isErrorLike = (v: unknown): boolean => errorTag(tagOf(v));

/** "TypeError: message", as the console shows an error. Throws if a getter does: callers catch. */
export function headline(error: any): string {
  const { name, message } = error;
  return truncate(message ? `${name}: ${message}` : '' + name, TOTAL_CHARS);
}

/** The stack as the engine wrote it (the background removes V8's repeated headline). Throws if its getter does. */
export function stackOf(error: any): string | undefined {
  const stack = error.stack;
  return typeof stack === 'string' ? truncate(stack, STACK_CHARS) : undefined;
}

/** `seen[0..depth-1]` are the objects being described around `v`: a repeat is a cycle. */
function describe(v: any, depth: number, seen?: object[]): string {
  const type = typeof v;
  if (type === 'string') return depth ? `"${truncate(v, STRING_CHARS)}"` : truncate(v, TOTAL_CHARS);
  if (type === 'function') return `[Function${v.name ? ' ' + v.name : ''}]`;
  // Numbers, booleans, undefined, null, symbols (String, unlike +, accepts them), BigInts (10n).
  if (!v || type !== 'object') return toText(v) + (type === 'bigint' ? 'n' : '');
  // Made for objects only: most arguments are strings and numbers.
  if (!seen) seen = [];
  for (let i = 0; i < depth; i++) if (seen[i] === v) return '[Circular]';
  const tag = tagOf(v);
  if (errorTag(tag)) return headline(v);
  const array = isArray(v);
  if (!array && tag !== '[object Object]') {
    // A DOM node as a short descriptor; Maps, typed arrays, windows…: their kind, not their insides.
    return v.nodeType ? `<${v.localName || v.nodeName}${v.id ? '#' + v.id : ''}>` : `[${slice(tag, 8, -1)}]`;
  }
  if (depth >= DEPTH) return '[…]';
  seen[depth] = v;
  // Arrays by index: the keys of a million-element array would be a million strings.
  const keys = array ? undefined : keysOf(v);
  const count = keys ? keys.length : v.length;
  let out = '';
  for (let i = 0; i < count; i++) {
    const key = keys ? keys[i] : i;
    if (i === BREADTH || out.length > TOTAL_CHARS) {
      out += ', …';
      break;
    }
    let item: string;
    try {
      item = describe(v[key], depth + 1, seen);
    } catch {
      item = THREW;
    }
    out += (i ? ', ' : '') + (keys ? (key as string) + ': ' : '') + item;
  }
  return array ? `[${out}]` : `{${out}}`;
}

/** One console call -> one line of text, like the browser's console shows it. */
export function serializeArgs(args: ArrayLike<unknown>): string {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    if (out.length >= TOTAL_CHARS) {
      out += ' …';
      break;
    }
    let part: string;
    try {
      part = describe(args[i], 0);
    } catch {
      part = THREW;
    }
    out += (i ? ' ' : '') + part;
  }
  // Room for one "… [N chars]": a single long string keeps its own note, with its real length.
  return truncate(out, TOTAL_CHARS + 30);
}
