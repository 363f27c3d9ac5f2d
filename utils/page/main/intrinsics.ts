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

// Aliases the minifier can shorten.
const ObjectCtor = Object;
const ReflectNs = Reflect;
const eventTargetProto = EventTarget.prototype;

export const apply = ReflectNs.apply;
export const construct = ReflectNs.construct;
/** Own enumerable string keys: what a console preview shows, and 10x faster than Reflect.ownKeys. */
export const keys = ObjectCtor.keys;
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
export const upper = uncurry(stringProto.toUpperCase) as (s: string) => string;
export const objectProto = ObjectCtor.prototype;
const tagOf = uncurry(objectProto.toString) as (v: unknown) => string;
export const promiseThen = uncurry(Promise.prototype.then) as <T>(
  p: Promise<T>,
  ok: (v: T) => unknown,
  fail: (e: any) => unknown,
) => Promise<unknown>;
const weakMapProto = WeakMap.prototype;
export const weakGet = uncurry(weakMapProto.get) as <V>(map: WeakMap<object, V>, key: object) => V | undefined;
export const weakSet = uncurry(weakMapProto.set) as <V>(map: WeakMap<object, V>, key: object, value: V) => void;
export const WeakRefCtor = WeakRef;
export const deref = uncurry(WeakRefCtor.prototype.deref) as <T extends object>(ref: WeakRef<T>) => T | undefined;
/**
 * Every Proxy the page made since the recorder started (see trackProxies in wrap.ts): a proxy is
 * written as "Proxy", since anything that reads it (keys, descriptors) runs the page's traps.
 */
export const proxies = new WeakMap<object, 1>();
/** Whether `v` is one of the page's proxies; false for primitives (WeakMap.get takes any value). */
export const isString = (v: unknown): v is string => typeof v === 'string';
/** Objects and arrays, not null. */
export const isObject = (v: unknown): v is object => !!v && typeof v === 'object';
export const isProxy = (v: unknown): unknown => weakGet(proxies, v as object);
export const ownDescriptor = ObjectCtor.getOwnPropertyDescriptor;
export const hasOwn = ObjectCtor.hasOwn;
const setProto = ObjectCtor.setPrototypeOf;
export const protoOf = ObjectCtor.getPrototypeOf;
const defineProperty = ReflectNs.defineProperty;
export const isView = ArrayBuffer.isView;
export const toStringTag = Symbol.toStringTag;
export const ErrorCtor = Error;
/** Errors of any realm and subclass, DOMExceptions too (an internal slot says it). */
export const isError: (v: unknown) => boolean =
  (ErrorCtor as { isError?: (v: unknown) => boolean }).isError || ((v) => tagOf(v) === '[object Error]');
// Read through globalThis: WXT loads this module in Node to read the entrypoint's options.
const g = globalThis as any;
/**
 * The native getter (or setter) `name` of the prototype of global `ctor`, or of its prototypes.
 * Where an engine has none there (test DOMs with plain instance fields), a read of the field.
 */
const getter = (ctor: string, name: string, set?: 1): ((v: any, to?: any) => any) => {
  for (let proto = g[ctor]?.prototype; proto; proto = protoOf(proto)) {
    const accessor = ownDescriptor(proto, name)?.[set ? 'set' : 'get'];
    if (accessor) return uncurry(accessor);
  }
  return (v) => v[name];
};
const elementProto = g.Element?.prototype;
/** Native getters, brand-checked: they throw for anything but a real node, and run no page code. */
export const nodeTypeOf = getter('Node', 'nodeType') as (v: unknown) => number;
export const localNameOf = getter('Element', 'localName') as (v: unknown) => string;
export const idOf = getter('Element', 'id') as (v: unknown) => string;
export const textOf = getter('Element', 'textContent') as (v: Node) => string | null;
export const closest = uncurry(elementProto?.closest) as (el: Element, selectors: string) => Element | null;
export const attrOf = uncurry(elementProto?.getAttribute) as (el: Element, name: string) => string | null;
const eventProto = g.Event?.prototype;
export const pathOf = uncurry(eventProto?.composedPath) as (event: Event) => EventTarget[];
export const relatedTargetOf = getter('FocusEvent', 'relatedTarget') as (e: Event) => Node | null;
export const responseStatus = getter('Response', 'status') as (r: Response) => number;
export const responseUrl = getter('Response', 'url') as (r: Response) => string;
export const requestUrl = getter('Request', 'url') as (r: unknown) => string;
export const requestMethod = getter('Request', 'method') as (r: unknown) => string;
export const domName = getter('DOMException', 'name') as (e: unknown) => string;
export const xhrStatus = getter('XMLHttpRequest', 'status') as (x: unknown) => number;
export const urlHref = getter('URL', 'href') as (u: unknown) => string;
export const setText = getter('Element', 'textContent', 1) as (node: Node, text: string) => void;
export const stopAll = uncurry(eventProto?.stopImmediatePropagation) as (event: Event) => void;
export const dispatch = uncurry(eventTargetProto.dispatchEvent) as (target: EventTarget, event: Event) => boolean;
/**
 * `key` of `o` when it is an own data property: its value, or GETTER for an accessor, which is
 * never called (a getter is page code), or undefined when `o` has no such own property. Once the
 * property is known to be own, __lookupGetter__ stops there and allocates nothing: a descriptor
 * object per read was a third of what a typical console.error cost the page.
 */
export const GETTER = {};
const lookupGetter = uncurry((objectProto as any).__lookupGetter__) as (o: object, key: PropertyKey) => unknown;
export const own = (o: any, key: PropertyKey): unknown =>
  hasOwn(o, key) ? (lookupGetter(o, key) ? GETTER : o[key]) : undefined;
/** What a native getter reads of `v`, or undefined when it throws: `v` is not of its kind. */
export const attempt = <T>(get: (v: any) => T, v: unknown): T | undefined => {
  try {
    return get(v);
  } catch {
    /* not of that kind */
  }
};
/** An own data property of `o`, never a getter nor a proxy's trap; undefined or false for anything else. */
export const dataOf = (o: unknown, key: string): unknown =>
  isObject(o) && !isProxy(o) && (o = own(o, key)) !== GETTER && o;
/**
 * Defines `key` of `o` as a configurable data property: never a setter of the page's, and its
 * descriptor has no prototype, so a `get` or `set` the page put on Object.prototype is not read
 * into it.
 */
export const defineValue = (o: object, key: PropertyKey, value: unknown): boolean =>
  defineProperty(o, key, bare({ value, configurable: true }));
/**
 * An object (or array) with no prototype: no inherited setter, getter or toJSON of the page
 * touches it, and writing an array's items never reaches a setter the page put on
 * Object.prototype or Array.prototype.
 */
export const bare = <T extends object>(o: T): T => setProto(o, null);

export const addListener = uncurry(eventTargetProto.addEventListener) as (
  target: EventTarget,
  type: string,
  listener: (event: any) => void,
  options?: boolean | AddEventListenerOptions,
) => void;
