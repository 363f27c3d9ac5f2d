/**
 * Frames and shadow DOM: same-origin frames (a page's own, and srcdoc) record into the top
 * frame's buffers; a frame from another origin records nothing; errors inside shadow DOM
 * components are the page's like any others.
 */
import { describe, expect, it } from 'vitest';
import { RECORDER_PRESENT } from '../support/recorder-probe';
import { consoleLines, RECORDER_RIG, reportFixture } from '../support/recorder';
import { useRig } from '../support/rig';

const rig = useRig(RECORDER_RIG);

describe('frames and shadow DOM', () => {
  it('reports same-origin frame and shadow component errors, and nothing from a frame of another origin', async () => {
    // localhost and 127.0.0.1 are different origins: the third frame is another site.
    const otherOrigin = rig.site.url.replace('127.0.0.1', 'localhost');
    const { ticket, result } = await reportFixture(
      rig,
      `frames.html?cross=${otherOrigin}`,
      'Widgets broken',
      async (page) => {
        await page.locator('invoice-widget #pay').click();
        // The other site's frame did run and log; no recorder installed itself there.
        const cross = page.frames().find((frame) => frame.url().startsWith(otherOrigin))!;
        expect([
          await cross.evaluate(() => (window as any).__crossRan),
          await cross.evaluate(RECORDER_PRESENT),
        ]).toEqual([true, false]);
        const same = page.frames().find((frame) => frame.url().endsWith('/frame-child.html'))!;
        expect(await same.evaluate(RECORDER_PRESENT)).toBe(true);
      },
    );
    expect(JSON.parse(result)).toEqual({ frames: 3, shadow: true });
    expect(consoleLines(ticket)).toEqual(
      expect.arrayContaining([
        'console/error: Error from inside a shadow DOM component',
        'error/error: Error: Shadow component click failed',
        'console/error: Error from a same-origin iframe',
        'error/error: TypeError: Uncaught error in a same-origin iframe',
        'console/error: Error from a srcdoc frame',
      ]),
    );
    const from = (message: string) => ticket.console.find((e) => e.message === message)!.source;
    expect(from('Error from a same-origin iframe')).toBe(`${rig.site.url}/frame-child.html`);
    expect(from('TypeError: Uncaught error in a same-origin iframe')).toMatch(
      new RegExp(`^${rig.site.url}/frame-child\\.html:\\d+:\\d+$`),
    );
    expect(from('Error from a srcdoc frame')).toBe('about:srcdoc');
    expect(from('Error from inside a shadow DOM component')).toBeUndefined();
    // The frame's fetch, seen by its own hook and by the browser, once.
    expect(ticket.network!.filter((e) => e.url === `${rig.site.url}/api/frame-fails`)).toEqual([
      expect.objectContaining({ status: 404, type: 'fetch' }),
    ]);
    // The click landed on the button inside the component, not on its host.
    expect(ticket.steps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'click', label: 'button "Pay invoice"', selector: 'button#pay' }),
      ]),
    );
    expect(JSON.stringify(ticket)).not.toContain('SECRET-FROM-ANOTHER-ORIGIN');
  });
});
