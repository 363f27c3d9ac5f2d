/**
 * Masks wherever a page shows something: fields inside same-origin frames, frames of another
 * origin painted over whole, the admin's selectors in every kind of capture, and no capture at all
 * when the organisation collects no screenshot. And nothing from a blocked site, even earlier in
 * the same tab or on a blocked route of a single-page app.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage, type DecodedImage } from '../support/images';
import { editOptions } from '../support/flows';
import { closedPort } from '../support/recorder';
import { serveFolder, type StaticServer } from '../support/static-server';
import { useRig, type Rig } from '../support/rig';
import { countPixels, delivered, reportOn, SCREENSHOT_RIG, send, storedDraft } from '../support/screenshots';

const rig = useRig(SCREENSHOT_RIG);
/** The colour the visible screenshot's masks are painted in (utils/background/capture/images.ts). */
const MASK: [number, number, number] = [31, 41, 51];
const BLACK: [number, number, number] = [0, 0, 0];
let otherOrigin: StaticServer;

beforeAll(async () => {
  otherOrigin = await serveFolder(resolve(import.meta.dirname, '../fixtures'));
});
afterAll(() => otherOrigin.close());

/**
 * The element's box in the top page's CSS pixels (Playwright gives frames' elements there too),
 * 3 px in from its edges: a JPEG blurs the mask's border into its neighbours.
 */
async function box(locator: ReturnType<Page['locator']>) {
  const b = (await locator.boundingBox())!;
  return {
    x: Math.ceil(b.x) + 3,
    y: Math.ceil(b.y) + 3,
    width: Math.floor(b.width) - 6,
    height: Math.floor(b.height) - 6,
  };
}

async function draftImage(compose: Page): Promise<DecodedImage> {
  const draft = await storedDraft(rig, compose);
  const base64 = draft.screenshot!.dataUrl.split(',')[1];
  return decodeImage(rig.ext.context, Buffer.from(base64, 'base64'), 'image/png');
}

/** Share of the area's pixels in the mask colour (the screenshot may be a JPEG: near, not equal). */
function masked(image: DecodedImage, area: { x: number; y: number; width: number; height: number }) {
  let n = 0;
  for (let y = area.y; y < area.y + area.height; y++)
    for (let x = area.x; x < area.x + area.width; x++)
      if (image.pixel(x, y).every((channel, i) => Math.abs(channel - MASK[i]) <= 16)) n++;
  return n / (area.width * area.height);
}

async function maskSalaries(r: Rig) {
  await editOptions(r.ext, (options) => options.getByLabel('Masked elements').fill('.salary'));
}

