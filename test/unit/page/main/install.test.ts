// @vitest-environment happy-dom
import { Window as HappyWindow } from 'happy-dom';
import { describe, expect, it, vi } from 'vitest';
import { PULL_EVENT, type RawSnapshot } from '@/utils/core/wire/page-protocol';
import { installRecorder } from '@/utils/page/main/install';
import { pullRecorderSnapshot } from '@/utils/page/isolated/page-context';

/** The snapshot as the bridge gets it: the recorder's own has no prototypes (JSON.stringify meets no toJSON of the page's). */
const plain = (snapshot: RawSnapshot): RawSnapshot => JSON.parse(JSON.stringify(snapshot));

type FakeWindow = EventTarget & Record<string, any>;

/** A window as the recorder sees it: an event target with console, location, postMessage… */
/** A Proxy constructor of the window's own, as each frame has: installing replaces it, not the test's. */
const ownProxy = () =>
  Object.assign(
    function (target: object, handler: ProxyHandler<object>) {
      return new Proxy(target, handler);
    },
    { revocable: (target: object, handler: ProxyHandler<object>) => Proxy.revocable(target, handler) },
  );

function fakeWindow(href = 'https://app.test/page', parent?: FakeWindow): FakeWindow {
  const win = new EventTarget() as FakeWindow;
  win.parent = parent ?? win;
  win.console = { error: vi.fn(() => 'original-result'), warn: vi.fn(), info: vi.fn(), log: vi.fn(), debug: vi.fn() };
  win.location = { href };
  win.navigation = new EventTarget();
  win.document = { readyState: 'loading' };
  win.Event = Event;
  win.FocusEvent = FocusEvent;
  // Their own Function and Proxy, as each frame has: installing changes the window's, not the test's.
  win.Function = { prototype: { toString: Function.prototype.toString } };
  win.Proxy = ownProxy();
  win.postMessage = (data: unknown) => win.dispatchEvent(Object.assign(new Event('message'), { data, source: win }));
  return win;
}

const fire = (target: EventTarget, type: string, props: object = {}) =>
  target.dispatchEvent(Object.assign(new Event(type), props));
const entries = (snapshot: RawSnapshot, log: 'console' | 'network' | 'steps') =>
  snapshot[log].map(([json, , count]) => ({ ...JSON.parse(json), count }));
const install = (win: FakeWindow, options?: Parameters<typeof installRecorder>[1]) =>
  installRecorder(win as unknown as Window & typeof globalThis, options)!;

describe('the console hooks', () => {
  it('record error and warn by default, through to the original with its result, and leave log, info and debug alone', () => {
    const win = fakeWindow();
    const original = win.console.error;
    const log = win.console.log;
    const rec = install(win);
    const arg = { status: 500 };
    expect(win.console.error('Failed to load', arg)).toBe('original-result');
    expect(original).toHaveBeenCalledWith('Failed to load', arg);
    expect(original.mock.calls[0][1]).toBe(arg);
    win.console.warn('Deprecated');
    win.console.log('noise');
    expect(win.console.log).toBe(log);
    expect(entries(plain(rec.snapshot()), 'console')).toEqual([
      { level: 'error', kind: 'console', message: 'Failed to load {status: 500}', count: 1 },
      { level: 'warn', kind: 'console', message: 'Deprecated', count: 1 },
    ]);
  });

  it('record the levels an admin asks for', () => {
    const win = fakeWindow();
    const rec = install(win, ['error', 'warn', 'info', 'log', 'debug']);
    for (const level of ['info', 'log', 'debug'] as const) win.console[level](level);
    expect(entries(plain(rec.snapshot()), 'console').map((e) => e.level)).toEqual(['info', 'log', 'debug']);
  });

  it('record what still reaches the original when the page replaces console.error later', () => {
    const win = fakeWindow();
    const rec = install(win);
    const ours = win.console.error;
    const seen: unknown[] = [];
    win.console.error = (...args: unknown[]) => {
      seen.push(args);
      return ours.apply(win.console, args);
    };
    win.console.error('through the page logger');
    expect(seen).toHaveLength(1);
    expect(entries(plain(rec.snapshot()), 'console')[0].message).toBe('through the page logger');
  });

  it("keep an Error argument's stack", () => {
    const win = fakeWindow();
    const rec = install(win);
    const error = new TypeError('boom');
    error.stack = 'TypeError: boom\n    at save (app.js:3:7)';
    win.console.error('Save failed', error);
    expect(entries(plain(rec.snapshot()), 'console')[0]).toMatchObject({
      message: 'Save failed TypeError: boom',
      stack: 'TypeError: boom\n    at save (app.js:3:7)',
    });
  });

  it('still record an Error whose stack getter throws, without its stack', () => {
    const win = fakeWindow();
    const rec = install(win);
    const error = Object.defineProperty(new Error('odd'), 'stack', {
      get() {
        throw new Error('no stack for you');
      },
    });
    win.console.error('Odd', error);
    expect(entries(plain(rec.snapshot()), 'console')).toEqual([
      { level: 'error', kind: 'console', message: 'Odd Error: odd', count: 1 },
    ]);
  });
});

