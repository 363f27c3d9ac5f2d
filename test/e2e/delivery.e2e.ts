/**
 * The outbox in a real browser: outages, restarts and refusals, each report stored exactly once.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { stopServiceWorker, type ExtensionBrowser } from '../support/extension';
import { badgeText, configureEndpoint, describeAndSend, openPopup, startReport } from '../support/flows';
import { useRig } from '../support/rig';

const TOKEN = 'delivery-e2e-token';
const rig = useRig({ token: TOKEN, front: 'refuse', browser: false });

async function brokenPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${rig.site.url}/broken-page.html`);
  return page;
}

async function fileReport(
  browser: ExtensionBrowser,
  page: Page,
  description: string,
): Promise<{ compose: Page; status: string }> {
  const compose = await startReport(browser, page);
  return { compose, status: await describeAndSend(compose, description) };
}

/** Keeps opening the popup (a retry trigger) until the receiver holds `count` tickets. */
async function untilStored(browser: ExtensionBrowser, count: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while ((await rig.receiver.store.list()).length < count && Date.now() < deadline) {
    const popup = await openPopup(browser);
    await popup.waitForTimeout(2000);
    await popup.close();
  }
  return rig.receiver.store.list();
}

describe('the outbox', () => {
  it(
    'delivers 20 reports through refusals, 500s, 429s and a hang, each exactly once',
    { timeout: 180_000 },
    async () => {
      const ext = await rig.launch();
      await rig.configure(ext);
      const page = await brokenPage(ext);
      for (let n = 1; n <= 20; n++) {
        const { compose, status } = await fileReport(ext, page, `Report number ${n}`);
        expect(status).toMatch(/^Not sent yet: The endpoint could not be reached/);
        await compose.close();
      }
      expect(await badgeText(ext)).toBe('20');

      for (const fault of ['500', '429', 'hang'] as const) {
        await rig.front.set(fault);
        const popup = await openPopup(ext);
        await expect.poll(() => rig.front.seen[fault], { timeout: 30_000 }).toBeGreaterThan(0);
        await popup.close();
      }
      // The hung attempt times out on its own (30 s); from then on the endpoint works again.
      await rig.front.set('pass');
      const tickets = await untilStored(ext, 20, 90_000);

      expect(tickets).toHaveLength(20);
      expect(new Set(tickets.map((t) => t.ticket.id)).size).toBe(20);
      expect(tickets.map((t) => t.ticket.description).sort()).toEqual(
        Array.from({ length: 20 }, (_, i) => `Report number ${i + 1}`).sort(),
      );
      await expect.poll(() => badgeText(ext)).toBe('');
      const popup = await openPopup(ext);
      await popup.getByRole('link', { name: 'Ticket 20' }).waitFor();
    },
  );

  it('delivers reports queued before the browser was closed once it is started again', async () => {
    const profileDir = await mkdtemp(join(tmpdir(), 'mayday-profile-kept-'));
    try {
      const first = await rig.launch({ profileDir });
      await rig.configure(first);
      const page = await brokenPage(first);
      for (const n of [1, 2])
        expect((await fileReport(first, page, `Queued before restart ${n}`)).status).toMatch(/^Not sent yet/);
      await first.close();

      await rig.front.set('pass');
      const ext = await rig.launch({ profileDir });
      const tickets = await untilStored(ext, 2, 40_000);
      expect(tickets.map((t) => t.ticket.description).sort()).toEqual([
        'Queued before restart 1',
        'Queued before restart 2',
      ]);
      await new Promise((r) => setTimeout(r, 2000));
      expect(await rig.receiver.store.list()).toHaveLength(2);
    } finally {
      await rm(profileDir, { recursive: true, force: true });
    }
  });

  it('stores a report once when the service worker is stopped while the reply is on its way', async () => {
    const ext = await rig.launch();
    await rig.configure(ext);
    await rig.front.set('swallow');
    const page = await brokenPage(ext);
    const compose = await startReport(ext, page);
    await compose.getByLabel('What went wrong?').fill('Lost reply');
    await compose.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(async () => (await rig.receiver.store.list()).length).toBe(1);

    await stopServiceWorker(ext);
    await rig.front.set('pass');
    await compose.getByRole('status').filter({ hasText: 'Report sent. Reference: 1' }).waitFor({ timeout: 30_000 });
    expect(rig.front.seen.pass).toBeGreaterThan(0);
    expect(await rig.receiver.store.list()).toHaveLength(1);
  });

  it('stops on a refused token with the reason, Retry and Save as file, and delivers after the token is fixed', async () => {
    const ext = await rig.launch();
    await rig.front.set('pass');
    await configureEndpoint(ext, rig.endpoint, 'a-wrong-token');
    const page = await brokenPage(ext);
    const { compose, status } = await fileReport(ext, page, 'Token test');
    expect(status).toMatch(/^Sending failed: The endpoint refused Mayday's access token \(HTTP 401\)/);
    await expect(compose.getByRole('button', { name: 'Save as file' }).isVisible()).resolves.toBe(true);
    const popup = await openPopup(ext);
    await popup
      .getByText("Not sent: The endpoint refused Mayday's access token (HTTP 401)", { exact: false })
      .waitFor();
    await popup.close();
    expect(await badgeText(ext)).toBe('1');

    await rig.configure(ext);
    await compose.getByRole('button', { name: 'Retry' }).click();
    await compose.getByRole('status').filter({ hasText: 'Report sent. Reference: 1' }).waitFor();
    expect((await rig.receiver.store.list()).map((t) => t.ticket.description)).toEqual(['Token test']);
  });

  it('saves the report as one zip when no endpoint is configured', async () => {
    const ext = await rig.launch();
    const page = await brokenPage(ext);
    const compose = await startReport(ext, page);
    await compose.getByText('No helpdesk is configured for Mayday.', { exact: false }).waitFor();
    await compose.getByLabel('What went wrong?').fill('Saved for email');
    const download = compose.waitForEvent('download');
    await compose.getByRole('button', { name: 'Save report' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^mayday-report-\d{4}-\d{2}-\d{2}-\d{4}-127\.0\.0\.1\.zip$/);
    const zip = unzipSync(new Uint8Array(await readFile(await file.path())));
    expect(Object.keys(zip).sort()).toEqual(['report.html', 'report.json', 'screenshot.png']);
    expect(JSON.parse(strFromU8(zip['report.json'])).description).toBe('Saved for email');
    // The technician opens report.html from the unzipped folder: the screenshot shows.
    const folder = await mkdtemp(join(tmpdir(), 'mayday-unzipped-'));
    try {
      await writeFile(join(folder, 'report.html'), zip['report.html']);
      const report = await ext.context.newPage();
      await report.goto(`file://${folder}/report.html`);
      const shot = report.getByRole('img').first();
      await expect.poll(() => shot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1280);
      await expect(report.getByText('Saved for email').first().isVisible()).resolves.toBe(true);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    await compose
      .getByRole('status')
      .filter({ hasText: /Report saved as mayday-report-.*\.zip/ })
      .waitFor();
  });
});
