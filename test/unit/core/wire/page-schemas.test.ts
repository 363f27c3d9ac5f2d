import { describe, expect, it } from 'vitest';
import {
  normalizeStack,
  pageContextSchema,
  parsePageContext,
  recorderSnapshotSchema,
} from '@/utils/core/wire/page-schemas';
import { bridgeAnswer } from '../../../support/bridge-answer';

const raw = (console: unknown[] = [], network: unknown[] = [], steps: unknown[] = []) => ({
  installedAt: 1000,
  console,
  network,
  steps,
  dropped: { console: 0, network: 0, steps: 0 },
});

describe('the recorder snapshot schema', () => {
  it('expands [json, time, count, duration] entries', () => {
    const snapshot = recorderSnapshotSchema.parse(
      raw(
        [[JSON.stringify({ level: 'error', kind: 'console', message: 'm' }), 1001, 3]],
        [[JSON.stringify({ method: 'GET', url: 'https://x.test/', status: 404, type: 'fetch' }), 1002, 1, 35]],
        [[JSON.stringify({ kind: 'click', label: 'button "Save"', selector: 'button#save' }), 1003, 2]],
      ),
    );
    expect(snapshot.console).toEqual([{ level: 'error', kind: 'console', message: 'm', time: 1001, count: 3 }]);
    expect(snapshot.network).toEqual([
      {
        source: 'page',
        method: 'GET',
        url: 'https://x.test/',
        status: 404,
        type: 'fetch',
        durationMs: 35,
        time: 1002,
        count: 1,
      },
    ]);
    expect(snapshot.steps).toEqual([
      { kind: 'click', label: 'button "Save"', selector: 'button#save', time: 1003, count: 2 },
    ]);
  });

  it('takes a missing duration as undefined or, once runtime messaging made JSON of it, as null', () => {
    const step = JSON.stringify({ kind: 'click', label: 'button "Save"' });
    const sent = JSON.parse(JSON.stringify(raw([], [], [[step, 1003, 1, undefined]])));
    expect(sent.steps[0]).toEqual([step, 1003, 1, null]);
    expect(recorderSnapshotSchema.parse(sent).steps).toEqual([
      { kind: 'click', label: 'button "Save"', time: 1003, count: 1 },
    ]);
    expect(recorderSnapshotSchema.parse(raw([], [], [[step, 1003, 1, undefined]])).steps).toHaveLength(1);
  });

  it('drops a bad entry on its own and keeps the others', () => {
    const good = [JSON.stringify({ level: 'warn', kind: 'console', message: 'ok' }), 1, 1];
    const snapshot = recorderSnapshotSchema.parse(
      raw([
        good,
        ['{not json', 1, 1],
        [JSON.stringify({ level: 'fatal', kind: 'console', message: 'bad level' }), 1, 1],
        [JSON.stringify([1, 2]), 1, 1],
        ['x'.repeat(5000), 1, 1],
        'not a tuple',
        [JSON.stringify({ level: 'error', kind: 'console', message: 'zero count' }), 1, 0],
      ]),
    );
    expect(snapshot.console.map((e) => e.message)).toEqual(['ok']);
  });

  it("marks every network entry from the page as the page's, whatever it claims", () => {
    const forged = [
      JSON.stringify({ source: 'browser', method: 'GET', url: 'https://bank.test/', error: 'net::ERR_CERT_INVALID' }),
      1,
      1,
    ];
    expect(recorderSnapshotSchema.parse(raw([], [forged])).network[0].source).toBe('page');
  });

  it("writes the page's method in capitals, as the browser's view does", () => {
    const entry = [JSON.stringify({ method: 'post', url: 'https://x.test/save', status: 500, type: 'fetch' }), 1, 1];
    expect(recorderSnapshotSchema.parse(raw([], [entry])).network[0].method).toBe('POST');
  });

  it('removes the headline V8 repeats at the top of a stack', () => {
    const entry = [
      JSON.stringify({
        level: 'error',
        kind: 'error',
        message: 'TypeError: x',
        stack: 'TypeError: x\n  more of the message\n    at f (a.js:1:2)',
      }),
      1,
      1,
    ];
    expect(recorderSnapshotSchema.parse(raw([entry])).console[0].stack).toBe('    at f (a.js:1:2)');
  });

  it('refuses more entries than the limits', () => {
    const many = Array.from({ length: 201 }, () => [
      JSON.stringify({ level: 'error', kind: 'console', message: 'm' }),
      1,
      1,
    ]);
    expect(recorderSnapshotSchema.safeParse(raw(many)).success).toBe(false);
  });
});

