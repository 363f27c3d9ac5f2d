/**
 * The walking skeleton, end to end: a broken page, the popup, the report page, the receiver.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startReceiver } from '../../receiver/server';
import { describeAndSend, startReport } from '../support/flows';
import { decodeImage } from '../support/images';
import { useRig } from '../support/rig';

const TOKEN = 'e2e-secret-token';
const rig = useRig({ token: TOKEN });

describe('a report from a broken page', () => {
  it('reaches the receiver with the description, the page, both errors and a screenshot of the page', async () => {
    const page = await rig.ext.context.newPage();
    await page.goto(`${rig.site.url}/broken-page.html`);
    await page.waitForFunction(() => (window as { __pageResult?: string }).__pageResult === 'ok');
    await page.waitForTimeout(50); // the fixture throws from a setTimeout(0)

    const compose = await startReport(rig.ext, page);
    await expect(compose.getByRole('img', { name: 'Screenshot of the reported page' }).isVisible()).resolves.toBe(true);
    const status = await describeAndSend(compose, 'The invoice list stays empty');
    expect(status).toMatch(/Report sent\. Reference: 1/);
    await compose.getByRole('link', { name: 'Open ticket 1' }).waitFor();

    const tickets = await rig.receiver.store.list();
    expect(tickets).toHaveLength(1);
    const [{ ticket, folder, attachmentsFolder }] = tickets;
    expect(ticket.description).toBe('The invoice list stays empty');
    expect(ticket.page.url).toBe(`${rig.site.url}/broken-page.html`);
    expect(ticket.page.title).toBe('Invoices — Fixture');
    const messages = ticket.console.map((e) => `${e.kind}/${e.level}: ${e.message}`);
    expect(messages).toContain('console/error: Failed to load invoices {status: 500, endpoint: "/api/invoices"}');
    expect(messages).toContain("error/error: TypeError: Cannot read properties of undefined (reading 'total')");
    expect(ticket.capture.recorderMissing).toBe(false);

    expect(ticket.screenshot).toMatchObject({
      attachment: 'screenshot.png',
      type: 'image/png',
      width: 1280,
      height: 720,
    });
    expect(await readdir(folder)).toEqual(expect.arrayContaining(['ticket.json', 'attachments']));
    expect(await readdir(attachmentsFolder)).toEqual(expect.arrayContaining(['screenshot.png']));
    const image = await decodeImage(
      rig.ext.context,
      await readFile(join(attachmentsFolder, 'screenshot.png')),
      'image/png',
    );
    expect([image.width, image.height]).toEqual([1280, 720]);
    // The fixture's magenta block (40,120 200x120) is in the shot, the white page around it too.
    expect(image.pixel(140, 180)).toEqual([255, 0, 255]);
    expect(image.pixel(600, 400)).toEqual([255, 255, 255]);
  });

  it('says clearly that the report is not sent yet when the receiver is down, keeps it, and delivers it once it is back', async () => {
    const port = Number(new URL(rig.receiver.url).port);
    await rig.receiver.close();
    const page = await rig.ext.context.newPage();
    await page.goto(`${rig.site.url}/broken-page.html`);
    const compose = await startReport(rig.ext, page);
    const status = await describeAndSend(compose, 'Nothing works today');
    expect(status).toMatch(/^Not sent yet: The endpoint could not be reached/);
    expect(status).toContain('Mayday keeps your report and sends it automatically');

    // Closing and reopening the report page brings the same report back, description included.
    const url = compose.url();
    await compose.close();
    const reopened = await rig.ext.context.newPage();
    await reopened.goto(url);
    await expect.poll(() => reopened.getByLabel('What went wrong?').inputValue()).toBe('Nothing works today');
    await expect(reopened.getByRole('img', { name: 'Screenshot of the reported page' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(reopened.getByRole('status').textContent()).resolves.toMatch(/^Not sent yet/);

    // Once the endpoint is back, the outbox delivers it by itself, exactly once.
    rig.receiver = await startReceiver({ dataDir: rig.dataDir, token: TOKEN }, port);
    await reopened.getByRole('status').filter({ hasText: 'Report sent. Reference: 1' }).waitFor({ timeout: 20_000 });
    expect(await rig.receiver.store.list()).toHaveLength(1);
  });
});
