/**
 * The recorder against pages that misbehave with their console: what reaches the ticket, and
 * that each page computes exactly what it computes without the extension.
 */
import { describe, expect, it } from 'vitest';
import { consoleLines, RECORDER_RIG, reportFixture } from '../support/recorder';
import { useRig } from '../support/rig';

const rig = useRig(RECORDER_RIG);

describe('console recording', () => {
  it('records warnings, errors with their stack, uncaught errors, rejections and failed loads and requests', async () => {
    const { ticket, result } = await reportFixture(rig, 'console-errors.html', 'Invoices do not load');
    expect(JSON.parse(result)).toEqual({ onerror: 1, rejections: 1, status: 404, warnReturn: 'undefined' });
    expect(consoleLines(ticket)).toEqual(
      expect.arrayContaining([
        'console/warn: Deprecated API used: getInvoices() will be removed',
        'console/error: Failed to load invoices {status: 500, endpoint: "/api/invoices"}',
        "console/error: TypeError: Cannot read properties of undefined (reading 'total')",
        'rejection/error: Error: Unhandled rejection from fixture',
        'error/error: RangeError: Uncaught error from fixture',
        'resource/error: Failed to load <img>',
      ]),
    );
    const typeError = ticket.console.find((e) => e.message.startsWith('TypeError'))!;
    expect(typeError.stack).toMatch(/^ {4}at .*console-errors\.html:\d+:\d+/);
    expect(ticket.console.find((e) => e.kind === 'error')!.source).toMatch(/console-errors\.html:\d+:\d+$/);
    expect(ticket.console.find((e) => e.kind === 'resource')!.source).toBe(`${rig.site.url}/missing-image.png`);
    // HTTP errors are the page's view (the browser reports only failures without an answer): the
    // fetch from the hook, the image from the page's resource timeline, each once.
    expect(ticket.network).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'page',
          method: 'GET',
          url: `${rig.site.url}/api/does-not-exist`,
          status: 404,
          type: 'fetch',
          durationMs: expect.any(Number),
        }),
        expect.objectContaining({
          source: 'page',
          url: `${rig.site.url}/missing-image.png`,
          status: 404,
          type: 'image',
        }),
      ]),
    );
    expect(ticket.network!.filter((e) => e.url.endsWith('/api/does-not-exist'))).toHaveLength(1);
  });

  it('records what reaches the original console.error after the page replaces it, and nothing the page swallows', async () => {
    const { ticket, result } = await reportFixture(rig, 'console-replaced.html', 'Logger misbehaves');
    expect(JSON.parse(result)).toEqual({
      seen: ['logged through the page logger'],
      returned: 'undefined',
      swallowed: 'swallowed',
      name: 'pageOwnLogger',
    });
    expect(consoleLines(ticket)).toContain('console/error: logged through the page logger');
    expect(JSON.stringify(ticket.console)).not.toContain('never reaches the original');
  });

  it('records through a console the page froze', async () => {
    const { ticket, result } = await reportFixture(rig, 'console-frozen.html', 'Frozen console');
    expect(JSON.parse(result)).toEqual({
      frozen: true,
      headAssign: 'TypeError',
      assign: 'TypeError',
      errorName: 'error',
    });
    expect(consoleLines(ticket)).toEqual(
      expect.arrayContaining([
        'console/error: Error logged through a frozen console',
        'console/warn: Warning logged through a frozen console',
      ]),
    );
  });

  it('records circular, throwing, huge, Symbol, BigInt, DOM-node, null-prototype and Proxy arguments safely', async () => {
    const { ticket } = await reportFixture(rig, 'hard-values.html', 'Strange values');
    const lines = consoleLines(ticket);
    expect(lines).toEqual(
      expect.arrayContaining([
        'console/error: circular {name: "a", self: [Circular], list: [[Circular], {back: [Circular]}]}',
        'console/error: trap {boom: (getter)}',
        'console/error: symbol Symbol(s) bigint 1000000000000000000000000000000n',
        'console/error: node <div#node>',
        'console/error: {}',
        'console/error: proxies Proxy Proxy',
        'console/error: function [Function loadInvoices] [Map]',
      ]),
    );
    expect(lines.find((l) => l.startsWith('console/error: big '))).toMatch(
      /^console\/error: big x{1000}… \[5242880 chars\]$/,
    );
    for (const entry of ticket.console) expect(JSON.stringify(entry).length).toBeLessThanOrEqual(2048);
  });

  // A functional test: 100,000 calls take a few seconds on a quiet machine and over 30 s on a
  // loaded one, so its page gets more than the default 30 s to load. Their cost is bench item 2.
  it('collapses 100,000 identical errors into one entry with a count', { timeout: 150_000 }, async () => {
    rig.ext.context.setDefaultNavigationTimeout(120_000);
    const { ticket, result } = await reportFixture(rig, 'console-loop.html', 'Page hangs retrying').finally(() =>
      rig.ext.context.setDefaultNavigationTimeout(30_000),
    );
    expect(JSON.parse(result)).toEqual({ calls: 100000, items: 100 });
    const retry = ticket.console.find((e) => e.message.startsWith('Retrying request'))!;
    expect(retry.count).toBe(100000);
    expect(retry.message).toMatch(/^Retrying request \{items: \[\{id: 0, name: "item 0"\}, .*… \[\d+ chars\]$/);
    expect(consoleLines(ticket)).toContain('console/error: Gave up after 100000 attempts');
    expect(ticket.capture.dropped.console).toBe(0);
  });

  it('records an error thrown by the very first inline script of <head>', async () => {
    const { ticket, result } = await reportFixture(rig, 'head-error.html', 'Blank page');
    expect(JSON.parse(result)).toEqual({ early: 'undefined', ran: true });
    const error = ticket.console.find((e) => e.kind === 'error')!;
    expect(error.message).toBe('ReferenceError: undefinedFunctionInHead is not defined');
    expect(error.source).toBe(`${rig.site.url}/head-error.html:2:72`);
  });
});
