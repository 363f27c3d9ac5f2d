/**
 * Pages that attack the recorder or the extension: built-ins replaced before anything else runs,
 * and a page that posts look-alike messages, races the bridge with forged replies and calls
 * extension APIs. It may forge its own entries (it owns its world) but can never start a report,
 * send one, or read anything of the extension's back.
 */
import { describe, expect, it } from 'vitest';
import { PULL, SNAPSHOT } from '../../utils/core/wire/page-protocol';
import { EXTENSION_ID } from '../support/extension';
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
    // The recorder listens from document_start, so it answers the pull before the page's forged reply.
    expect(text).not.toContain('FORGED reply');

    // All the page ever received: its own messages, the pull, and the snapshot of what it wrote itself.
    const received: { type?: string }[] = await page.evaluate(() => (window as any).__received);
    expect(received.filter((m) => m.type === PULL)).toHaveLength(2); // its own look-alike, and the bridge's it raced
    const ownTypes = ['startReport', 'submitReport', 'mayday.v2/start'];
    expect(received.every((m) => [...ownTypes, PULL, SNAPSHOT].includes(m.type!))).toBe(true);
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
