/**
 * Every way into a report starts the same flow for the right tab, with the screenshot taken
 * before any Mayday page covers it. The toolbar popup is driven in report-flow.e2e.ts; here the
 * keyboard shortcut and the context menu, used for real (X key and mouse events) in a headed
 * Chromium on a virtual display, since headless Chromium has no browser-level shortcuts or menus.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { describeAndSend } from '../support/flows';
import { decodeImage } from '../support/images';
import { useRig } from '../support/rig';

const rig = useRig({ fresh: 'file', browser: false, display: 99 });

describe('the keyboard shortcut', () => {
  it('Alt+Shift+M reports on the page in front, with a screenshot of that page', async () => {
    const ext = await rig.launch({ headless: false, display: rig.display.name });
    await rig.configure(ext);
    const page = await ext.context.newPage();
    await page.goto(`${rig.site.url}/broken-page.html`);
    await page.bringToFront();
    const worker = await ext.currentWorker();
    const shortcut = await worker.evaluate(
      async () =>
        ((await (globalThis as any).chrome.commands.getAll()) as { name: string; shortcut: string }[]).find(
          (c) => c.name === 'report-problem',
        )?.shortcut,
    );
    expect(shortcut).toBe('Alt+Shift+M');

    const composeOpened = ext.context.waitForEvent('page', (p) => p.url().includes('/compose.html'));
    rig.display.key('alt+shift+m');
    const compose = await composeOpened;
    await compose.getByLabel('What went wrong?').waitFor();
    expect(await describeAndSend(compose, 'Reported with the keyboard')).toMatch(/Report sent/);
    const [stored] = (await rig.receiver.store.list()).filter(
      (t) => t.ticket.description === 'Reported with the keyboard',
    );
    expect(stored.ticket.page.url).toBe(`${rig.site.url}/broken-page.html`);
    const file = stored.files.find((f) => f.startsWith('screenshot.'))!;
    const image = await decodeImage(
      ext.context,
      await readFile(join(stored.attachmentsFolder, file)),
      file.endsWith('.png') ? 'image/png' : 'image/jpeg',
    );
    const [r, g, b] = image.pixel(Math.round(140 * (image.width / 1280)), Math.round(180 * (image.width / 1280)));
    expect(r).toBeGreaterThan(230);
    expect(g).toBeLessThan(25);
    expect(b).toBeGreaterThan(230);
  });
});

describe('the context menu', () => {
  it('"Report a problem with this page" reports on the page that was right-clicked', { timeout: 90_000 }, async () => {
    const ext = await rig.launch({ headless: false, display: rig.display.name });
    await rig.configure(ext);
    const page = await ext.context.newPage();
    await page.goto(`${rig.site.url}/broken-page.html`);
    await page.bringToFront();
    // The page menu ends with Inspect, View page source, then extension items: the keyboard walks
    // up from the bottom until our item opens the report page (earlier items only open tools).
    let compose: Page | undefined;
    for (let up = 1; up <= 4 && !compose; up++) {
      await page.bringToFront();
      rig.display.click(600, 500, 3);
      await page.waitForTimeout(500);
      const opened = ext.context
        .waitForEvent('page', { predicate: (p) => p.url().includes('/compose.html'), timeout: 2500 })
        .catch(() => undefined);
      for (let i = 0; i < up; i++) rig.display.key('Up');
      rig.display.key('Return');
      compose = await opened;
    }
    expect(compose, 'the context menu item opened no report page').toBeDefined();
    await compose!.getByLabel('What went wrong?').waitFor();
    expect(await describeAndSend(compose!, 'Reported from the context menu')).toMatch(/Report sent/);
    const [stored] = (await rig.receiver.store.list()).filter(
      (t) => t.ticket.description === 'Reported from the context menu',
    );
    expect(stored.ticket.page.url).toBe(`${rig.site.url}/broken-page.html`);
    expect(stored.ticket.screenshot).not.toBeNull();
  });
});
