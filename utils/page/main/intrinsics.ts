/**
 * Built-ins captured when the recorder module first runs (document_start, before any page
 * script), for the code that runs later, while the page runs; code that runs only at install uses
 * the globals directly. Pages are free to replace Array.prototype.push, JSON.stringify,
 * Function.prototype.call, EventTarget.prototype.addEventListener and friends later. When the
 * recorder is injected late (a tab open before install) the page may have tampered with them
 * already: every use is inside a try.
 */

/**
 * `uncurry(String.prototype.slice)(s, 0, 5)` is `s.slice(0, 5)` with the original slice and the
 * original call, whatever the page does to either later (the primordials pattern of Node.js).
 */
const functionProto = Function.prototype;
const uncurry: (method: (...args: never[]) => unknown) => any = functionProto.bind.bind(functionProto.call);

export const apply = Reflect.apply;
/** Own enumerable string keys: what a console preview shows, and 10x faster than Reflect.ownKeys. */
export const keys = Object.keys;
export const isArray = Array.isArray;
export const stringify = JSON.stringify;
export const now = Date.now;
export const toText = String;
export const fromCharCode = toText.fromCharCode;
export const Units = Uint16Array;
const stringProto = toText.prototype;

export const slice = uncurry(stringProto.slice) as (s: string, start: number, end?: number) => string;
export const replace = uncurry(stringProto.replace) as (s: string, pattern: RegExp, by: string) => string;
export const unitAt = uncurry(stringProto.charCodeAt) as (s: string, at: number) => number;
export const tagOf = uncurry(Object.prototype.toString) as (v: unknown) => string;
export const promiseThen = uncurry(Promise.prototype.then) as <T>(
  p: Promise<T>,
  ok: (v: T) => unknown,
  fail: (e: any) => unknown,
) => Promise<unknown>;
const weakMapProto = WeakMap.prototype;
export const weakGet = uncurry(weakMapProto.get) as <V>(map: WeakMap<object, V>, key: object) => V | undefined;
export const weakSet = uncurry(weakMapProto.set) as <V>(map: WeakMap<object, V>, key: object, value: V) => void;
export const addListener = uncurry(EventTarget.prototype.addEventListener) as (
  target: EventTarget,
  type: string,
  listener: (event: any) => void,
  options?: boolean | AddEventListenerOptions,
) => void;