describe('the error hooks', () => {
  it('record uncaught errors with their place, rejections and CSP violations (not report-only ones)', () => {
    const win = fakeWindow();
    const rec = install(win);
    const error = new RangeError('Uncaught from fixture');
    fire(win, 'error', {
      error,
      message: 'Uncaught RangeError: Uncaught from fixture',
      filename: 'https://app.test/app.js',
      lineno: 12,
      colno: 5,
    });
    fire(win, 'error', { error: null, message: 'Script error.', filename: '' });
    fire(win, 'unhandledrejection', { reason: new Error('Unhandled rejection from fixture') });
    fire(win, 'unhandledrejection', { reason: { code: 42 } });
    fire(win, 'securitypolicyviolation', {
      disposition: 'enforce',
      effectiveDirective: 'script-src-elem',
      blockedURI: 'inline',
    });
    fire(win, 'securitypolicyviolation', {
      disposition: 'report',
      effectiveDirective: 'img-src',
      blockedURI: 'https://cdn.test/x.png',
    });
    expect(entries(plain(rec.snapshot()), 'console').map(({ stack, ...e }) => e)).toEqual([
      {
        level: 'error',
        kind: 'error',
        message: 'RangeError: Uncaught from fixture',
        source: 'https://app.test/app.js:12:5',
        count: 1,
      },
      { level: 'error', kind: 'error', message: 'Script error.', count: 1 },
      { level: 'error', kind: 'rejection', message: 'Error: Unhandled rejection from fixture', count: 1 },
      { level: 'error', kind: 'rejection', message: '{code: 42}', count: 1 },
      { level: 'error', kind: 'csp', message: 'CSP script-src-elem blocked inline', count: 1 },
    ]);
  });
});

