/**
 * Review before send: the person sees the report as it will leave, switches parts off and removes
 * lines, and exactly that arrives; what the organisation turns off is never collected at all.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { describeAndSend, editOptions, startReport } from '../support/flows';
import { useRig } from '../support/rig';

const TOKEN = 'review-e2e-token';
const TYPE_ERROR = "TypeError: Cannot read properties of undefined (reading 'total')";
const rig = useRig({ token: TOKEN, endpoint: false });

async function reportBrokenPage(): Promise<Page> {
  // The background registers the recorder once it has read the settings; a page loaded before records nothing.
  await expect
    .poll(
      () =>
        rig.ext.worker.evaluate(
          async () => (await (globalThis as any).chrome.scripting.getRegisteredContentScripts()).length,
        ),
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0);
  const page = await rig.ext.context.newPage();
  await page.goto(`${rig.site.url}/broken-page.html`);
  await page.waitForFunction(() => (window as { __pageResult?: string }).__pageResult === 'ok');
  await page.waitForTimeout(50); // the fixture throws from a setTimeout(0)
  return startReport(rig.ext, page);
}

async function storedTicket() {
  const [stored] = await rig.receiver.store.list();
  return {
    ticket: stored.ticket,
    files: await readdir(stored.attachmentsFolder),
    html: await readFile(join(stored.attachmentsFolder, 'report.html'), 'utf8'),
  };
}

describe('review before send', () => {
  it('shows the report as it will leave, and sends exactly what the person leaves in', async () => {
    await rig.configure(rig.ext);
    const compose = await reportBrokenPage();
    const panel = compose.getByRole('region', { name: 'What will be sent' });
    const consoleGroup = (count: number) => panel.getByRole('group', { name: `Console messages (${count})` });

    await consoleGroup(2).getByText('Show the list (2)').click();
    await consoleGroup(2).getByText('Failed to load invoices {status: 500, endpoint: "/api/invoices"}').waitFor();
    await panel.getByRole('button', { name: 'Remove console message 1' }).click();
    await consoleGroup(1).waitFor();
    await panel.getByRole('button', { name: 'Remove console message 1' }).click();
    await consoleGroup(0).waitFor();
    await panel.getByRole('button', { name: 'Put back the removed console messages' }).click();
    await consoleGroup(2).waitFor();
    await panel.getByRole('button', { name: 'Remove console message 1' }).click();
    await consoleGroup(1).getByText(TYPE_ERROR).waitFor();
    await panel.getByLabel('Include the screenshot').uncheck();
    await panel.getByRole('group', { name: 'Screenshot' }).getByText('Left out: this part will not be sent.').waitFor();

    expect(await describeAndSend(compose, 'The invoice list stays empty')).toMatch(/^Report sent\. Reference: 1/);
    const { ticket, files, html } = await storedTicket();
    expect(ticket.console.map((e) => e.message)).toEqual([TYPE_ERROR]);
    expect(ticket.screenshot).toBeNull();
    expect(ticket.capture.leftOut).toEqual({ sections: ['screenshot'], entries: 1 });
    expect(files.sort()).toEqual(['report.html', 'report.json']);
    expect(html).not.toContain('data:image/');
    expect(html).not.toContain('Failed to load invoices');

    // Once it is on its way, the panel shows what was sent and nothing can change.
    await panel.getByText('This report is already on its way').waitFor();
    expect(await panel.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    expect(await panel.getByLabel('Include console messages').isDisabled()).toBe(true);
  });

  it('collects nothing the organisation turned off: not in the draft, not in the report', async () => {
    await editOptions(rig.ext, async (options) => {
      await options.getByLabel('Endpoint URL').fill(`${rig.receiver.url}/tickets`);
      await options.getByLabel('Access token').fill(TOKEN);
      await options.getByLabel('Screenshot of the page').uncheck();
      await options.getByLabel('Errors', { exact: true }).uncheck();
      await options.getByLabel('Warnings', { exact: true }).uncheck();
      await options.getByLabel('Failed network requests').uncheck();
      await options.getByLabel('Steps: clicks and navigation, never what is typed').uncheck();
      await options.getByLabel('Environment: browser, system, screen, language').uncheck();
    });
    const compose = await reportBrokenPage();
    const panel = compose.getByRole('region', { name: 'What will be sent' });
    await panel.getByText('Not collected: your organisation has turned this off.').first().waitFor();
    expect(await panel.getByText('Not collected: your organisation has turned this off.').count()).toBe(5);
    expect(await panel.getByRole('checkbox').count()).toBe(0);

    const storage: Record<string, unknown> = await rig.ext.worker.evaluate(() =>
      (globalThis as any).chrome.storage.local.get(null),
    );
    const drafts = Object.entries(storage).filter(([key]) => key.startsWith('draft:'));
    expect(drafts).toHaveLength(1);
    const draft = JSON.stringify(drafts[0][1]);
    expect(draft).not.toContain('Failed to load invoices');
    expect(draft).not.toContain('TypeError');
    expect(draft).not.toContain('Chrome/');
    expect(draft).not.toContain('data:image/');

    expect(await describeAndSend(compose, 'The invoice list stays empty')).toMatch(/^Report sent\. Reference: 1/);
    const { ticket, files } = await storedTicket();
    expect(ticket.console).toEqual([]);
    expect(ticket.screenshot).toBeNull();
    expect(ticket.environment).toMatchObject({ userAgent: '', language: '', viewport: { width: 0, height: 0 } });
    expect(ticket.capture.leftOut).toEqual({
      sections: ['screenshot', 'console', 'network', 'steps', 'environment'],
      entries: 0,
    });
    expect(files).not.toContain('screenshot.png');
  });

  it('leaves the same out of a report saved as a file', async () => {
    const compose = await reportBrokenPage();
    const panel = compose.getByRole('region', { name: 'What will be sent' });
    await panel.getByRole('group', { name: 'Console messages (2)' }).getByText('Show the list (2)').click();
    await panel.getByRole('button', { name: 'Remove console message 2' }).click();
    await panel.getByRole('group', { name: 'Console messages (1)' }).waitFor();
    await panel.getByLabel('Include the screenshot').uncheck();
    await panel.getByRole('group', { name: 'Screenshot' }).getByText('Left out: this part will not be sent.').waitFor();

    await compose.getByLabel('What went wrong?').fill('Saved for email');
    const download = compose.waitForEvent('download');
    await compose.getByRole('button', { name: 'Save report' }).click();
    const zip = unzipSync(new Uint8Array(await readFile(await (await download).path())));
    expect(Object.keys(zip).sort()).toEqual(['report.html', 'report.json']);
    const ticket = JSON.parse(strFromU8(zip['report.json']));
    expect(ticket.console.map((e: { message: string }) => e.message)).toEqual([
      'Failed to load invoices {status: 500, endpoint: "/api/invoices"}',
    ]);
    expect(ticket.capture.leftOut).toEqual({ sections: ['screenshot'], entries: 1 });
  });
});
