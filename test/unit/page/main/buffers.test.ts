// @vitest-environment happy-dom
import type { RawSnapshot } from '@/utils/core/wire/page-protocol';
import { describe, expect, it, vi } from 'vitest';
import { ENTRY_JSON_CHARS, LIMITS } from '@/utils/core/wire/page-protocol';
import { entryJson } from '@/utils/page/main/buffers';
import { recorderSnapshotSchema } from '@/utils/core/wire/page-schemas';
import { createRecorder } from '@/utils/page/main/install';

/** The snapshot as the bridge gets it: the recorder's own has no prototypes (JSON.stringify meets no toJSON of the page's). */
const plain = (snapshot: RawSnapshot): RawSnapshot => JSON.parse(JSON.stringify(snapshot));

const ticking = () => {
  let t = 1000;
  return () => t++;
};

describe('the recorder buffers', () => {
  it('keep the newest entries up to the limits (console 200, network 100, steps 50) and count the dropped ones', () => {
    const rec = createRecorder(ticking());
    for (let i = 0; i < 250; i++) rec.line('console', `m${i}`);
    for (let i = 0; i < 130; i++)
      rec.request({ method: 'GET', url: `https://x.test/${i}`, status: 500, type: 'fetch' });
    for (let i = 0; i < 70; i++) rec.step({ kind: 'click', label: `button "${i}"` });
    const snap = plain(rec.snapshot());
    expect([snap.console.length, snap.network.length, snap.steps.length]).toEqual([
      LIMITS.consoleEntries,
      LIMITS.networkEntries,
      LIMITS.stepEntries,
    ]);
    expect(snap.dropped).toEqual({ console: 50, network: 30, steps: 20 });
    expect(JSON.parse(snap.console[0][0]).message).toBe('m50');
    expect(JSON.parse(snap.console[199][0]).message).toBe('m249');
  });

  it('collapse an entry that repeats the previous one into a count, keeping the first time', () => {
    const rec = createRecorder(ticking());
    for (let i = 0; i < 100_000; i++) rec.line('console', 'same');
    rec.line('console', 'same', undefined, 'warn');
    rec.line('console', 'same');
    const [first, second, third] = plain(rec.snapshot()).console;
    expect(first).toEqual([JSON.stringify({ level: 'error', kind: 'console', message: 'same' }), 1001, 100_000]);
    expect(second[2]).toBe(1);
    expect(third[2]).toBe(1);
  });

  it('count a request that fails again the same way as a repeat, whatever its duration', () => {
    const rec = createRecorder(ticking());
    rec.request({ method: 'GET', url: 'https://x.test/a', status: 503, type: 'fetch' }, 12);
    rec.request({ method: 'GET', url: 'https://x.test/a', status: 503, type: 'fetch' }, 40);
    rec.request({ method: 'GET', url: 'https://x.test/a', status: 504, type: 'fetch' }, 40);
    const [a, b] = plain(rec.snapshot()).network;
    expect(a.slice(2)).toEqual([2, 12]);
    expect(JSON.parse(b[0])).toEqual({ method: 'GET', url: 'https://x.test/a', status: 504, type: 'fetch' });
  });

  it('never keep an entry over the size limit, however its strings are made', () => {
    const nasty = ['x'.repeat(5000), '"'.repeat(5000), '\u0001'.repeat(5000), '\ud83d'.repeat(3000), 'é'.repeat(5000)];
    for (const text of nasty) {
      for (const entry of [
        { level: 'error', kind: 'error', message: text, stack: text, source: text },
        { method: text, url: text, error: text, type: 'fetch' },
        { kind: 'navigation', label: text, selector: text, how: 'push' },
      ]) {
        const json = entryJson({ ...entry });
        expect(json.length).toBeLessThanOrEqual(ENTRY_JSON_CHARS);
        expect(() => JSON.parse(json)).not.toThrow();
      }
    }
  });

  it('cut the longest strings first, so short fields survive whole', () => {
    const entry = JSON.parse(
      entryJson({
        level: 'error',
        kind: 'error',
        message: 'TypeError: x',
        stack: 'at '.repeat(2000),
        source: 'app.js:1:2',
      }),
    );
    expect(entry.message).toBe('TypeError: x');
    expect(entry.source).toBe('app.js:1:2');
    expect(entry.stack).toMatch(/^(at ){100,}.*…$/);
  });

  it('leave an entry that fits untouched', () => {
    const entry = { level: 'warn', kind: 'console', message: 'fine' };
    expect(entryJson({ ...entry })).toBe(JSON.stringify(entry));
  });

  it('never throw, even for messages that cannot be written', () => {
    const rec = createRecorder(ticking());
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(() => rec.line('console', undefined as never)).not.toThrow();
    expect(() => rec.line('console', proxy)).not.toThrow();
    expect(plain(rec.snapshot()).console).toEqual([]);
  });

  it('still work when the page has replaced JSON.stringify and Array.prototype methods', () => {
    const saved = { stringify: JSON.stringify, push: Array.prototype.push, shift: Array.prototype.shift };
    const rec = createRecorder(ticking());
    try {
      JSON.stringify = () => 'forged';
      Array.prototype.push = () => {
        throw new Error('no push');
      };
      Array.prototype.shift = () => {
        throw new Error('no shift');
      };
      for (let i = 0; i < 210; i++) rec.line('console', `m${i}`);
    } finally {
      Object.assign(JSON, { stringify: saved.stringify });
      Array.prototype.push = saved.push;
      Array.prototype.shift = saved.shift;
    }
    const snap = plain(rec.snapshot());
    expect(snap.console).toHaveLength(200);
    expect(JSON.parse(snap.console[199][0]).message).toBe('m209');
  });
});