describe('navigation steps', () => {
  it('record the load at the load event, then each same-document navigation with how it happened', () => {
    const win = fakeWindow('https://app.test/start');
    const rec = install(win);
    // Before the load event: the page's own start-up, not a step each; the load step has where it
    // settled, after a start step with where the person arrived.
    win.location.href = 'https://app.test/start?tab=1';
    fire(win.navigation, 'currententrychange', { navigationType: 'replace' });
    expect(entries(plain(rec.snapshot()), 'steps')).toEqual([]);
    fire(win, 'load');
    win.location.href = 'https://app.test/list?page=2';
    fire(win.navigation, 'currententrychange', { navigationType: 'push' });
    win.location.href = 'https://app.test/list?page=2#row-7';
    fire(win.navigation, 'currententrychange', { navigationType: 'push' });
    fire(win.navigation, 'currententrychange', { navigationType: 'replace' });
    // updateCurrentEntry(): a change of state, not of place.
    fire(win.navigation, 'currententrychange', { navigationType: null });
    win.location.href = 'https://app.test/start';
    fire(win.navigation, 'currententrychange', { navigationType: 'traverse' });
    expect(entries(plain(rec.snapshot()), 'steps').map((s) => `${s.how} ${s.label}`)).toEqual([
      'start https://app.test/start',
      'load https://app.test/start?tab=1',
      'push https://app.test/list?page=2',
      'push https://app.test/list?page=2#row-7',
      'replace https://app.test/list?page=2#row-7',
      'traverse https://app.test/start',
    ]);
  });

  it("start at once in a page that has loaded already (a tab open before install), and a load event of the page's own adds nothing", () => {
    const win = fakeWindow('https://app.test/open-before');
    win.document.readyState = 'complete';
    const rec = install(win);
    fire(win, 'load');
    fire(win, 'load');
    win.location.href = 'https://app.test/next';
    fire(win.navigation, 'currententrychange', { navigationType: 'push' });
    expect(entries(plain(rec.snapshot()), 'steps').map((s) => `${s.how} ${s.label}`)).toEqual([
      'load https://app.test/open-before',
      'push https://app.test/next',
    ]);
  });

  it("a page's own load event before the real one starts them once", () => {
    const win = fakeWindow('https://app.test/start');
    const rec = install(win);
    fire(win, 'load');
    fire(win, 'load');
    fire(win.navigation, 'currententrychange', { navigationType: 'push' });
    expect(entries(plain(rec.snapshot()), 'steps').map((s) => s.how)).toEqual(['load', 'push']);
  });
});

describe('the channel', () => {
  it("answers the bridge's pull with the buffers, and no listener of the page sees the pull", () => {
    const win = fakeWindow();
    install(win);
    win.console.error('visible');
    const seen = vi.fn();
    win.addEventListener(PULL_EVENT, seen, true);
    win.addEventListener(PULL_EVENT, seen);
    const snapshot = pullRecorderSnapshot(win as unknown as Window, document) as RawSnapshot;
    expect(JSON.parse(snapshot.console[0][0]).message).toBe('visible');
    expect(snapshot.dropped).toEqual({ console: 0, network: 0, steps: 0 });
    expect(seen).not.toHaveBeenCalled();
  });

  it('gives the bridge null where no recorder answers', () => {
    expect(pullRecorderSnapshot(fakeWindow() as unknown as Window, document)).toBeNull();
  });

  it('leaves nothing on the window a page could find: no property, no symbol', () => {
    const win = fakeWindow();
    const before = Reflect.ownKeys(win);
    install(win);
    expect(Reflect.ownKeys(win)).toEqual(before);
    expect(Reflect.ownKeys(window).filter((key) => /mayday|recorder/i.test(String(key)))).toEqual([]);
  });

  it("answers with JSON the page's prototype pollution cannot change, reach or stall", () => {
    const win = fakeWindow();
    win.console.error = function error() {};
    install(win);
    let calls = 0;
    const keys = ['stack', 'message', 'source', 'label', 'level', 'kind', 'x'];
    const pollute = () => {
      for (const proto of [Object.prototype, Array.prototype])
        Object.defineProperty(proto, 'toJSON', { value: () => (calls++, 'forged'), configurable: true });
      // Enumerable no-op setters, with getters of long strings: once made the entry cutter loop forever.
      for (const key of keys)
        Object.defineProperty(Object.prototype, key, {
          get: () => (calls++, 'p'.repeat(5000)),
          set: () => void calls++,
          configurable: true,
          enumerable: true,
        });
    };
    const clean = () => {
      for (const proto of [Object.prototype, Array.prototype]) delete (proto as any).toJSON;
      for (const key of keys) delete (Object.prototype as any)[key];
    };
    let text: string | undefined;
    try {
      pollute();
      win.console.error('polluted', Object.assign(Object.create(null), { a: 1 }));
      win.console.error(new Error('boom'));
      const box = document.createElement('div');
      win.dispatchEvent(new FocusEvent(PULL_EVENT, { relatedTarget: box }));
      text = box.textContent!;
    } finally {
      clean();
    }
    const snapshot = JSON.parse(text ?? '') as RawSnapshot;
    expect(snapshot.console.map(([json]) => JSON.parse(json).message)).toEqual(['polluted {a: 1}', 'Error: boom']);
    expect(calls).toBe(0);
  });
});

