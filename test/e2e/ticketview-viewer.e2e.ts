/**
 * The viewer page: a technician with Mayday installed opens a report.json (picked or dropped) or a
 * draft of this browser, filters the console, reads one timeline, copies the environment and
 * downloads the screenshot, while every payload the page planted stays text.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../utils/core/model/ticket';
import { startReport } from '../support/flows';
import { useRig } from '../support/rig';
import { expectInert, sendReport, watch, withPlantedSteps, type Watched } from '../support/ticketview';

const TOKEN = 'e2e-viewer';
const ARTIFACTS = resolve(import.meta.dirname, '../../test-results/ticketview');
const rig = useRig({ fresh: 'file', token: TOKEN });
let work: string;
let payloads: string[];
let ticket: Ticket;
let screenshot: Buffer;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mayday-viewer-files-'));
  await mkdir(ARTIFACTS, { recursive: true });
  const probe = await rig.ext.context.newPage();
  await probe.goto(`${rig.site.url}/xss-payloads.html`);
  payloads = await probe.evaluate(() => (window as unknown as { PAYLOADS: string[] }).PAYLOADS);
  await probe.close();
  const stored = await sendReport(
    rig.ext,
    rig.receiver,
    `${rig.site.url}/xss-payloads.html`,
    `Saving fails ${payloads.join(' ')}`,
  );
  ticket = withPlantedSteps(stored.ticket, payloads);
  screenshot = await readFile(join(stored.attachmentsFolder, 'screenshot.png'));
  await writeFile(join(work, 'report.json'), JSON.stringify(ticket));
  await writeFile(join(work, 'screenshot.png'), screenshot);
});
afterAll(() => rm(work, { recursive: true, force: true }));

async function openViewer(query = ''): Promise<{ viewer: Page; watched: Watched }> {
  const viewer = await rig.ext.context.newPage();
  const watched = watch(viewer);
  await viewer.goto(rig.ext.pageUrl(`viewer.html${query}`));
  return { viewer, watched };
}

/** Nothing left the extension: its own files and the data: screenshot only. */
function expectNoOutsideRequest(watched: Watched) {
  expect(watched.requests.filter((url) => !url.startsWith(rig.ext.pageUrl('')) && !url.startsWith('data:'))).toEqual(
    [],
  );
}