describe('a long console line in a buffer', () => {
  it('keeps its "… [N chars]" note whole, even beside a long stack', () => {
    const rec = createRecorder(ticking());
    const error = new TypeError('big ' + 'x'.repeat(5 * 1024 * 1024));
    error.stack = 'at f (a.js:1:1)\n'.repeat(500);
    rec.line('error', [error]);
    const [json] = plain(rec.snapshot()).console[0];
    expect(json.length).toBeLessThanOrEqual(ENTRY_JSON_CHARS);
    expect(JSON.parse(json).message).toMatch(/^TypeError: big x+… \[5242895 chars\]$/);
    expect(JSON.parse(json).stack).toMatch(/^(at f \(a\.js:1:1\)\n)+.*…$/);
  });
});

describe('the console ring', () => {
  it('keeps the newest 200 long lines whole however often it wraps', () => {
    const rec = createRecorder(ticking());
    // Each line is cut to its 1,030 units and a note, so 3,000 of them wrap the ring a dozen times.
    const line = (i: number) => `${i} `.padEnd(5000, String.fromCharCode(0x41 + (i % 26)));
    for (let i = 0; i < 3000; i++) rec.line('console', [line(i)]);
    const snap = plain(rec.snapshot());
    expect(snap.console).toHaveLength(200);
    expect(snap.dropped.console).toBe(2800);
    snap.console.forEach(([json], k) => {
      const i = 2800 + k;
      expect(JSON.parse(json).message).toBe(line(i).slice(0, 1000) + '… [5000 chars]');
    });
  });

  it('never calls a getter of what it writes (page code), and shows it as (getter)', () => {
    const rec = createRecorder(ticking());
    const calls = vi.fn();
    const sneaky = {
      a: 1,
      get b() {
        calls();
        rec.line('console', ['from the getter']);
        return 2;
      },
    };
    rec.line('console', ['outer', sneaky]);
    const snap = plain(rec.snapshot());
    expect(snap.console.map(([json]) => JSON.parse(json).message)).toEqual(['outer {a: 1, b: (getter)}']);
    expect(calls).not.toHaveBeenCalled();
    expect(snap.dropped.console).toBe(0);
  });
});

describe('a console entry against what a page can throw at it', () => {
  it('stays valid when escapes make its JSON too long: the level and kind are never cut', () => {
    const rec = createRecorder(ticking());
    rec.line('console', ['payload', 'ab\u0000'.repeat(400)]);
    const snap = plain(rec.snapshot());
    const entry = JSON.parse(snap.console[0][0]);
    expect([entry.level, entry.kind]).toEqual(['error', 'console']);
    expect(snap.console[0][0].length).toBeLessThanOrEqual(ENTRY_JSON_CHARS);
    expect(recorderSnapshotSchema.parse(snap).console).toHaveLength(1);
  });

  it('never gives a later entry the stack of a call that failed half-way', () => {
    const rec = createRecorder(ticking());
    const saved = Object.getOwnPropertyDescriptor(Array.prototype, 0);
    const error = Object.assign(new Error('secret'), { stack: 'Error: secret\n    at page.js:1:1' });
    // The stack's copy goes through a plain array: a throwing setter there breaks that one call.
    Object.defineProperty(Array.prototype, 0, {
      configurable: true,
      set() {
        throw new Error('page');
      },
    });
    try {
      rec.line('console', ['boom', error]);
    } finally {
      if (saved) Object.defineProperty(Array.prototype, 0, saved);
      else delete (Array.prototype as any)[0];
    }
    rec.line('console', ['unrelated warning'], undefined, 'warn');
    const entries = plain(rec.snapshot()).console.map(([json]) => JSON.parse(json));
    expect(entries.at(-1)).toEqual({ level: 'warn', kind: 'console', message: 'unrelated warning' });
  });

  it('still answers a pull when the page replaced Uint16Array.prototype.constructor and the species', () => {
    const rec = createRecorder(ticking());
    rec.line('console', ['before']);
    rec.request({ method: 'GET', url: 'https://a.test/', status: 500, type: 'fetch' });
    const constructor = Object.getOwnPropertyDescriptor(Uint16Array.prototype, 'constructor')!;
    let reached = false;
    Object.defineProperty(Uint16Array.prototype, 'constructor', {
      configurable: true,
      get: () => ((reached = true), 5),
    });
    Object.defineProperty(Uint16Array, Symbol.species, {
      configurable: true,
      get: () => ((reached = true), Uint16Array),
    });
    try {
      rec.line('console', ['after']);
      const snap = plain(rec.snapshot());
      expect(snap.console.map(([json]) => JSON.parse(json).message)).toEqual(['before', 'after']);
      expect(snap.network).toHaveLength(1);
    } finally {
      Object.defineProperty(Uint16Array.prototype, 'constructor', constructor);
      delete (Uint16Array as any)[Symbol.species];
    }
    expect(reached).toBe(false);
  });

  it('keeps one line whole beside a getter that would log into another recorder of the realm (never called)', () => {
    const a = createRecorder(ticking());
    const b = createRecorder(ticking());
    const sneaky = {
      x: 1,
      get y() {
        b.line('console', ['from b']);
        return 2;
      },
      z: 3,
    };
    a.line('console', ['outer', sneaky]);
    a.line('console', ['next']);
    expect(plain(a.snapshot()).console.map(([json]) => JSON.parse(json).message)).toEqual([
      'outer {x: 1, y: (getter), z: 3}',
      'next',
    ]);
    expect(plain(b.snapshot()).console).toEqual([]);
  });

  it('gives a source all the room a missing stack leaves, so a long frame URL keeps its line and column', () => {
    const rec = createRecorder(ticking());
    const source = 'https://a.test/frame?' + 'q'.repeat(700) + ':12:34';
    rec.line('console', ['m'.repeat(1000)], source);
    expect(JSON.parse(plain(rec.snapshot()).console[0][0]).source).toBe(source);
  });
});