describe('masks in frames and in every capture', () => {
  it('paints over a card field inside a same-origin frame, a frame of another origin and the admin’s selectors', async () => {
    await maskSalaries(rig);
    const { page, compose } = await reportOn(
      rig,
      `mask-frames.html?cross=${encodeURIComponent(otherOrigin.url)}`,
      (p) => p.frameLocator('#same').getByLabel('Card number').waitFor(),
    );
    const image = await draftImage(compose);
    expect(image.width).toBe(1280);
    const card = await box(page.frameLocator('#same').getByLabel('Card number'));
    const cross = await box(page.locator('#cross'));
    const salary = await box(page.locator('#salary'));
    const plain = await box(page.locator('#plain'));
    expect(masked(image, card)).toBeGreaterThan(0.99);
    expect(masked(image, cross)).toBeGreaterThan(0.99);
    expect(masked(image, salary)).toBeGreaterThan(0.99);
    expect(masked(image, plain)).toBe(0);
    // The same-origin frame around the field is shown: only its sensitive field is hidden.
    const beside = image.pixel(card.x + card.width + 20, card.y + 5);
    expect(beside.every((channel, i) => Math.abs(channel - [255, 255, 0][i]) <= 16)).toBe(true);
    expect((await storedDraft(rig, compose)).screenshot!.masks).toBe(3);
  });

  it('shows a frame of another origin when the admin allows it, still masking the fields it can check', async () => {
    await editOptions(rig.ext, (options) => options.getByLabel('Show frames from other sites in screenshots').check());
    const { page, compose } = await reportOn(
      rig,
      `mask-frames.html?cross=${encodeURIComponent(otherOrigin.url)}`,
      (p) => p.frameLocator('#cross').getByLabel('Card number').waitFor(),
    );
    const image = await draftImage(compose);
    const cross = await box(page.locator('#cross'));
    expect(masked(image, cross)).toBeLessThan(0.5);
    expect(masked(image, await box(page.frameLocator('#same').getByLabel('Card number')))).toBeGreaterThan(0.99);
  });

  it('masks the admin’s selectors and every input in a whole-page capture too', async () => {
    await maskSalaries(rig);
    await editOptions(rig.ext, (options) => options.getByLabel('Mask all input fields').check());
    const { compose } = await reportOn(rig, 'screenshot-tall.html');
    await compose.getByRole('button', { name: 'Capture the whole page' }).click();
    await compose.getByText(/Screenshot replaced/).waitFor({ timeout: 30_000 });
    await send(compose, 'Totals wrong');
    const { image } = await delivered(rig);
    // The tall fixture's search field (40, 500, 400 × 48) is not a sensitive field: masked only
    // because every input is.
    const search = { x: 41, y: 501, width: 398, height: 46 };
    expect(countPixels(image!, BLACK, search)).toBe(search.width * search.height);
  });

  it('offers no capture of any kind when the organisation collects no screenshot', async () => {
    await editOptions(rig.ext, (options) => options.getByLabel('Screenshot of the page').uncheck());
    const { compose } = await reportOn(rig, 'screenshot-tall.html');
    await compose
      .getByText(/Your organisation does not collect screenshots|screenshot/i)
      .first()
      .waitFor();
    expect(await compose.getByRole('button', { name: 'Capture the whole page' }).count()).toBe(0);
    expect(await compose.getByRole('button', { name: 'Capture one element' }).count()).toBe(0);
    // Even asked directly, the background refuses.
    const draftId = new URL(compose.url()).searchParams.get('draft')!;
    const answer = await compose.evaluate(
      (id) =>
        (globalThis as any).chrome.runtime.sendMessage({
          id: 1,
          type: 'captureDom',
          data: { draftId: id, mode: 'full-page' },
          timestamp: Date.now(),
        }),
      draftId,
    );
    expect(JSON.stringify(answer)).toContain('disabled');
  });
});

describe('nothing from a blocked site', () => {
  it('keeps a blocked page visited earlier in the same tab, and a blocked route of an app, out of the report', async () => {
    await editOptions(rig.ext, (options) => options.getByLabel('Blocked sites').fill('*://127.0.0.1/hr/*'));
    const port = await closedPort();
    const page = await rig.ext.context.newPage();
    await page.goto(`${rig.site.url}/hr/salary.html?closed=${port}`);
    await page.waitForFunction(() => (window as { __pageResult?: string }).__pageResult === 'done');

    // The same tab moves on to an allowed page, an app that passes through a blocked route.
    await page.goto(`${rig.site.url}/steps.html`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    await page.evaluate(async (closed) => {
      history.pushState({}, '', '/hr/employee/4711');
      console.error('SECRET-HR error on a blocked route');
      await fetch(`http://127.0.0.1:${closed}/api/employee/4711?ssn=SECRET-HR`).catch(() => undefined);
      history.pushState({}, '', '/steps.html?after');
      console.error('Allowed error after the blocked route');
    }, port);
    await page.waitForTimeout(300);
    const { startReport } = await import('../support/flows');
    const compose = await startReport(rig.ext, page);
    await send(compose, 'Export fails');
    const { ticket } = await delivered(rig);
    const json = JSON.stringify(ticket);
    expect(json).not.toContain('SECRET-HR');
    expect(json).not.toContain('4711');
    expect(json).not.toContain('/hr/');
    expect(ticket.console.map((e) => e.message)).toContain('Allowed error after the blocked route');
  });
});
