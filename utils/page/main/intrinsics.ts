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
const uncurry: (method: Function) => any = functionProto.bind.bind(functionProto.call);

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
export const PromiseCtor = Promise;
export const promiseThen = uncurry(Promise.prototype.then) as <T>(
  p: Promise<T>,
  ok: (v: T) => unknown,
  fail: (e: any) => unknown,
) => Promise<unknown>;
const weakMapProto = WeakMap.prototype;
export const weakGet = uncurry(weakMapProto.get) as <V>(map: WeakMap<object, V>, key: object) => V | undefined;
export const weakSet = uncurry(weakMapProto.set) as <V>(map: WeakMap<object, V>, key: object, value: V) => void;
const describe = Object.getOwnPropertyDescriptor;
export const ownDescriptor = describe;
export const hasOwn = Object.hasOwn;
export const setProto = Object.setPrototypeOf;
export const arrayProto = Array.prototype;
export const protoOf = Object.getPrototypeOf;
export const defineProperty = Reflect.defineProperty;
export const isView = ArrayBuffer.isView;
export const toStringTag = Symbol.toStringTag;
export const isError = (Error as { isError?: (v: unknown) => boolean }).isError;
export const ErrorCtor = Error;
/**
 * The native getter `name` of `proto` (or of its prototypes). Where an engine has none there
 * (test DOMs with plain instance fields), a read of the field.
 */
function getter(proto: object | null, name: string): (v: any) => any {
  for (; proto; proto = protoOf(proto)) {
    const get = describe(proto, name)?.get;
    if (get) return uncurry(get);
  }
  return (v) => v[name];
}
const nodeProto = Node.prototype;
const elementProto = Element.prototype;
/** Native getters, brand-checked: they throw for anything but a real node, and run no page code. */
export const nodeTypeOf = getter(nodeProto, 'nodeType') as (v: unknown) => number;
export const nodeNameOf = getter(nodeProto, 'nodeName') as (v: unknown) => string;
export const localNameOf = getter(elementProto, 'localName') as (v: unknown) => string;
export const idOf = getter(elementProto, 'id') as (v: unknown) => string;
export const relatedTargetOf = getter(FocusEvent.prototype, 'relatedTarget') as (e: Event) => Node | null;
export const responseStatus = (self.Response && getter(Response.prototype, 'status')) as (r: Response) => number;
export const requestUrl = (self.Request && getter(Request.prototype, 'url')) as (r: unknown) => string;
export const requestMethod = (self.Request && getter(Request.prototype, 'method')) as (r: unknown) => string;
export const domName = getter(DOMException.prototype, 'name') as (e: unknown) => string;
export const domMessage = getter(DOMException.prototype, 'message') as (e: unknown) => string;
export const xhrStatus = (self.XMLHttpRequest && getter(XMLHttpRequest.prototype, 'status')) as (x: unknown) => number;
export const urlHref = getter(URL.prototype, 'href') as (u: unknown) => string;
export const setText = uncurry(describe(nodeProto, 'textContent')!.set!) as (node: Node, text: string) => void;
export const stopAll = uncurry(Event.prototype.stopImmediatePropagation) as (event: Event) => void;
export const dispatch = uncurry(EventTarget.prototype.dispatchEvent) as (target: EventTarget, event: Event) => boolean;
/** An array with no prototype: writing its items can never reach a setter the page put on Object.prototype or Array.prototype. */
export const bareArray = <T>(): T[] => setProto([], null);
/** An object with no prototype: no inherited setter, getter or toJSON of the page touches it. */
export const bare = <T extends object>(o: T): T => setProto(o, null);

export const addListener = uncurry(EventTarget.prototype.addEventListener) as (
  target: EventTarget,
  type: string,
  listener: (event: any) => void,
  options?: boolean | AddEventListenerOptions,
) => void;
