/**
 * Replacing a page function with one that records, without changing what the page observes: the
 * original always runs first, with the same `this` and the same argument objects, and its return
 * value (or exception) is what the caller gets. Recording runs in try/catch and never throws.
 */
import { addListener, apply } from './intrinsics';

/** Called with the original's result; a non-undefined return replaces it (fetch's chained promise). */
type After = (result: any, args: IArguments, self: any) => unknown;

export function wrap(owner: any, name: string, after: After): void {
  try {
    const original = owner[name];
    if (typeof original !== 'function') return;
    // A method, not a function: keeps the original's name and, like it, cannot be called with new.
    owner[name] = {
      [name](this: unknown) {
        // eslint-disable-next-line prefer-rest-params -- every wrapped call on every page: no array copied
        const result = apply(original, this, arguments);
        try {
          // eslint-disable-next-line prefer-rest-params -- the same arguments object the original got
          const replaced = after(result, arguments, this);
          if (replaced !== undefined) return replaced;
        } catch {
          /* the page gets the original result */
        }
        return result;
      },
    }[name];
  } catch {
    // Frozen or read-only: that hook stays off, the others still work.
  }
}

/** With the addEventListener captured at install: a page that wraps or breaks it cannot unhook us. */
export function listen(
  target: EventTarget,
  type: string,
  handler: (event: any) => void,
  options?: boolean | AddEventListenerOptions,
): void {
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
}
