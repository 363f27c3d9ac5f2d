/**
 * Replacing a page function with one that records, without changing what the page observes: the
 * original always runs first, with the same `this` and the same argument objects, and its return
 * value (or exception) is what the caller gets. Recording runs in try/catch and never throws. The
 * replacement has the original's `name` and `length`, and Function.prototype.toString shows it as
 * the original (see nativeLooking).
 */
import { addListener, apply, bare, construct, defineValue, proxies, weakGet, weakSet } from './intrinsics';

/** Called with the original's result; a return other than undefined or null replaces it (fetch's chained promise). */
type After = (result: any, args: IArguments, self: any) => unknown;

type Fn = (...args: never[]) => unknown;

/** Each replacement (and the replaced toString itself) and the function whose source it shows. */
const shownAs = new WeakMap<Fn, Fn>();

/**
 * Function.prototype.toString of `win`, replaced once so that a wrapper prints as the native
 * function it stands for ("function error() { [native code] }"), and so does the replacement
 * itself. Everything else prints exactly as before.
 */
export const nativeLooking = (win: { Function: FunctionConstructor }): void => {
  const proto = win.Function.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with apply, on a function
  const original = proto.toString;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- installed as Function.prototype.toString
  const { toString } = {
    toString(this: Fn) {
      return apply(original, weakGet(shownAs, this) || this, []);
    },
  };
  weakSet(shownAs, toString, original);
  proto.toString = toString;
};

/**
 * Replaces `win.Proxy` with a proxy of it that notes every proxy the page makes (Proxy.revocable's
 * too), so the serialiser can write "Proxy" without running a trap: nothing else tells a proxy
 * from its target. It has the original's name, length, keys and source, and cannot be called
 * without new either. Its handler has no prototype: a trap the page puts on Object.prototype is
 * never ours.
 */
export const trackProxies = (win: { Proxy: ProxyConstructor }): void => {
  const original = win.Proxy;
  const note = (made: object) => (weakSet(proxies, made, 1), made);
  wrap(original, 'revocable', (result: { proxy: object }) => {
    // An own data property of the object the native revocable made: no page code reads it.
    note(result.proxy);
  });
  const tracked = new original(
    original,
    bare({ construct: (target: any, args: any[], newTarget: any) => note(construct(target, args, newTarget)) }),
  );
  weakSet(shownAs, tracked as unknown as Fn, original as unknown as Fn);
  win.Proxy = tracked;
};

export const wrap = (owner: any, name: string, after: After): void => {
  try {
    const original = owner[name];
    if (typeof original !== 'function') return;
    // A method, not a function: keeps the original's name and, like it, cannot be called with new.
    const replacement = {
      [name](this: unknown) {
        // eslint-disable-next-line prefer-rest-params -- every wrapped call on every page: no array copied
        const result = apply(original, this, arguments);
        try {
          // eslint-disable-next-line prefer-rest-params -- the same arguments object the original got
          return after(result, arguments, this) ?? result;
        } catch {
          return result;
        }
      },
    }[name];
    // Shown as the original: same length, same source.
    defineValue(replacement, 'length', original.length);
    weakSet(shownAs, replacement, original);
    owner[name] = replacement;
  } catch {
    // Frozen or read-only: that hook stays off, the others still work.
  }
};

/** With the addEventListener captured at install: a page that wraps or breaks it cannot unhook us. */
export const listen = (
  target: EventTarget,
  type: string,
  handler: (event: any) => void,
  options?: boolean | AddEventListenerOptions,
): void =>
  addListener(
    target,
    type,
    (event) => {
      try {
        handler(event);
      } catch {
        /* never throw into the page */
      }
    },
    options,
  );
