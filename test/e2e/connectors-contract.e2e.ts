/**
 * Contract E2E: the built extension sending to local fakes of GLPI and Zammad (test/helpdesks/),
 * which answer their documented requests and errors. GLPI and Zammad cannot be installed here.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGlpi, type FakeGlpi } from '../helpdesks/fake-glpi';
import { startFakeZammad, type FakeZammad } from '../helpdesks/fake-zammad';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension';
import { describeAndSend, startReport } from '../support/flows';
import { configureHelpdesk, outboxReports } from '../support/helpdesk-flows';
import { serveFolder, type StaticServer } from '../support/static-server';

let site: StaticServer;
let ext: ExtensionBrowser | undefined;
let fake: FakeGlpi | FakeZammad | undefined;

async function brokenPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${site.url}/broken-page.html`);
  return page;
}

beforeAll(async () => {
  site = await serveFolder(resolve(import.meta.dirname, '../fixtures'));
});
afterAll(() => site.close());
afterEach(async () => {
  await ext?.close();
  ext = undefined;
  await fake?.close();
  fake = undefined;
});

describe('GLPI (contract fake)', () => {
  it('retries a failed upload from the outbox and completes the same ticket, every file intact', async () => {
    const glpi = (fake = await startFakeGlpi({ userToken: 'glpi-user-token' }));
    glpi.faultOnce((s) => s.path.startsWith('/apirest.php/Document/') && s.body.includes('report.json'), { status: 503, body: ['ERROR', 'Service Unavailable'] });
    ext = await launchWithExtension();
    await configureHelpdesk(ext, { type: 'glpi', url: glpi.url, userToken: 'glpi-user-token', appToken: '' });
    const compose = await startReport(ext, await brokenPage(ext));
    expect(await describeAndSend(compose, 'Impossible de valider le bon de commande')).toMatch(/^Not sent yet: The endpoint had a problem \(HTTP 503\)/);

    // The outbox tries again on its own (first retry after about 5 s).
    const status = compose.getByRole('status').filter({ hasText: /Report sent\. Reference: \d+/ });
    await status.waitFor({ timeout: 30_000 });
    expect(glpi.tickets.size).toBe(1);
    const [[id, ticket]] = [...glpi.tickets];
    expect(await status.textContent()).toContain(`Reference: ${id}`);
    expect(ticket.name).toBe('Impossible de valider le bon de commande');
    const [sent] = await outboxReports(ext);
    expect(glpi.filesOf(id)).toEqual(new Map(sent.attachments.map((f) => [f.filename, Buffer.from(f.data, 'base64')])));
    expect(await compose.getByRole('link', { name: `Open ticket ${id}` }).getAttribute('href')).toBe(`${glpi.url}/front/ticket.form.php?id=${id}`);
  });
});

describe('Zammad (contract fake)', () => {
  it('files the report as one ticket with its files and links to it', async () => {
    const zammad = (fake = await startFakeZammad({ token: 'zammad-token', groups: ['Support'] }));
    ext = await launchWithExtension();
    await configureHelpdesk(ext, { type: 'zammad', url: zammad.url, token: 'zammad-token', group: 'Support', customer: 'marie@example.org' });
    const compose = await startReport(ext, await brokenPage(ext));
    expect(await describeAndSend(compose, "La liste des congés ne s'affiche pas")).toMatch(/Report sent\. Reference: 31001/);

    const [ticket] = [...zammad.tickets.values()];
    expect(ticket).toMatchObject({ title: "La liste des congés ne s'affiche pas", group: 'Support', customer: 'marie@example.org' });
    const [sent] = await outboxReports(ext);
    expect(ticket.article.attachments.map((a) => [a.filename, Buffer.from(a.data, 'base64')])).toEqual(sent.attachments.map((f) => [f.filename, Buffer.from(f.data, 'base64')]));
    expect(await compose.getByRole('link', { name: 'Open ticket 31001' }).getAttribute('href')).toBe(`${zammad.url}/#ticket/zoom/1`);
  });
});
