/**
 * Against a real Redmine 5 (started by `npm run test:helpdesks`): reports filed through the built
 * extension, read back through Redmine's own REST API.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ticketBody } from '../../utils/delivery/connectors/body';
import { testRedmine } from '../../utils/delivery/connectors/redmine';
import { helpdeskEnv } from '../helpdesks/env';
import { lossyProxy, type LossyProxy } from '../helpdesks/lossy-proxy';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension';
import { describeAndSend, startReport } from '../support/flows';
import { configureHelpdesk, outboxReports, stopServiceWorker } from '../support/helpdesk-flows';
import { serveFolder, type StaticServer } from '../support/static-server';

const REDMINE = helpdeskEnv('MAYDAY_REDMINE_URL');
const KEY = helpdeskEnv('MAYDAY_REDMINE_KEY');
const PROJECT = 'ci';
let site: StaticServer;
let ext: ExtensionBrowser | undefined;
let proxy: LossyProxy | undefined;

async function redmine(path: string): Promise<Response> {
  const reply = await fetch(`${REDMINE}${path}`, { headers: { 'X-Redmine-API-Key': KEY } });
  if (!reply.ok) throw new Error(`Redmine ${path}: HTTP ${reply.status} ${await reply.text()}`);
  return reply;
}

interface Issue {
  subject: string;
  description: string;
  tracker: { id: number };
  attachments: { filename: string; filesize: number; content_type: string; content_url: string }[];
}

async function brokenPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${site.url}/broken-page.html`);
  await page.waitForFunction(() => (window as { __pageResult?: string }).__pageResult === 'ok');
  return page;
}

beforeAll(async () => {
  site = await serveFolder(resolve(import.meta.dirname, '../fixtures'));
});
afterAll(() => site.close());
afterEach(async () => {
  await ext?.close();
  ext = undefined;
  await proxy?.close();
  proxy = undefined;
});

describe('Redmine 5, real server', () => {
  it('files the report as an issue: subject, description and every file byte for byte', async () => {
    ext = await launchWithExtension();
    await configureHelpdesk(ext, { type: 'redmine', url: REDMINE, apiKey: KEY, projectId: PROJECT, trackerId: '3' });
    const compose = await startReport(ext, await brokenPage(ext));
    const status = await describeAndSend(compose, "L'export PDF reste bloqué à 99 %\nMême après avoir rechargé la page.");
    const id = /Report sent\. Reference: (\d+)/.exec(status)?.[1];
    expect(id, status).toBeDefined();

    const [sent] = await outboxReports(ext);
    const { issue } = (await (await redmine(`/issues/${id}.json?include=attachments`)).json()) as { issue: Issue };
    expect(issue.subject).toBe("L'export PDF reste bloqué à 99 %");
    expect(issue.tracker.id).toBe(3);
    expect(issue.description.replace(/\r\n/g, '\n')).toBe(ticketBody(sent.ticket).text);
    expect(issue.description).toContain('Failed to load invoices');
    expect(issue.attachments.map((a) => a.filename).sort()).toEqual(sent.attachments.map((f) => f.filename).sort());
    expect(sent.attachments.map((f) => f.filename)).toEqual(expect.arrayContaining(['screenshot.png', 'report.json']));
    for (const file of sent.attachments) {
      const bytes = Buffer.from(file.data, 'base64');
      const stored = issue.attachments.find((a) => a.filename === file.filename)!;
      expect(stored.filesize, file.filename).toBe(bytes.length);
      expect(stored.content_type, file.filename).toBe(file.contentType);
      const downloaded = Buffer.from(await (await redmine(new URL(stored.content_url).pathname)).arrayBuffer());
      expect(downloaded.equals(bytes), file.filename).toBe(true);
    }
    expect(await compose.getByRole('link', { name: `Open ticket ${id}` }).getAttribute('href')).toBe(`${REDMINE}/issues/${id}`);
  });

  it('files the issue once when the reply to its creation is lost and the worker restarts', async () => {
    proxy = await lossyProxy(REDMINE, (method, path) => method === 'POST' && path === '/issues.json');
    ext = await launchWithExtension();
    await configureHelpdesk(ext, { type: 'redmine', url: proxy.url, apiKey: KEY, projectId: PROJECT, trackerId: '' });
    const compose = await startReport(ext, await brokenPage(ext));
    await compose.getByLabel('What went wrong?').fill('Lost reply to Redmine');
    await compose.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => proxy!.lost, { timeout: 20_000 }).toBe(1);

    await stopServiceWorker(ext);
    const status = compose.getByRole('status').filter({ hasText: /Report sent\. Reference: \d+/ });
    await status.waitFor({ timeout: 30_000 });
    const [sent] = await outboxReports(ext);
    const found = (await (await redmine(`/issues.json?project_id=${PROJECT}&status_id=*&description=~${sent.ticket.id}`)).json()) as { issues: { id: number }[] };
    expect(found.issues).toHaveLength(1);
    expect(await status.textContent()).toContain(`Reference: ${found.issues[0].id}`);
  });

  it('tests the connection: ok, wrong project, tracker not in the project, wrong key', async () => {
    const ctx = { fetch: globalThis.fetch, timeoutMs: 10_000 };
    const config = { type: 'redmine' as const, url: REDMINE, apiKey: KEY, projectId: PROJECT, trackerId: '' };
    expect(await testRedmine(config, ctx)).toEqual({ ok: true });
    expect(await testRedmine({ ...config, projectId: 'nope' }, ctx)).toMatchObject({ ok: false, problem: 'wrong-project' });
    expect(await testRedmine({ ...config, trackerId: '99' }, ctx)).toEqual({ ok: false, problem: 'wrong-project', detail: 'tracker 99 is not enabled in project "ci"' });
    expect(await testRedmine({ ...config, apiKey: '0'.repeat(40) }, ctx)).toEqual({ ok: false, problem: 'bad-token', detail: 'HTTP 401' });
  });
});
