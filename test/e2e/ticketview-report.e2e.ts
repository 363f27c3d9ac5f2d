/**
 * report.html, report.json and the screenshot as every connector sends them: a real report opened
 * from disk in Chromium, the receiver serving it, planted payloads staying inert, and 20 real
 * tickets checked against the published JSON Schema.
 */
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../utils/core/ticket/report-html';
import { REPORT_CSP } from '../../utils/core/ticket/report-style';
import { messageLookup } from '../../utils/core/ticket/translate';
import en from '../../public/_locales/en/messages.json';
import { useRig } from '../support/rig';
import { expectInert, sendReport, watch, withPlantedSteps } from '../support/ticketview';

const TOKEN = 'e2e-ticketview';
const ARTIFACTS = resolve(import.meta.dirname, '../../test-results/ticketview');
const rig = useRig({ fresh: 'file', token: TOKEN });

beforeAll(() => mkdir(ARTIFACTS, { recursive: true }));

/** Opens a file from disk in a fresh tab, watched from before the first byte loads. */
async function openFromDisk(path: string) {
  const page = await rig.ext.context.newPage();
  const watched = watch(page);
  const url = pathToFileURL(path).href;
  await page.goto(url);
  return { page, watched, url };
}

describe('report.html', () => {
  it('opens from disk with the screenshot and every section, and makes no request at all', async () => {
    const { ticket, attachmentsFolder: folder } = await sendReport(
      rig.ext,
      rig.receiver,
      `${rig.site.url}/broken-page.html`,
      'The invoice list stays empty',
    );
    expect((await readdir(folder)).sort()).toEqual(['report.html', 'report.json', 'screenshot.png']);
    expect(JSON.parse(await readFile(join(folder, 'report.json'), 'utf8'))).toEqual(ticket);

    const htmlBytes = (await stat(join(folder, 'report.html'))).size;
    const pngBytes = (await stat(join(folder, 'screenshot.png'))).size;
    const base64Bytes = Math.ceil(pngBytes / 3) * 4;
    console.log(
      `report.html ${(htmlBytes / 1024).toFixed(1)} KB = screenshot ${(pngBytes / 1024).toFixed(1)} KB` +
        ` as base64 ${(base64Bytes / 1024).toFixed(1)} KB + ${((htmlBytes - base64Bytes) / 1024).toFixed(1)} KB of report`,
    );
    expect(htmlBytes - base64Bytes).toBeLessThanOrEqual(80 * 1024);

    const { page, watched, url } = await openFromDisk(join(folder, 'report.html'));
    const image = page.getByRole('img', { name: 'Screenshot of the reported page' });
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => [img.complete, img.naturalWidth, img.naturalHeight]))
      .toEqual([true, 1280, 720]);
    for (const name of [
      'What went wrong',
      'Screenshot',
      'Console',
      /^Failed requests \(\d+\)$/,
      'Timeline: steps, failed requests and errors',
      'Environment',
    ]) {
      expect(await page.getByRole('heading', { name, exact: true }).isVisible(), String(name)).toBe(true);
    }
    const summary = await page.getByRole('region', { name: 'What went wrong' }).innerText();
    expect(summary).toContain('The invoice list stays empty');
    expect(summary).toContain(`${rig.site.url}/broken-page.html`);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);

    // The level filter works without script: unticking Errors hides the errors.
    const consoleRegion = page.getByRole('region', { name: 'Console' });
    const error = consoleRegion.getByText("TypeError: Cannot read properties of undefined (reading 'total')", {
      exact: true,
    });
    expect(await error.isVisible()).toBe(true);
    await consoleRegion.getByRole('checkbox', { name: 'Errors (2)' }).uncheck();
    expect(await error.isVisible()).toBe(false);

    expect(watched.requests).toEqual([url]);
    await page.setViewportSize({ width: 1100, height: 900 });
    await consoleRegion.getByRole('checkbox', { name: 'Errors (2)' }).check();
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    await writeFile(join(ARTIFACTS, 'report.html'), await readFile(join(folder, 'report.html')));
    await page.close();
  });

  it('runs none of the payloads a page plants, from disk or served by the receiver', async () => {
    const probe = await rig.ext.context.newPage();
    await probe.goto(`${rig.site.url}/xss-payloads.html`);
    const payloads = await probe.evaluate(() => (window as unknown as { PAYLOADS: string[] }).PAYLOADS);
    await probe.close();
    const description = `Saving fails.\n${payloads.join('\n')}`;
    const {
      ticket,
      attachmentsFolder: folder,
      receipt,
    } = await sendReport(rig.ext, rig.receiver, `${rig.site.url}/xss-payloads.html`, description);
    expect(ticket.description).toBe(description);
    expect(ticket.page.title).toContain(payloads[0]);
    expect(ticket.console.map((e) => e.message)).toEqual(expect.arrayContaining(payloads));

    // Steps and requests are rendered from the same ticket with payloads planted in them too.
    const planted = join(folder, 'planted.html');
    await writeFile(
      planted,
      renderReportHtml(withPlantedSteps(ticket, payloads), { t: messageLookup(en), screenshot: undefined }),
    );
    for (const file of [join(folder, 'report.html'), planted]) {
      const { page, watched, url } = await openFromDisk(file);
      await expectInert(page, watched);
      expect(watched.requests).toEqual([url]);
      const text = await page.getByRole('main').innerText();
      for (const payload of payloads) expect(text).toContain(payload);
      expect(await page.locator('main img, main script, main iframe, main svg').count()).toBe(file === planted ? 0 : 1);
      await page.close();
    }

    const served = `${rig.receiver.url}/tickets/${receipt.id}/attachments/report.html`;
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const response = await fetch(served, { headers: auth });
    expect(response.headers.get('content-security-policy')).toBe(`${REPORT_CSP}; sandbox`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await rig.ext.context.newPage();
    const watched = watch(page);
    await page.setExtraHTTPHeaders(auth);
    await page.goto(served);
    expect(await page.getByRole('heading', { name: 'What went wrong' }).isVisible()).toBe(true);
    await expectInert(page, watched);
    expect(watched.requests).toEqual([served]);
    await page.close();
  });
});

