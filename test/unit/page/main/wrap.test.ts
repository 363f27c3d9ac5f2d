// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { listen, wrap } from '@/utils/page/main/wrap';

describe('wrap', () => {
  it('calls the original with the same this and the same argument objects, and returns its result', () => {
    const result = { r: 1 };
    const calls: unknown[][] = [];
    const owner = {
      method(this: unknown, ...args: unknown[]) {
        calls.push([this, ...args]);
        return result;
      },
    };
    const seen: unknown[] = [];
    wrap(owner, 'method', (value, args) => void seen.push(value, args[0]));
    const arg = { a: 1 };
    const other = {};
    expect(owner.method(arg, 2)).toBe(result);
    expect(owner.method.call(other, arg)).toBe(result);
    expect(calls[0][0]).toBe(owner);
    expect(calls[0][1]).toBe(arg);
    expect(calls[1][0]).toBe(other);
    expect(seen).toEqual([result, arg, result, arg]);
  });

  it('still calls the original, and returns its result, when recording throws', () => {
    const original = vi.fn(() => 42);
    const owner = { method: original };
    wrap(owner, 'method', () => {
      throw new Error('recording failed');
    });
    expect(owner.method()).toBe(42);
    expect(original).toHaveBeenCalledTimes(1);
  });

  it("lets the original's exception through unchanged, and records nothing then", () => {
    const error = new Error('page error');
    const after = vi.fn();
    const owner = {
      method() {
        throw error;
      },
    };
    wrap(owner, 'method', after);
    expect(() => owner.method()).toThrow(error);
    expect(after).not.toHaveBeenCalled();
  });

  it('returns what the hook gives instead only when it gives something', () => {
    const owner = { a: () => 'original', b: () => 'original' };
    wrap(owner, 'a', () => 'replaced');
    wrap(owner, 'b', () => undefined);
    expect(owner.a()).toBe('replaced');
    expect(owner.b()).toBe('original');
  });

  it('keeps the name and, like a native method, cannot be used with new', () => {
    const owner = { error() {} };
    wrap(owner, 'error', () => undefined);
    expect(owner.error.name).toBe('error');
    expect(() => new (owner.error as unknown as new () => unknown)()).toThrow(TypeError);
  });

  it('leaves frozen objects and missing or non-function members alone, without throwing', () => {
    const frozen = Object.freeze({
      error() {
        return 1;
      },
    });
    expect(() => wrap(frozen, 'error', () => 2)).not.toThrow();
    expect(frozen.error()).toBe(1);
    const owner: Record<string, unknown> = { notAFunction: 3 };
    wrap(owner, 'missing', () => 2);
    wrap(owner, 'notAFunction', () => 2);
    expect(owner).toEqual({ notAFunction: 3 });
    expect(() => wrap(undefined, 'x', () => 2)).not.toThrow();
  });
});

describe('listen', () => {
  it('never lets a handler error reach the page', () => {
    const target = new EventTarget();
    const seen: string[] = [];
    listen(target, 'x', () => {
      throw new Error('bug');
    });
    listen(target, 'x', (event: Event) => seen.push(event.type));
    expect(() => target.dispatchEvent(new Event('x'))).not.toThrow();
    expect(seen).toEqual(['x']);
  });

  it('keeps listening when the page replaces addEventListener afterwards', () => {
    const target = new EventTarget();
    const seen: string[] = [];
    const saved = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = () => {
      throw new Error('replaced');
    };
    try {
      listen(target, 'y', () => seen.push('y'));
    } finally {
      EventTarget.prototype.addEventListener = saved;
    }
    target.dispatchEvent(new Event('y'));
    expect(seen).toEqual(['y']);
  });
});
