/**
 * Pages that attack the recorder or the extension: built-ins replaced before anything else runs,
 * and a page that posts look-alike messages, races the bridge with forged replies and calls
 * extension APIs. It may forge its own entries (it owns its world) but can never start a report,
 * send one, or read anything of the extension's back.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_ID } from '../support/extension';
import { editOptions } from '../support/flows';
import { consoleLines, pageResultOf, pageResultOverCdp, reportTicket, RECORDER_RIG } from '../support/recorder';
import { useRig } from '../support/rig';

const rig = useRig(RECORDER_RIG);

describe('a page that tampers with built-ins from its first script', () => {
  it('is recorded all the same, and computes what it computes without the extension', async () => {
    const url = `${rig.site.url}/tampered.html`;
    const page = await rig.ext.context.newPage();
    await page.goto(url);
    // Its tampering breaks Playwright's helpers in the page's world: read the result another way.
    const result = await pageResultOverCdp(page);
    expect(result).toBe(await rig.plain.pageResult(url));
    expect(JSON.parse(result)).toMatchObject({
      map: ['tampered map'],
      join: 'tampered join',
      stringify: '"tampered stringify"',
      now: 42,
      postCalls: 1,
      status: 404,
    });
    await page.click('#act');

    const ticket = await reportTicket(rig.ext, rig.receiver, page, 'Broken page');
    expect(consoleLines(ticket)).toEqual(
      expect.arrayContaining([
        'console/error: Logged from a page with tampered built-ins {nested: [1, 2, 3]}',
        'error/error: Error: Click handler failed on a tampered page',
      ]),
    );
    expect(ticket.network).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          url: `${rig.site.url}/api/tampered-fails`,
          status: 404,
          type: 'fetch',
          durationMs: expect.any(Number),
        }),
      ]),
    );
    expect(ticket.steps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'click', label: 'button "Do it"', selector: 'button#act' }),
      ]),
    );
    // Its fake clock did not leak into the recorder's times.
    expect(ticket.console[0].time).toBeGreaterThan(Date.parse('2020-01-01'));
  });
});

describe('a page that pokes at the extension', () => {
  it('can neither start nor send a report, nor read anything of the extension back', async () => {
    const draftKeys = async (): Promise<string[]> =>
      (
        await rig.ext.worker.evaluate(async () => Object.keys(await (globalThis as any).chrome.storage.local.get(null)))
      ).filter((key: string) => key.startsWith('draft:'));
    const draftsBefore = await draftKeys();
    const ticketsBefore = (await rig.receiver.store.list()).length;
    const url = `${rig.site.url}/hostile-messages.html?ext=${EXTENSION_ID}`;
    const page = await rig.ext.context.newPage();
    await page.goto(url);
    const result = await pageResultOf(page);
    expect(result).toBe(await rig.plain.pageResult(url));
    expect(JSON.parse(result)).toEqual({
      chromeRuntime: 'undefined',
      sendMessage: 'TypeError',
      connect: 'TypeError',
      fetchPage: 'TypeError',
    });

    // Nothing it did opened a report page, made a draft or reached the receiver.
    await page.waitForTimeout(300);
    expect(rig.ext.context.pages().filter((p) => p.url().includes('/compose.html'))).toEqual([]);
    expect(await draftKeys()).toEqual(draftsBefore);
    expect(await rig.receiver.store.list()).toHaveLength(ticketsBefore);

    // A report the person starts carries the page's real entries, not what it forged at load.
    const ticket = await reportTicket(rig.ext, rig.receiver, page, 'Odd page');
    const text = JSON.stringify(ticket);
    expect(consoleLines(ticket)).toContain('console/error: Hostile page logged this itself');
    expect(text).not.toContain('FORGED snapshot');
    expect(text).not.toContain('FORGED reply');

    // All the page ever received: its own messages. The bridge's pull never goes through messages.
    const received: { type?: string }[] = await page.evaluate(() => (window as any).__received);
    const ownTypes = ['mayday.v2/pull', 'mayday.v2/snapshot', 'startReport', 'submitReport', 'mayday.v2/start'];
    expect(received.map((m) => m.type)).toEqual(ownTypes);
    const seen = JSON.stringify(received);
    for (const secret of [
      'e2e-recorder-token',
      ticket.id,
      'userAgent',
      'localTime',
      'net::ERR',
      '"browser"',
      ticket.environment.extensionVersion,
    ])
      expect(seen).not.toContain(secret);
  });
});

/** Evaluates `expression` in the page's world over a raw DevTools session (its built-ins are tampered with). */
async function evaluateOverCdp(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    return result.value;
  } finally {
    await cdp.detach();
  }
}

describe('a page that looks for Mayday and sets traps for its recorder', () => {
  it('runs the same with and without it, cannot tell it is there, and is recorded without running its code', async () => {
    await editOptions(rig.ext, (options) => options.getByLabel('Masked elements').fill('.vault'));
    const url = `${rig.site.url}/hostile-invisible.html`;
    const page = await rig.ext.context.newPage();
    await page.goto(url);
    // Never through Playwright's helpers in the page's world: they would walk into its traps.
    while ((await evaluateOverCdp(page, 'window.__pageResult')) !== 'pending') await page.waitForTimeout(50);
    for (const id of ['b', 'code', 'vault', 'long']) await page.click(`#${id}`);
    const result = (await evaluateOverCdp(page, 'window.__finish()')) as string;
    const plain = await rig.plain.pageResult(
      url,
      `(() => { for (const id of ['b', 'code', 'vault', 'long']) document.getElementById(id).click(); return window.__finish(); })()`,
    );
    expect(JSON.parse(result)).toEqual(JSON.parse(plain));
    const { found, counts } = JSON.parse(result);
    // What it found is what a browser without extensions shows, and none of its traps went off.
    expect(found).toMatchObject({
      fetch: ['function', 'fetch', 1, 'function fetch() { [native code] }', 'length,name', false],
      open: ['function', 'open', 2, 'function open() { [native code] }', 'length,name', false],
      error: ['function', 'error', 0, 'function error() { [native code] }', 'length,name', false],
      proxy: ['function', 'Proxy', 2, 'function Proxy() { [native code] }', 'length,name,revocable', false],
      names: [],
      registered: false,
      statuses: [404, 404],
      xhrStatus: 404,
    });
    expect(counts).toMatchObject({ getter: 0, trap: 0, urlToString: 1, toPrimitive: 1, dom: 0 });

    const ticket = await reportTicket(rig.ext, rig.receiver, page, 'Looking for Mayday');
    expect(consoleLines(ticket)).toEqual(
      expect.arrayContaining([
        'console/error: Logged with a getter {a: 1, secret: (getter)} Proxy',
        'console/error: Items [1, (getter), 3] [1, undefined, 3]',
      ]),
    );
    expect(ticket.network).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ url: `${rig.site.url}/api/invisible-missing`, status: 404, type: 'fetch' }),
        expect.objectContaining({ url: `${rig.site.url}/api/invisible-primitive`, status: 404, type: 'fetch' }),
        expect.objectContaining({ url: `${rig.site.url}/api/invisible-xhr`, status: 404, method: 'GET', type: 'xhr' }),
      ]),
    );
    // Text of an element under data-private or an admin mask selector never reaches a step; 60 characters at most.
    expect(ticket.steps!.filter((step) => step.kind === 'click').map((step) => step.label)).toEqual([
      'button "Try again"',
      'button',
      'button',
      'button "A very long label that goes on and on well beyond what a st…"',
    ]);
    expect(JSON.stringify(ticket)).not.toMatch(/7F3K|4242 4242/);
  });
});
