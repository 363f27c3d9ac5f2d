/**
 * Item 6: the screenshot a ticket carries, through the extension's real path (capture, masks,
 * PNG or JPEG within budget), read back from the receiver. A 1920x1080 viewport at device pixel
 * ratio 1 and 2, on a page of text and on a page filled by a photo.
 */
import type { Page } from 'playwright-core';
import { describeAndSend, startReport } from '../../test/support/flows';
import type { Figure } from '../lib/figures';
import { openReportSession } from '../lib/report-session';

const VIEWPORT = { width: 1920, height: 1080 };

/** Grows the window until the page itself gets exactly VIEWPORT (headless adds its own frame). */
async function fitViewport(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { windowId } = await cdp.send('Browser.getWindowForTarget');
  const [innerW, innerH, outerW, outerH] = await page.evaluate(() => [
    innerWidth,
    innerHeight,
    outerWidth,
    outerHeight,
  ]);
  await cdp.send('Browser.setWindowBounds', {
    windowId,
    bounds: { width: VIEWPORT.width + outerW - innerW, height: VIEWPORT.height + outerH - innerH },
  });
  await page.waitForFunction(({ width, height }) => innerWidth === width && innerHeight === height, VIEWPORT);
  await cdp.detach();
}

export async function measureScreenshotBytes(
  pages: { name: string; url: string }[],
  progress: (line: string) => void,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const deviceScaleFactor of [1, 2]) {
    const session = await openReportSession({ window: { ...VIEWPORT, deviceScaleFactor } });
    try {
      for (const { name, url } of pages) {
        const page = await session.ext.context.newPage();
        await page.goto(url);
        await fitViewport(page);
        await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
        const compose = await startReport(session.ext, page);
        const status = await describeAndSend(compose, `Screenshot of the ${name}`);
        if (!/Report sent/.test(status)) throw new Error(`${name} at DPR ${deviceScaleFactor}: ${status}`);
        const tickets = await session.receiver.store.list();
        const shot = tickets[tickets.length - 1].ticket.screenshot;
        if (!shot) throw new Error(`${name} at DPR ${deviceScaleFactor}: the ticket has no screenshot`);
        progress(`  screenshot, ${name}, DPR ${deviceScaleFactor}: ${Math.round(shot.size / 1024)} KB ${shot.type}`);
        figures.push({
          item: 6,
          label: `Screenshot bytes, 1920x1080 at DPR ${deviceScaleFactor}, ${name}`,
          value: Math.round((shot.size / 1024) * 10) / 10,
          unit: 'KB',
          digits: 1,
          budget: 'screenshot-bytes',
          how: `the ticket's screenshot as the receiver stored it: ${shot.type.replace('image/', '').toUpperCase()}, ${shot.width}x${shot.height} px.`,
          detail: { bytes: shot.size, type: shot.type, width: shot.width, height: shot.height },
        });
        await compose.close();
        await page.close();
      }
    } finally {
      await session.close();
    }
  }
  return figures;
}