describe('the published JSON Schema', () => {
  it('validates 20 real tickets from varied pages', { timeout: 180_000 }, async () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(
      JSON.parse(await readFile(resolve(import.meta.dirname, '../../docs/ticket.schema.json'), 'utf8')),
    );
    const pages = [
      'broken-page.html',
      'xss-payloads.html',
      'xss-flood.html',
      'broken-page.html?month=03#list',
      'xss-flood.html?again',
    ];
    const descriptions = [
      'Nothing loads',
      'La facture ne s’affiche pas : écran blanc 😕\nDeuxième ligne',
      '請求書が表示されません',
      'x'.repeat(4999),
    ];
    const seen = new Set<string>();
    const overheads: number[] = [];
    for (let i = 0; i < 20; i++) {
      const path = pages[i % pages.length];
      const url = `${rig.site.url}/${path}`;
      const { ticket, folder, attachmentsFolder } = await sendReport(
        rig.ext,
        rig.receiver,
        url,
        descriptions[i % descriptions.length],
      );
      const stored = JSON.parse(await readFile(join(folder, 'ticket.json'), 'utf8'));
      expect(validate(stored), `${url}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(stored.id).toBe(ticket.id);
      const shotBytes = ticket.screenshot ? Math.ceil(ticket.screenshot.size / 3) * 4 : 0;
      overheads.push((await stat(join(attachmentsFolder, 'report.html'))).size - shotBytes);
      seen.add(ticket.capture.dropped.console > 0 ? 'entries dropped' : 'all entries kept');
      for (const entry of ticket.console) seen.add(`${entry.kind}/${entry.level}`);
    }
    console.log(
      `report.html beyond the base64 screenshot, 20 tickets: ${(Math.min(...overheads) / 1024).toFixed(1)}–${(Math.max(...overheads) / 1024).toFixed(1)} KB`,
    );
    expect(Math.max(...overheads)).toBeLessThanOrEqual(80 * 1024);
    // The variety the schema was checked on, not only the happy path.
    expect([...seen]).toEqual(
      expect.arrayContaining([
        'all entries kept',
        'entries dropped',
        'console/error',
        'console/warn',
        'error/error',
        'rejection/error',
      ]),
    );
  });
});
