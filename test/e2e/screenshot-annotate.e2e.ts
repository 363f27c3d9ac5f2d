/**
 * The annotation editor end to end: marks drawn with the keyboard alone and with the mouse reach
 * the helpdesk flattened into the image, a black-out leaves nothing of what it covered, and the
 * screenshot can be removed altogether.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useRig } from '../support/rig';
import { countPixels, delivered, reportOn, SCREENSHOT_RIG, send, storedDraft } from '../support/screenshots';

const rig = useRig(SCREENSHOT_RIG);
const BLUE: [number, number, number] = [0, 160, 255];
const BLACK: [number, number, number] = [0, 0, 0];
const HIGHLIGHT: [number, number, number] = [250, 204, 21];
const LABEL_BACK: [number, number, number] = [17, 24, 39];
const ARROW: [number, number, number] = [220, 38, 38];
const BLOCK = { x: 200, y: 200, width: 300, height: 150 };
const SHOT = 'Screenshot of the reported page';

async function press(page: Page, key: string, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** Drags on the screenshot between two points given in the image's own pixels (1280 x 720). */
async function drag(compose: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  const shot = compose.getByRole('img', { name: SHOT });
  await shot.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const box = (await shot.boundingBox())!;
  const at = (p: { x: number; y: number }) =>
    [box.x + (p.x * box.width) / 1280, box.y + (p.y * box.height) / 720] as const;
  await compose.mouse.move(...at(from));
  await compose.mouse.down();
  await compose.mouse.move(...at(to), { steps: 5 });
  await compose.mouse.up();
}

const isFocused = (page: Page, role: 'application', name: string) =>
  page.getByRole(role, { name }).evaluate((el) => el === document.activeElement);

describe('annotating the screenshot', () => {
  it('sends the black-out and label placed by keyboard and the highlight drawn by mouse, flattened into the image', async () => {
    const { compose } = await reportOn(rig, 'screenshot-annotate.html');
    // The keyboard instructions are one toggle away, and say how to draw without a mouse.
    const help = compose.getByRole('button', { name: 'Keyboard help' });
    expect(await help.getAttribute('aria-expanded')).toBe('false');
    await help.click();
    expect(await help.getAttribute('aria-expanded')).toBe('true');
    await compose.getByText('move the cursor with the arrow keys').waitFor();

    // Keyboard alone: Tab from the toolbar into the drawing area; the cursor starts at (640, 360).
    await compose.getByRole('button', { name: 'Remove screenshot' }).focus();
    await compose.keyboard.press('Tab');
    expect(await isFocused(compose, 'application', 'Drawing area')).toBe(true);
    await press(compose, '4'); // Black out
    expect(await compose.getByRole('button', { name: 'Black out' }).getAttribute('aria-pressed')).toBe('true');
    await press(compose, 'Shift+ArrowLeft', 9); // x 190
    await press(compose, 'Shift+ArrowUp', 3); // y 210
    await press(compose, 'ArrowUp', 2); // y 190
    await press(compose, 'Enter');
    await press(compose, 'Shift+ArrowRight', 6);
    await press(compose, 'ArrowRight', 2); // x 510
    await press(compose, 'Shift+ArrowDown', 3);
    await press(compose, 'ArrowDown', 2); // y 360
    await press(compose, 'Enter');
    await compose.getByText('Area blacked out.').waitFor();

    await press(compose, '3'); // Text, at (700, 500)
    await press(compose, 'Shift+ArrowRight', 3);
    await press(compose, 'ArrowRight', 4);
    await press(compose, 'Shift+ArrowDown', 2);
    await press(compose, 'ArrowDown', 4);
    await press(compose, 'Enter');
    await compose.getByLabel('Label text').fill('Blue block hidden');
    await press(compose, 'Enter');
    await compose.getByText('Label added.').waitFor();
    expect(await isFocused(compose, 'application', 'Drawing area')).toBe(true);

    // Mouse: a highlight; an arrow then undone with Ctrl+Z, so it must not be sent.
    await compose.getByRole('button', { name: 'Highlight' }).click();
    await drag(compose, { x: 700, y: 100 }, { x: 1000, y: 300 });
    await compose.getByRole('button', { name: 'Arrow' }).click();
    await drag(compose, { x: 900, y: 600 }, { x: 1200, y: 650 });
    await press(compose, 'Control+z');
    await compose.getByText('Undone.').waitFor();

    await send(compose, 'The blue block is wrong');
    const { ticket, image } = await delivered(rig);
    expect(ticket.screenshot).toMatchObject({ type: 'image/png', width: 1280, height: 720 });
    expect([image!.width, image!.height]).toEqual([1280, 720]);
    // Not one pixel of the block survives: all of its area is black.
    expect(countPixels(image!, BLUE)).toBe(0);
    expect(countPixels(image!, BLACK, BLOCK)).toBe(BLOCK.width * BLOCK.height);
    // The highlight's outline runs along x = 700 and y = 100 (one pixel of rounding either way).
    expect(image!.pixel(700, 200)).toEqual(HIGHLIGHT);
    expect(image!.pixel(850, 100)).toEqual(HIGHLIGHT);
    expect(image!.pixel(850, 200)).not.toEqual([255, 255, 255]); // tinted inside
    expect(image!.pixel(703, 503)).toEqual(LABEL_BACK);
    expect(countPixels(image!, ARROW)).toBe(0);
  });

  it('removes the screenshot, can take that back, and sends none once removed', async () => {
    const { compose } = await reportOn(rig, 'screenshot-annotate.html');
    await compose.getByRole('button', { name: 'Remove screenshot' }).click();
    await compose.getByText('The screenshot is removed: the report will be sent without one.').waitFor();
    expect(await compose.getByRole('img', { name: SHOT }).count()).toBe(0);
    // Focus follows the view: to Undo when removed, back to the drawing area when undone.
    expect(await compose.getByRole('button', { name: 'Undo' }).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await compose.keyboard.press('Enter');
    await compose.getByRole('img', { name: SHOT }).waitFor();
    expect(await isFocused(compose, 'application', 'Drawing area')).toBe(true);
    await compose.getByRole('button', { name: 'Remove screenshot' }).click();

    await send(compose, 'No picture please');
    const { ticket, files, image } = await delivered(rig);
    expect(ticket.screenshot).toBeNull();
    expect(image).toBeNull();
    expect(files.filter((f) => f.startsWith('screenshot'))).toEqual([]);
  });

  it('keeps the edit in the draft, so the reopened report page shows it', async () => {
    const { compose } = await reportOn(rig, 'screenshot-annotate.html');
    const original = (await storedDraft(rig, compose)).screenshot!.dataUrl;
    await compose.getByRole('button', { name: 'Black out' }).click();
    await drag(compose, { x: 150, y: 150 }, { x: 550, y: 400 });
    await expect
      .poll(async () => (await storedDraft(rig, compose)).screenshot!.dataUrl !== original, { timeout: 5000 })
      .toBe(true);

    const url = compose.url();
    await compose.close();
    const reopened = await rig.ext.context.newPage();
    await reopened.goto(url);
    const shot = reopened.getByRole('img', { name: SHOT });
    await shot.waitFor();
    const centre = () =>
      shot.evaluate((c) =>
        [...(c as HTMLCanvasElement).getContext('2d')!.getImageData(350, 275, 1, 1).data].slice(0, 3),
      );
    await expect.poll(centre).toEqual(BLACK);
  });
});