describe('the viewer page', () => {
  it('opens report.json with its screenshot and gives the technician every tool', async () => {
    const { viewer, watched } = await openViewer();
    await viewer.getByLabel('Open a report').setInputFiles([join(work, 'report.json'), join(work, 'screenshot.png')]);
    const summary = viewer.getByRole('region', { name: 'What went wrong' });
    await summary.waitFor();
    expect(await summary.innerText()).toContain(`Saving fails ${payloads[0]}`);
    const image = viewer.getByRole('img', { name: 'Screenshot of the reported page' });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1280);
    await viewer.screenshot({ path: join(ARTIFACTS, 'viewer.png'), fullPage: true });

    // Console: filter by level, then by text.
    const consoleRegion = viewer.getByRole('region', { name: 'Console' });
    const rows = consoleRegion.getByRole('listitem');
    const errors = ticket.console.filter((e) => e.level === 'error').length;
    expect(await rows.count()).toBe(ticket.console.length);
    await consoleRegion.getByRole('checkbox', { name: /^Errors/ }).uncheck();
    expect(await rows.count()).toBe(ticket.console.length - errors);
    await consoleRegion.getByRole('checkbox', { name: /^Errors/ }).check();
    await consoleRegion.getByLabel('Filter messages').fill('template');
    expect(await rows.allInnerTexts()).toEqual([expect.stringContaining(`Template ${payloads[3]}`)]);
    await consoleRegion.getByLabel('Filter messages').fill('no such message');
    expect(await consoleRegion.getByText('No message matches these filters.').isVisible()).toBe(true);

    // Steps, failed requests and errors on one timeline, labels shown as text.
    const timeline = viewer.getByRole('region', { name: 'Timeline: steps, failed requests and errors' });
    const items = await timeline.getByRole('listitem').allInnerTexts();
    expect(items.filter((text) => text.includes('Click'))).toHaveLength(payloads.length);
    expect(items.filter((text) => text.includes('Request failed'))).toHaveLength(payloads.length);
    expect(items.some((text) => text.includes('Error'))).toBe(true);
    for (const payload of payloads) expect(items.join('\n')).toContain(payload);

    // Environment copied as text (read back from a web page: extension origins get no clipboard-read grant).
    const environment = viewer.getByRole('region', { name: 'Environment' });
    await environment.getByRole('button', { name: 'Copy the environment as text' }).click();
    await environment.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
    await rig.ext.context.grantPermissions(['clipboard-read'], { origin: rig.site.url });
    const reader = await rig.ext.context.newPage();
    await reader.goto(`${rig.site.url}/broken-page.html`);
    const copied = await reader.evaluate(() => navigator.clipboard.readText());
    await reader.close();
    expect(copied).toMatch(/Browser: Chrom(e|ium) 156/);
    expect(copied).toContain(`User agent: ${ticket.environment.userAgent}`);

    // The screenshot downloads as the file it was sent as.
    const download = viewer.waitForEvent('download');
    await viewer.getByRole('link', { name: 'Download the screenshot' }).click();
    expect((await download).suggestedFilename()).toBe('screenshot.png');
    expect(await readFile(await (await download).path())).toEqual(screenshot);

    await expectInert(viewer, watched);
    expectNoOutsideRequest(watched);
    await viewer.close();
  });

  it('opens a whole webhook body dropped on the page, screenshot included', async () => {
    const { viewer, watched } = await openViewer();
    const body = JSON.stringify({
      ticket,
      attachments: [{ filename: 'screenshot.png', contentType: 'image/png', data: screenshot.toString('base64') }],
    });
    const dataTransfer = await viewer.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'payload.json', { type: 'application/json' }));
      return transfer;
    }, body);
    await viewer.getByRole('main').dispatchEvent('drop', { dataTransfer });
    const image = viewer.getByRole('img', { name: 'Screenshot of the reported page' });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1280);
    expect(await viewer.getByRole('region', { name: 'What went wrong' }).innerText()).toContain(ticket.page.title);
    await expectInert(viewer, watched);
    expectNoOutsideRequest(watched);
    await viewer.close();
  });

  it('shows a draft of this browser, before it is described', async () => {
    const page = await rig.ext.context.newPage();
    await page.goto(`${rig.site.url}/broken-page.html`);
    const compose = await startReport(rig.ext, page);
    const draftId = new URL(compose.url()).searchParams.get('draft');
    const { viewer } = await openViewer(`?draft=${draftId}`);
    const summary = viewer.getByRole('region', { name: 'What went wrong' });
    await summary.waitFor();
    expect(await summary.innerText()).toContain('(not described yet)');
    expect(await summary.innerText()).toContain(`${rig.site.url}/broken-page.html`);
    expect(await viewer.getByRole('img', { name: 'Screenshot of the reported page' }).isVisible()).toBe(true);
    await Promise.all([viewer.close(), compose.close(), page.close()]);

    const { viewer: gone } = await openViewer('?draft=no-such-draft');
    await gone.getByRole('alert').filter({ hasText: 'This report is no longer in this browser.' }).waitFor();
    await gone.close();
  });

  it('says what is wrong with a file that is not a report', async () => {
    const { viewer } = await openViewer();
    const { version: _, ...unversioned } = ticket;
    await viewer.getByLabel('Open a report').setInputFiles({
      name: 'report.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(unversioned)),
    });
    await viewer
      .getByRole('alert')
      .filter({ hasText: 'report.json is not a Mayday report (ticket v1): version: Invalid input: expected 1' })
      .waitFor();
    await viewer
      .getByLabel('Open a report')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await viewer.getByRole('alert').filter({ hasText: 'None of these files is a report.json.' }).waitFor();
    await viewer.close();
  });
});