describe('the console ring', () => {
  it('grows as lines fill it, up to 512 KB, then wraps, keeping every line whole', () => {
    const rec = createRecorder(ticking());
    // Lines written while it is 16 KB are copied when it doubles: each must still read whole.
    rec.line('console', ['first line']);
    for (let i = 0; i < 600; i++) rec.line('console', [`line ${i} `.padEnd(1000, 'x')]);
    const lines = plain(rec.snapshot()).console.map(([json]) => JSON.parse(json).message as string);
    expect(lines).toHaveLength(200);
    expect(lines[0]).toMatch(/^line 400 x+/);
    expect(lines[199]).toMatch(/^line 599 x+/);
    expect(lines.every((line) => line.length === 1000)).toBe(true);
  });
});

describe('an empty log', () => {
  it('has no last entry, even when the page put one on Array.prototype', () => {
    const proto = Array.prototype as unknown as Record<number, unknown>;
    proto[49] = proto[99] = proto[199] = ['{"kind":"click","label":"forged"}', 0, 1];
    try {
      const rec = createRecorder(ticking());
      rec.step({ kind: 'click', label: 'button "Save"' });
      rec.request({ type: 'fetch', method: 'GET', url: 'https://app.test/a', status: 500 });
      const snap = plain(rec.snapshot());
      expect(snap.steps.map(([json, , count]) => [JSON.parse(json).label, count])).toEqual([['button "Save"', 1]]);
      expect(snap.network.map(([, , count]) => count)).toEqual([1]);
    } finally {
      delete proto[49];
      delete proto[99];
      delete proto[199];
    }
  });
});

describe('steps under the admin mask selectors', () => {
  it('lose their text at pull time when their element is under one, or gone', () => {
    document.body.innerHTML = `<div class="vault"><button id="reveal">Code 7F3K-99QX</button></div><button id="save">Save</button><button id="gone">Delete all</button>`;
    const rec = createRecorder(ticking());
    for (const id of ['reveal', 'save', 'gone']) {
      const el = document.getElementById(id)!;
      rec.step({ kind: 'click', label: `button "${el.textContent}"`, selector: `button#${id}` }, el, 'button');
    }
    document.getElementById('gone')!.remove();
    const labels = (masks?: string) =>
      plain(rec.snapshot(masks)).steps.map(([json]) => (JSON.parse(json) as { label: string }).label);
    expect(labels()).toEqual(['button "Code 7F3K-99QX"', 'button "Save"', 'button "Delete all"']);
    // A removed element is still in memory here: only one that left the page for good is "gone";
    // under a mask or not, what matters is where it is when the report starts.
    expect(labels('.vault')).toEqual(['button', 'button "Save"', 'button "Delete all"']);
    // A selector that does not parse hides rather than shows.
    expect(labels('[')).toEqual(['button', 'button', 'button']);
  });
});

describe('growing the ring', () => {
  it('keeps the lines written before it grew', () => {
    const rec = createRecorder(ticking());
    // 20 lines of 1,000 units fill the first 16 KB and the next two sizes.
    for (let i = 0; i < 20; i++) rec.line('console', [`early ${i} `.padEnd(1000, 'y')]);
    const lines = plain(rec.snapshot()).console.map(([json]) => JSON.parse(json).message as string);
    expect(lines.map((line) => line.split(' ')[1])).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    expect(lines.every((line) => /^early \d+ y+$/.test(line) && line.length === 1000)).toBe(true);
  });
});
