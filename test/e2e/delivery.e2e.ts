/**
 * The outbox in a real browser: outages, restarts and refusals, each report stored exactly once.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../receiver/server';
import { launchWithExtension, stopServiceWorker, type ExtensionBrowser } from '../support/extension';
import { faultyEndpoint, type FaultyEndpoint } from '../support/faulty-endpoint';
import { badgeText, configureEndpoint, describeAndSend, openPopup, startReport } from '../support/flows';
import { serveFolder, type StaticServer } from '../support/static-server';

const TOKEN = 'delivery-e2e-token';
let site: StaticServer;
let receiver: Receiver;
let front: FaultyEndpoint;
let dataDir: string;
let ext: ExtensionBrowser | undefined;

beforeAll(async () => {
  site = await serveFolder(resolve(import.meta.dirname, '../fixtures'));
});
afterAll(() => site.close());
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mayday-delivery-'));
  receiver = await startReceiver({ dataDir, token: TOKEN });
  front = await faultyEndpoint(receiver.url, 'refuse');
});
afterEach(async () => {
  await ext?.close();
  ext = undefined;
  await front.close();
  await receiver.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function brokenPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${site.url}/broken-page.html`);
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
  while ((await receiver.store.list()).length < count && Date.now() < deadline) {
    const popup = await openPopup(browser);
    await popup.waitForTimeout(2000);
    await popup.close();
  }
  return receiver.store.list();
}

describe('the outbox', () => {
  it(
    'delivers 20 reports through refusals, 500s, 429s and a hang, each exactly once',
    { timeout: 180_000 },
    async () => {
      ext = await launchWithExtension();
      await configureEndpoint(ext, `${front.url}/tickets`, TOKEN);
      const page = await brokenPage(ext);
      for (let n = 1; n <= 20; n++) {
        const { compose, status } = await fileReport(ext, page, `Report number ${n}`);
        expect(status).toMatch(/^Not sent yet: The endpoint could not be reached/);
        await compose.close();
      }
      expect(await badgeText(ext)).toBe('20');

      for (const fault of ['500', '429', 'hang'] as const) {
        await front.set(fault);
        const popup = await openPopup(ext);
        await expect.poll(() => front.seen[fault], { timeout: 30_000 }).toBeGreaterThan(0);
        await popup.close();
      }
      // The hung attempt times out on its own (30 s); from then on the endpoint works again.
      await front.set('pass');
      const tickets = await untilStored(ext, 20, 90_000);

      expect(tickets).toHaveLength(20);
      expect(new Set(tickets.map((t) => t.ticket.id)).size).toBe(20);
      expect(tickets.map((t) => t.ticket.description).sort()).toEqual(
        Array.from({ length: 20 }, (_, i) => `Report number ${i + 1}`).sort(),
      );
      await expect.poll(() => badgeText(ext!)).toBe('');
      const popup = await openPopup(ext);
      await popup.getByRole('link', { name: 'Ticket 20' }).waitFor();
    },
  );

  it('delivers reports queued before the browser was closed once it is started again', async () => {
    const profileDir = await mkdtemp(join(tmpdir(), 'mayday-profile-kept-'));
    try {
      const first = await launchWithExtension({ profileDir });
      await configureEndpoint(first, `${front.url}/tickets`, TOKEN);
      const page = await brokenPage(first);
      for (const n of [1, 2])
        expect((await fileReport(first, page, `Queued before restart ${n}`)).status).toMatch(/^Not sent yet/);
      await first.close();

      await front.set('pass');
      ext = await launchWithExtension({ profileDir });
      const tickets = await untilStored(ext, 2, 40_000);
      expect(tickets.map((t) => t.ticket.description).sort()).toEqual([
        'Queued before restart 1',
        'Queued before restart 2',
      ]);
      await new Promise((r) => setTimeout(r, 2000));
      expect(await receiver.store.list()).toHaveLength(2);
    } finally {
      await rm(profileDir, { recursive: true, force: true });
    }
  });

  it('stores a report once when the service worker is stopped while the reply is on its way', async () => {
    ext = await launchWithExtension();
    await configureEndpoint(ext, `${front.url}/tickets`, TOKEN);
    await front.set('swallow');
    const page = await brokenPage(ext);
    const compose = await startReport(ext, page);
    await compose.getByLabel('What went wrong?').fill('Lost reply');
    await compose.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(async () => (await receiver.store.list()).length).toBe(1);

    await stopServiceWorker(ext);
    await front.set('pass');
    await compose.getByRole('status').filter({ hasText: 'Report sent. Reference: 1' }).waitFor({ timeout: 30_000 });
    expect(front.seen.pass).toBeGreaterThan(0);
    expect(await receiver.store.list()).toHaveLength(1);
  });

  it('stops on a refused token with the reason, Retry and Save as file, and delivers after the token is fixed', async () => {
    ext = await launchWithExtension();
    await front.set('pass');
    await configureEndpoint(ext, `${front.url}/tickets`, 'a-wrong-token');
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

    await configureEndpoint(ext, `${front.url}/tickets`, TOKEN);
    await compose.getByRole('button', { name: 'Retry' }).click();
    await compose.getByRole('status').filter({ hasText: 'Report sent. Reference: 1' }).waitFor();
    expect((await receiver.store.list()).map((t) => t.ticket.description)).toEqual(['Token test']);
  });

  it('saves the report as one zip when no endpoint is configured', async () => {
    ext = await launchWithExtension();
    const page = await brokenPage(ext);
    const compose = await startReport(ext, page);
    await compose.getByText('No helpdesk is configured for Mayday.', { exact: false }).waitFor();
    await compose.getByLabel('What went wrong?').fill('Saved for email');
    const download = compose.waitForEvent('download');
    await compose.getByRole('button', { name: 'Save report' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^mayday-report-\d{4}-\d{2}-\d{2}-\d{4}-127\.0\.0\.1\.zip$/);
    const zip = unzipSync(new Uint8Array(await readFile((await file.path())!)));
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
