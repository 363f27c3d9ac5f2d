/** What the screenshot E2E files share: the rig they ask for (site, receiver, browser) and reading the result. */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Draft } from '../../utils/core/model/draft';
import type { Ticket } from '../../utils/core/model/ticket';
import { startReport } from './flows';
import { decodeImage, type DecodedImage } from './images';
import type { Rig, RigOptions } from './rig';

/** A receiver and a fresh browser pointed at it for each test. */
export const SCREENSHOT_RIG: RigOptions = { token: 'e2e-screenshot-token' };

/** Opens a fixture (`prepare` runs on it first) and starts a report on it. */
export async function reportOn(
  rig: Rig,
  fixture: string,
  prepare?: (page: Page) => Promise<unknown>,
): Promise<{ page: Page; compose: Page }> {
  const page = await rig.ext.context.newPage();
  await page.goto(`${rig.site.url}/${fixture}`);
  await prepare?.(page);
  return { page, compose: await startReport(rig.ext, page) };
}

export async function send(compose: Page, description: string): Promise<void> {
  await compose.getByLabel('What went wrong?').fill(description);
  await compose.getByRole('button', { name: 'Send report' }).click();
  await compose
    .getByRole('status')
    .filter({ hasText: /Report sent/ })
    .waitFor();
}

/** The one ticket the receiver holds, its files, and its screenshot decoded (null when none). */
export async function delivered(rig: Rig): Promise<{ ticket: Ticket; files: string[]; image: DecodedImage | null }> {
  const [{ ticket, attachmentsFolder: folder }] = await rig.receiver.store.list();
  const files = await readdir(folder);
  const name = files.find((f) => f.startsWith('screenshot.'));
  const image = name
    ? await decodeImage(
        rig.ext.context,
        await readFile(join(folder, name)),
        name.endsWith('.jpg') ? 'image/jpeg' : 'image/png',
      )
    : null;
  return { ticket, files, image };
}

/** The draft as stored by the extension, read from its service worker. */
export async function storedDraft(rig: Rig, compose: Page): Promise<Draft> {
  const id = new URL(compose.url()).searchParams.get('draft')!;
  const worker = await rig.ext.currentWorker();
  return worker.evaluate(async (key) => (await (globalThis as any).chrome.storage.local.get(key))[key], `draft:${id}`);
}

export function countPixels(
  image: DecodedImage,
  rgb: [number, number, number],
  area = { x: 0, y: 0, width: image.width, height: image.height },
): number {
  let n = 0;
  for (let y = area.y; y < area.y + area.height; y++)
    for (let x = area.x; x < area.x + area.width; x++) {
      const [r, g, b] = image.pixel(x, y);
      if (r === rgb[0] && g === rgb[1] && b === rgb[2]) n++;
    }
  return n;
}