describe('normalizeStack', () => {
  it('keeps V8 frames only and leaves Firefox stacks (which have no headline) as they are', () => {
    expect(normalizeStack('Error: boom\n    at a (x.js:1:1)\n    at b (x.js:2:2)')).toBe(
      '    at a (x.js:1:1)\n    at b (x.js:2:2)',
    );
    expect(normalizeStack('    at a (x.js:1:1)')).toBe('    at a (x.js:1:1)');
    expect(normalizeStack('a@https://x.test/x.js:1:1\nb@https://x.test/x.js:2:2')).toBe(
      'a@https://x.test/x.js:1:1\nb@https://x.test/x.js:2:2',
    );
  });
});

describe('the page context schema', () => {
  const context = bridgeAnswer(raw());

  it('accepts what the bridge returns', () => {
    expect(pageContextSchema.parse(context).recorder?.installedAt).toBe(1000);
    expect(pageContextSchema.parse(context).colorScheme).toBe('dark');
  });

  it('keeps the page facts when the recorder reply is nonsense, and reports no recorder', () => {
    expect(pageContextSchema.parse({ ...context, recorder: { console: 'forged' } }).recorder).toBeNull();
    expect(pageContextSchema.parse({ ...context, recorder: null }).recorder).toBeNull();
  });

  it('refuses a context the bridge could not have produced', () => {
    expect(pageContextSchema.safeParse({ ...context, url: 'x'.repeat(3000) }).success).toBe(false);
  });
});

describe('parsePageContext, the background door', () => {
  // bridgeAnswer's page started at 1_000_000; the report starts a minute later.
  const now = 1_060_000;
  const live = (...logs: unknown[][]) => bridgeAnswer({ ...raw(...logs), installedAt: 1_000_050 });
  const context = live([[JSON.stringify({ level: 'error', kind: 'console', message: 'm' }), 1_000_100, 1]]);

  it('keeps a believable answer whole and rejects nothing', () => {
    const { context: parsed, rejected } = parsePageContext(context, now);
    expect(parsed?.recorder?.console).toHaveLength(1);
    expect(rejected).toEqual({ parts: [], entries: 0 });
  });

  it('leaves out, and names, each part that fails, keeping the rest', () => {
    const { context: parsed, rejected } = parsePageContext(
      {
        ...context,
        devicePixelRatio: 0,
        timing: { load: 9e15 },
        failedResources: [{ source: 'page', method: 'GET', url: 'u', time: 9e15, count: 1 }],
        recorder: { ...context.recorder, installedAt: 9e15 },
      },
      now,
    );
    expect(parsed).toMatchObject({ url: context.url, devicePixelRatio: 1, timing: {}, failedResources: [] });
    expect(parsed?.recorder).toBeNull();
    expect(rejected.parts.sort()).toEqual(['dimensions', 'failedResources', 'recorder', 'timing']);
  });

  it('counts entries outside the lifetime, with absurd durations or counts', () => {
    const e = JSON.stringify({ level: 'error', kind: 'console', message: 'm' });
    const n = JSON.stringify({ method: 'GET', url: 'https://x.test/', status: 500 });
    const { context: parsed, rejected } = parsePageContext(
      live(
        [
          [e, 1_000_100, 1],
          [e, 2e15, 1],
          [e, 1_000_100, 1e12],
        ],
        [[n, 1_000_200, 1, 1e15]],
      ),
      now,
    );
    expect(parsed?.recorder?.console).toHaveLength(1);
    expect(parsed?.recorder?.network).toHaveLength(0);
    expect(rejected).toEqual({ parts: [], entries: 3 });
  });

  it('keeps nothing of a page whose own start is not believable, and says so', () => {
    expect(parsePageContext({ ...context, timeOrigin: 9e15 }, now)).toEqual({
      context: null,
      rejected: { parts: ['page'], entries: 0 },
    });
    expect(parsePageContext(null, now)).toEqual({ context: null, rejected: { parts: [], entries: 0 } });
  });
});
