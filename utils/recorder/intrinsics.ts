/**
 * Built-ins captured when the recorder module first runs (document_start, before any page
 * script). Pages are free to replace Array.prototype.push, JSON.stringify, Function.prototype.call
 * and friends later; the recorder only ever uses these saved references.
 */
export const apply = Reflect.apply;
export const ownKeys = Reflect.ownKeys;
export const isArray = Array.isArray;
export const toStringTag = Object.prototype.toString;
export const strSlice = String.prototype.slice;
export const strReplace = String.prototype.replace;
export const symbolToString = Symbol.prototype.toString;
export const bigintToString = BigInt.prototype.toString;
export const now = Date.now;

export function slice(s: string, start: number, end?: number): string {
  return apply(strSlice, s, end === undefined ? [start] : [start, end]) as string;
}

export function tagOf(value: unknown): string {
  return apply(toStringTag, value, []) as string;
}

export function replace(s: string, pattern: RegExp, by: string): string {
  return apply(strReplace, s, [pattern, by]) as string;
}