describe('frames', () => {
  it('a same-origin child frame records into the top frame, saying which frame', () => {
    const top = fakeWindow('https://app.test/');
    const rec = install(top);
    const child = fakeWindow('https://app.test/widget.html', top);
    expect(install(child)).toBe(rec);
    child.console.error('from the frame');
    fire(child, 'error', {
      error: new Error('frame boom'),
      message: 'x',
      filename: 'https://app.test/widget.js',
      lineno: 1,
      colno: 2,
    });
    expect(entries(plain(rec.snapshot()), 'console').map((e) => [e.message, e.source])).toEqual([
      ['from the frame', 'https://app.test/widget.html'],
      ['Error: frame boom', 'https://app.test/widget.js:1:2'],
    ]);
    // Only the top frame answers pulls and records navigations.
    fire(child, 'load');
    fire(child.navigation, 'currententrychange', { navigationType: 'push' });
    fire(top, 'load');
    expect(entries(plain(rec.snapshot()), 'steps').map((s) => `${s.how} ${s.label}`)).toEqual([
      'load https://app.test/',
    ]);
  });

  it('a frame whose parent is cross-origin records nothing at all', () => {
    const child = fakeWindow('https://ads.test/frame');
    child.parent = new Proxy(
      {},
      {
        get() {
          throw new DOMException('Blocked a frame', 'SecurityError');
        },
      },
    );
    const error = child.console.error;
    expect(installRecorder(child as unknown as Window & typeof globalThis)).toBeUndefined();
    expect(child.console.error).toBe(error);
  });
});

describe('installing twice', () => {
  it('leaves the first recorder in charge and wraps nothing twice', () => {
    const win = fakeWindow();
    const first = install(win);
    const wrapped = win.console.error;
    expect(installRecorder(win as unknown as Window & typeof globalThis)).toBeUndefined();
    expect(win.console.error).toBe(wrapped);
    win.console.error('once');
    expect(plain(first.snapshot()).console).toHaveLength(1);
  });
});

describe('in a real document', () => {
  it('records clicks, typing (once per field, never the value), submits and failed loads', () => {
    const win = new HappyWindow({ url: 'https://app.test/login' });
    const document = win.document;
    document.body.innerHTML = `<form name="login"><label for="u">User name</label><input id="u"><button id="go">Sign in</button></form><img id="logo" src="https://app.test/missing.png">`;
    Object.assign(win, { Proxy: ownProxy() });
    const rec = installRecorder(win as unknown as Window & typeof globalThis)!;
    const { Event, MouseEvent } = win;
    const field = document.getElementById('u')!;
    for (const key of 'alice') {
      (field as unknown as { value: string }).value += key;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    document.getElementById('go')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    document.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, composed: true }));
    document.getElementById('logo')!.dispatchEvent(new Event('error'));
    const snap = plain(rec.snapshot());
    expect(
      entries(snap, 'steps')
        .filter((s) => s.kind !== 'navigation')
        .map((s) => s.label),
    ).toEqual(['typed in User name', 'button "Sign in"', 'form "login"']);
    expect(JSON.stringify(snap)).not.toContain('alice');
    expect(entries(snap, 'console')).toEqual([
      {
        level: 'error',
        kind: 'resource',
        message: 'Failed to load <img>',
        source: 'https://app.test/missing.png',
        count: 1,
      },
    ]);
  });
});
