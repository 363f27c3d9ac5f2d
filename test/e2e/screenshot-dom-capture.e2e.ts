/**
 * Full-page and element captures, rendered from the DOM in the reported tab: sizes, content,
 * sensitive fields masked, the element picker driven by mouse and by keys, and the time limit.
 */
import { describe, expect, it } from 'vitest';
import { useRig } from '../support/rig';
import { countPixels, delivered, reportOn, SCREENSHOT_RIG, send, storedDraft } from '../support/screenshots';

const rig = useRig(SCREENSHOT_RIG);
const BLACK: [number, number, number] = [0, 0, 0];
const HINT = 'Click the part of the page to capture';
const area = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

describe('capturing the whole page', () => {
  it('sends the page at its full height, from the top even when scrolled, with sensitive fields blacked out', async () => {
    const { page, compose } = await reportOn(rig, 'screenshot-tall.html', (p) =>
      p.evaluate(() => window.scrollTo(0, 1500)),
    );
    const full = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }));
    expect(full.height).toBe(4000);

    const started = Date.now();
    await compose.getByRole('button', { name: 'Capture the whole page' }).click();
    await compose.getByText(`Screenshot replaced: ${full.width} × 4000 pixels.`).waitFor({ timeout: 20_000 });
    console.log(`full-page capture of the tall fixture, as the person waits: ${Date.now() - started} ms`);
    expect(await storedDraft(rig, compose)).toMatchObject({
      screenshot: { mode: 'full-page', width: full.width, height: 4000, masks: 3 },
    });
    // The report page is back in front and shows the new screenshot in the editor.
    expect(await compose.evaluate(() => document.visibilityState)).toBe('visible');
    expect(await compose.getByRole('img', { name: 'Screenshot of the reported page' }).getAttribute('height')).toBe(
      '4000',
    );

    await send(compose, 'The totals at the bottom are wrong');
    const { ticket, image } = await delivered(rig);
    expect(ticket.screenshot).toMatchObject({ type: 'image/png', width: full.width, height: 4000 });
    expect([image!.width, image!.height]).toEqual([full.width, 4000]);
    expect(image!.pixel(640, 50)).toEqual([255, 0, 0]);
    expect(image!.pixel(640, 2000)).toEqual([0, 0, 255]);
    expect(image!.pixel(640, 3950)).toEqual([0, 255, 0]);
    // Password, card number and the data-private block: every pixel black. The search field is not.
    for (const box of [area(40, 200, 400, 48), area(40, 300, 400, 48), area(40, 400, 400, 48)]) {
      expect(countPixels(image!, BLACK, box)).toBe(box.width * box.height);
    }
    expect(image!.pixel(400, 524)).toEqual([255, 255, 255]);
    expect(countPixels(image!, BLACK, area(41, 501, 398, 46))).toBeGreaterThan(20); // "printer" is drawn
  });

  it('stops after the time limit, says so in plain words and keeps the visible screenshot', async () => {
    const { compose } = await reportOn(rig, 'screenshot-stall.html');
    await compose.getByRole('button', { name: 'Capture the whole page' }).click();
    await compose
      .getByText(
        'Capturing took longer than 10 seconds and was stopped. The report keeps the screenshot of what was on screen.',
      )
      .waitFor({ timeout: 30_000 });
    expect((await storedDraft(rig, compose)).screenshot).toMatchObject({ width: 1280, height: 720 });
    expect((await storedDraft(rig, compose)).screenshot?.mode).toBe('visible');

    await send(compose, 'The page is very slow');
    const { image } = await delivered(rig);
    expect([image!.width, image!.height]).toEqual([1280, 720]);
    expect(image!.pixel(640, 360)).toEqual([0, 128, 0]);
  }, 60_000);
});

describe('capturing one element', () => {
  it('sends the element the person clicked, at its own size, and the page never sees the click', async () => {
    const { page, compose } = await reportOn(rig, 'screenshot-element.html');
    await compose.getByRole('button', { name: 'Capture one element' }).click();
    await page.getByText(HINT).waitFor();
    await page.mouse.move(400, 310); // inside the card, away from its link
    await page.mouse.click(400, 310);
    await compose.getByText('Screenshot replaced: 320 × 180 pixels.').waitFor({ timeout: 20_000 });
    expect(await page.getByText(HINT).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __clicks: number }).__clicks)).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/screenshot-element.html');
    expect((await storedDraft(rig, compose)).screenshot).toMatchObject({ mode: 'element', width: 320, height: 180 });

    await send(compose, 'This invoice card is wrong');
    const { ticket, image } = await delivered(rig);
    expect(ticket.screenshot).toMatchObject({ width: 320, height: 180 });
    expect([image!.width, image!.height]).toEqual([320, 180]);
    // Its 6 px border all round (sampled off the corners, where html2canvas antialiases a seam).
    for (const [x, y] of [
      [2, 90],
      [317, 90],
      [160, 2],
      [160, 177],
    ])
      expect(image!.pixel(x, y)).toEqual([0, 0, 128]);
    expect(image!.pixel(300, 160)).toEqual([255, 200, 0]);
  });

  it('widens from the hovered link to its card with the Up key and chooses with Enter', async () => {
    const { page, compose } = await reportOn(rig, 'screenshot-element.html');
    await compose.getByRole('button', { name: 'Capture one element' }).click();
    await page.getByText(HINT).waitFor();
    const link = (await page.getByRole('link', { name: 'Open invoice' }).boundingBox())!;
    await page.mouse.move(link.x + link.width / 2, link.y + link.height / 2);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await compose.getByText('Screenshot replaced: 320 × 180 pixels.').waitFor({ timeout: 20_000 });
  });

  it('cancels with Esc, leaving the screenshot as it was', async () => {
    const { page, compose } = await reportOn(rig, 'screenshot-element.html');
    await compose.getByRole('button', { name: 'Capture one element' }).click();
    await page.getByText(HINT).waitFor();
    await page.keyboard.press('Escape');
    await compose.getByText('No part of the page was chosen: the screenshot is unchanged.').waitFor();
    expect(await page.getByText(HINT).count()).toBe(0);
    expect((await storedDraft(rig, compose)).screenshot).toMatchObject({ width: 1280, height: 720 });
  });
});
