/**
 * Turns whatever a page passes to console.* into bounded text, without ever throwing and without
 * keeping references to page objects (so a logged 5 MB string or DOM tree is not retained).
 */
import { apply, bigintToString, isArray, ownKeys, replace, slice, symbolToString, tagOf } from './intrinsics';

export const SERIALIZE_LIMITS = { depth: 3, breadth: 50, stringChars: 500, totalChars: 2000 };

function truncate(s: string, max: number): string {
  return s.length > max ? slice(s, 0, max) + `… [${s.length} chars]` : s;
}

function describeNode(node: { nodeType: number; nodeName: string; id?: unknown; className?: unknown }): string {
  if (node.nodeType !== 1) return `[${node.nodeName}]`;
  const id = typeof node.id === 'string' && node.id ? '#' + node.id : '';
  const classes = typeof node.className === 'string' ? replace(replace(node.className, /^\s+|\s+$/g, ''), /\s+/g, '.') : '';
  const cls = classes ? '.' + classes : '';
  return truncate(`<${node.nodeName.toLowerCase()}${id}${cls}>`, 100);
}

function isNodeLike(v: object): v is { nodeType: number; nodeName: string } {
  try {
    const n = v as { nodeType?: unknown; nodeName?: unknown };
    return typeof n.nodeType === 'number' && typeof n.nodeName === 'string' && tagOf(v) !== '[object Object]';
  } catch {
    return false;
  }
}

export function isErrorLike(v: unknown): v is { name?: unknown; message?: unknown; stack?: unknown } {
  if (!v || typeof v !== 'object') return false;
  try {
    return tagOf(v) === '[object Error]' || (typeof (v as Error).message === 'string' && typeof (v as Error).stack === 'string');
  } catch {
    return false;
  }
}

export function errorHeadline(err: { name?: unknown; message?: unknown }): string {
  let name = 'Error';
  let message = '';
  try {
    if (typeof err.name === 'string') name = err.name;
    if (typeof err.message === 'string') message = err.message;
  } catch {
    return '[Threw]';
  }
  return message ? `${name}: ${message}` : name;
}

/** Stack frames only: V8 repeats "Name: message" as the first line, Firefox does not. */
export function normalizeStack(err: { stack?: unknown }, headline: string): string | undefined {
  let stack: unknown;
  try {
    stack = err.stack;
  } catch {
    return undefined;
  }
  if (typeof stack !== 'string' || !stack) return undefined;
  const text = slice(stack, 0, headline.length) === headline ? replace(slice(stack, headline.length), /^\s*\n/, '') : stack;
  return truncate(text, 4000) || undefined;
}

function describe(value: unknown, depth: number, ancestors: object[], nested: boolean): string {
  switch (typeof value) {
    case 'string':
      return nested ? `"${truncate(value, SERIALIZE_LIMITS.stringChars)}"` : truncate(value, SERIALIZE_LIMITS.totalChars);
    case 'number':
    case 'boolean':
    case 'undefined':
      return '' + value;
    case 'bigint':
      return apply(bigintToString, value, []) + 'n';
    case 'symbol':
      return apply(symbolToString, value, []) as string;
    case 'function': {
      let name = '';
      try {
        name = typeof value.name === 'string' ? value.name : '';
      } catch {
        /* a throwing name getter is still a function */
      }
      return `[Function${name ? ' ' + name : ''}]`;
    }
  }
  if (value === null) return 'null';
  const obj = value as object;
  for (let i = 0; i < ancestors.length; i++) if (ancestors[i] === obj) return '[Circular]';
  if (isErrorLike(obj)) return errorHeadline(obj);
  if (isNodeLike(obj)) return describeNode(obj);
  if (depth >= SERIALIZE_LIMITS.depth) return isArray(obj) ? '[Array]' : '[Object]';

  const path: object[] = [];
  for (let i = 0; i < ancestors.length; i++) path[i] = ancestors[i];
  path[ancestors.length] = obj;
  let keys: (string | symbol)[];
  try {
    keys = ownKeys(obj);
  } catch {
    return '[Threw]';
  }
  const array = isArray(obj);
  let out = '';
  let shown = 0;
  let budget = SERIALIZE_LIMITS.totalChars;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (array && key === 'length') continue;
    if (typeof key === 'symbol') continue;
    if (shown >= SERIALIZE_LIMITS.breadth || budget <= 0) {
      out += `${shown ? ', ' : ''}…`;
      break;
    }
    let item: string;
    try {
      item = describe((obj as Record<string, unknown>)[key], depth + 1, path, true);
    } catch {
      item = '[Threw]';
    }
    const part = array ? item : `${key}: ${item}`;
    out += (shown ? ', ' : '') + part;
    budget -= part.length;
    shown++;
  }
  return array ? `[${out}]` : `{${out}}`;
}

/** One console call -> one line of text, like the browser's console shows it. */
export function serializeArgs(args: ArrayLike<unknown>): string {
  let out = '';
  for (let i = 0; i < args.length && out.length < SERIALIZE_LIMITS.totalChars; i++) {
    let part: string;
    try {
      part = describe(args[i], 0, [], false);
    } catch {
      part = '[Threw]';
    }
    out += (i ? ' ' : '') + part;
  }
  return truncate(out, SERIALIZE_LIMITS.totalChars);
}
