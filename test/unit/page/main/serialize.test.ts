// @vitest-environment happy-dom
import type { RawSnapshot } from '@/utils/core/wire/page-protocol';
import { describe, expect, it } from 'vitest';
import { ENTRY_JSON_CHARS } from '@/utils/core/wire/page-protocol';
import { createRecorder } from '@/utils/page/main/buffers';
import { trackProxies } from '@/utils/page/main/wrap';
import { BREADTH, DEPTH, ENTRY_UNITS, read, STRING_CHARS, TOTAL_CHARS, writeEntry } from '@/utils/page/main/serialize';

/** The snapshot as the bridge gets it: the recorder's own has no prototypes (JSON.stringify meets no toJSON of the page's). */
const plain = (snapshot: RawSnapshot): RawSnapshot => JSON.parse(JSON.stringify(snapshot));

/** One console call -> its line of text, as the recorder writes it into its ring. */
function serializeArgs(args: ArrayLike<unknown>): string {
  const ring = new Uint16Array(ENTRY_UNITS);
  return read(ring, 0, writeEntry(ring, 0, { level: 'log', kind: 'console' }, args));
}

const one = (value: unknown) => serializeArgs([value]);

describe('serializeArgs', () => {
  it('joins arguments like the console does, strings unquoted at the top and quoted inside', () => {
    expect(serializeArgs(['Failed to load', { status: 500, endpoint: '/api' }, 3, true, null, undefined])).toBe(
      'Failed to load {status: 500, endpoint: "/api"} 3 true null undefined',
    );
    expect(one(['a', ['b', 1]])).toBe('["a", ["b", 1]]');
  });

  it(`stops at depth ${DEPTH}`, () => {
    expect(one({ a: { b: { c: { d: 1 } } } })).toBe('{a: {b: {c: […]}}}');
    expect(one([[[[1]]]])).toBe('[[[[…]]]]');
  });

  it(`shows at most ${BREADTH} keys or items, then an ellipsis`, () => {
    const wide = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${i}`, i]));
    const text = one(wide);
    expect(text).toContain('k49: 49, …}');
    expect(text).not.toContain('k50');
    expect(one(Array.from({ length: 1_000_000 }, (_, i) => i))).toMatch(/^\[0, 1, .*, 49, …\]$/);
  });

  it('truncates long strings and says how long they were', () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    expect(one(big)).toBe('x'.repeat(TOTAL_CHARS) + '… [5242880 chars]');
    expect(one({ big })).toBe(`{big: "${'x'.repeat(STRING_CHARS)}… [5242880 chars]"}`);
  });

  it('marks circular references', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    a.list = [a, { back: a }];
    expect(one(a)).toBe('{name: "a", self: [Circular], list: [[Circular], {back: [Circular]}]}');
    // The same object twice side by side is not a cycle.
    const shared = { x: 1 };
    expect(one([shared, shared])).toBe('[{x: 1}, {x: 1}]');
  });

  it('shows a getter as (getter) without calling it (page code), and goes on with the other keys', () => {
    const trap = {
      before: 1,
      get boom() {
        throw new Error('getter threw');
      },
      after: 2,
    };
    expect(one(trap)).toBe('{before: 1, boom: (getter), after: 2}');
  });

  it('describes DOM nodes briefly, without their contents', () => {
    document.body.innerHTML = '<div id="node" class="a b"><p>lots of text</p></div>';
    expect(one(document.getElementById('node'))).toBe('<div#node>');
    expect(one(document.querySelector('p'))).toBe('<p>');
    expect(one(document.createTextNode('t'))).toBe('<#text>');
    expect(one(document)).toBe('<#document>');
  });

  it('gives an Error as "Name: message", at the top and nested', () => {
    expect(one(new TypeError("Cannot read properties of undefined (reading 'total')"))).toBe(
      "TypeError: Cannot read properties of undefined (reading 'total')",
    );
    expect(one({ cause: new RangeError('bad') })).toBe('{cause: RangeError: bad}');
    expect(one(new DOMException('play() failed', 'NotAllowedError'))).toBe('NotAllowedError: play() failed');
  });

  it('handles symbols, BigInts, functions and symbol keys', () => {
    expect(serializeArgs(['symbol', Symbol('s'), 'bigint', 10n ** 30n])).toBe(
      'symbol Symbol(s) bigint 1000000000000000000000000000000n',
    );
    expect(one(function save() {})).toBe('[Function save]');
    expect(one(() => 1)).toBe('[Function]');
    expect(one({ [Symbol('hidden')]: 1, shown: 2 })).toBe('{shown: 2}');
  });

  it('handles null-prototype objects and names other built-ins without walking them', () => {
    const bare = Object.create(null);
    bare.a = 1;
    expect(one(Object.create(null))).toBe('{}');
    expect(one(bare)).toBe('{a: 1}');
    expect(one(new Map([[1, 2]]))).toBe('[Map]');
    expect(one(new Uint8Array(1_000_000))).toBe('[TypedArray]');
    expect(one(Promise.resolve())).toBe('[Promise]');
  });

  it("writes the page's proxies as Proxy, running none of their traps, revoked ones too", () => {
    // A window of its own, whose Proxy the recorder replaces as it does the page's.
    const win = {
      Proxy: Object.assign(
        function Proxy(target: object, handler: ProxyHandler<object>) {
          return new globalThis.Proxy(target, handler);
        },
        { revocable: (target: object, handler: ProxyHandler<object>) => globalThis.Proxy.revocable(target, handler) },
      ) as unknown as ProxyConstructor,
    };
    trackProxies(win);
    let traps = 0;
    const counting = new Proxy({}, { get: () => (traps++, undefined) });
    const plainOne = new win.Proxy({ a: 1 }, counting);
    const fn = new win.Proxy(function save() {}, counting);
    const { proxy, revoke } = win.Proxy.revocable({ a: 1 }, counting);
    revoke();
    expect(serializeArgs([plainOne, { nested: plainOne }, fn, proxy])).toBe('Proxy {nested: Proxy} Proxy Proxy');
    expect(traps).toBe(0);
    // The replacement is the original as far as the page can tell.
    expect([win.Proxy.name, win.Proxy.length]).toEqual(['Proxy', 2]);
  });

  it('never throws, whatever it is given', () => {
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('x');
        },
        ownKeys() {
          throw new Error('x');
        },
        get() {
          throw new Error('x');
        },
      },
    );
    expect(() => serializeArgs([hostile, Object.create(hostile)])).not.toThrow();
  });

  it('caps the whole line, and says when arguments were left out', () => {
    const many = serializeArgs(Array.from({ length: 100 }, () => 'y'.repeat(100)));
    expect(many.length).toBeLessThanOrEqual(TOTAL_CHARS + 50);
    expect(many).toMatch(/^y{100}( y{100}){9} …$/);
    const long = serializeArgs(['a'.repeat(800), 'b'.repeat(800)]);
    expect(long).toMatch(/^a{800} b{229,}… \[1601 chars\]$/);
  });
});

describe('errors', () => {
  it('recognises errors of another realm and subclasses, and not look-alikes', () => {
    class AppError extends Error {}
    expect(one(new AppError('x'))).toBe('Error: x');
    expect(one(Object.assign(new AppError('y'), { name: 'AppError' }))).toBe('AppError: y');
    expect(one({ message: 'x', stack: 'y' })).toBe('{message: "x", stack: "y"}');
    expect(one('Error: x')).toBe('Error: x');
  });

  it('reads name and message even when odd, never through a getter', () => {
    expect(one(Object.assign(new Error(''), { name: 'Custom' }))).toBe('Custom');
    const hostile = Object.defineProperty(new Error('x'), 'name', {
      get() {
        throw new Error('no');
      },
    });
    // Its own getter is page code: never called, the name comes from the prototype's data.
    expect(one(hostile)).toBe('Error: x');
    expect(one({ cause: hostile })).toBe('{cause: Error: x}');
  });

  it('keeps the stack of the first Error logged as the engine wrote it, capped to the room left in the entry', () => {
    const rec = createRecorder();
    const error = new Error('x');
    error.stack = 'Error: x\n    at f (a.js:1:1)';
    rec.line('console', ['failed', error, new Error('second')]);
    error.stack = 'z'.repeat(10_000);
    rec.line('console', ['failed', error]);
    rec.line('console', ['failed', Object.assign(new Error('y'), { stack: 42 })]);
    const [whole, capped, none] = plain(rec.snapshot()).console.map(([json]) => json);
    expect(JSON.parse(whole).stack).toBe('Error: x\n    at f (a.js:1:1)');
    expect(capped.length).toBeLessThanOrEqual(ENTRY_JSON_CHARS);
    expect(JSON.parse(capped).stack).toMatch(/^z{1900,}…$/);
    expect(JSON.parse(none).stack).toBeUndefined();
  });
});
