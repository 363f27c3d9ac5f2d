/**
 * Against a real Redmine 5 (started by `npm run test:helpdesks`): reports filed through the built
 * extension, read back through Redmine's own REST API.
 */
import { describe, expect, it } from 'vitest';
import { inertForRedmine, redmineBody } from '../../utils/core/delivery/connectors/body';
import { testRedmine } from '../../utils/core/delivery/connectors/redmine';
import { helpdeskEnv } from '../helpdesks/env';
import { lossyProxy } from '../helpdesks/lossy-proxy';
import { describeAndSend, openPopup, startReport } from '../support/flows';
import {
  brokenPage,
  HELPDESK_RIG,
  launchWithHelpdesk,
  outboxReports,
  sendThroughLostReply,
} from '../support/helpdesk-flows';
import { useRig } from '../support/rig';

const REDMINE = helpdeskEnv('MAYDAY_REDMINE_URL');
const KEY = helpdeskEnv('MAYDAY_REDMINE_KEY');
const PROJECT = 'ci';
const rig = useRig(HELPDESK_RIG);

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

describe('Redmine 5, real server', () => {
  it('files the report as an issue: subject, description and every file byte for byte', async () => {
    const ext = await launchWithHelpdesk(rig, {
      type: 'redmine',
      url: REDMINE,
      apiKey: KEY,
      projectId: PROJECT,
      trackerId: '3',
    });
    const compose = await startReport(ext, await brokenPage(rig, ext));
    const status = await describeAndSend(
      compose,
      "L'export PDF reste bloqué à 99 %\nMême après avoir rechargé la page.",
    );
    const id = /Report sent\. Reference: (\d+)/.exec(status)?.[1];
    expect(id, status).toBeDefined();

    const [sent] = await outboxReports(ext);
    const { issue } = (await (await redmine(`/issues/${id}.json?include=attachments`)).json()) as { issue: Issue };
    expect(issue.subject).toBe("L'export PDF reste bloqué à 99 %");
    expect(issue.tracker.id).toBe(3);
    expect(issue.description.replace(/\r\n/g, '\n')).toBe(redmineBody(sent.ticket));
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
    expect(await compose.getByRole('link', { name: `Open ticket ${id}` }).getAttribute('href')).toBe(
      `${REDMINE}/issues/${id}`,
    );
  });

  it('shows markup from the page as text: no link and no image from the page in the rendered issue', async () => {
    // A public project, so that Redmine renders the issue page without a session (the API key
    // opens only the API).
    const open = 'ci-public';
    const found = await fetch(`${REDMINE}/projects/${open}.json`, { headers: { 'X-Redmine-API-Key': KEY } });
    if (found.status === 404) {
      const made = await fetch(`${REDMINE}/projects.json`, {
        method: 'POST',
        headers: { 'X-Redmine-API-Key': KEY, 'Content-Type': 'application/json' },
        body: JSON.stringify({ project: { name: 'CI public', identifier: open, is_public: true } }),
      });
      expect(made.status, await made.clone().text()).toBe(201);
    }
    const ext = await launchWithHelpdesk(rig, {
      type: 'redmine',
      url: REDMINE,
      apiKey: KEY,
      projectId: open,
      trackerId: '',
    });
    const page = await ext.context.newPage();
    await page.goto(`${rig.site.url}/hostile-markup.html`);
    await page.waitForFunction(() => (window as { __pageResult?: string }).__pageResult === 'ok');
    const status = await describeAndSend(await startReport(ext, page), 'Markup from the page');
    const id = /Report sent\. Reference: (\d+)/.exec(status)?.[1];
    expect(id, status).toBeDefined();
    const rendered = await (await fetch(`${REDMINE}/issues/${id}`)).text();
    const description = rendered.slice(rendered.indexOf('class="description"'));
    expect(description).toContain('evil.example/textile');
    expect(description).toContain('Reset your password');
    expect(description).not.toMatch(/<a [^>]*href="[^"]*evil\.example/);
    expect(description).not.toMatch(/<img [^>]*src="[^"]*evil\.example/);
  });

  it('files the issue once when the reply to its creation is lost and the worker restarts', async () => {
    const proxy = rig.closeAfter(
      await lossyProxy(REDMINE, (method, path) => method === 'POST' && path === '/issues.json'),
    );
    const ext = await launchWithHelpdesk(rig, {
      type: 'redmine',
      url: proxy.url,
      apiKey: KEY,
      projectId: PROJECT,
      trackerId: '',
    });
    const compose = await startReport(ext, await brokenPage(rig, ext));
    const status = await sendThroughLostReply(ext, compose, 'Lost reply to Redmine', proxy);
    const [sent] = await outboxReports(ext);
    const found = (await (
      await redmine(`/issues.json?project_id=${PROJECT}&status_id=*&description=~${sent.ticket.id}`)
    ).json()) as { issues: { id: number }[] };
    expect(found.issues).toHaveLength(1);
    expect(status).toContain(`Reference: ${found.issues[0].id}`);
  });

  it('tests the connection: ok, wrong project, tracker not in the project, wrong key', async () => {
    const ctx = { fetch: globalThis.fetch, timeoutMs: 10_000 };
    const config = { type: 'redmine' as const, url: REDMINE, apiKey: KEY, projectId: PROJECT, trackerId: '' };
    expect(await testRedmine(config, ctx)).toEqual({ ok: true });
    expect(await testRedmine({ ...config, projectId: 'nope' }, ctx)).toMatchObject({
      ok: false,
      problem: 'wrong-project',
    });
    expect(await testRedmine({ ...config, trackerId: '99' }, ctx)).toEqual({
      ok: false,
      problem: 'wrong-project',
      detail: 'tracker 99 is not enabled in project "ci"',
    });
    expect(await testRedmine({ ...config, apiKey: '0'.repeat(40) }, ctx)).toEqual({
      ok: false,
      problem: 'bad-token',
      detail: 'HTTP 401',
    });
  });

  it('says who reported it, shows a public note in the popup (never a private one), and adds a note once', async () => {
    const ext = await launchWithHelpdesk(rig, {
      type: 'redmine',
      url: REDMINE,
      apiKey: KEY,
      projectId: PROJECT,
      trackerId: '3',
    });
    const compose = await startReport(ext, await brokenPage(rig, ext));
    await compose.getByLabel('Your email').fill('ana.requester@example.org');
    await compose.getByLabel('Your name').fill('Ana Lima');
    const status = await describeAndSend(compose, 'The requester test');
    const id = /Report sent\. Reference: (\d+)/.exec(status)?.[1];
    expect(id, status).toBeDefined();
    const issue = async () =>
      (
        (await (await redmine(`/issues/${id}.json?include=journals`)).json()) as {
          issue: { description: string; journals: { notes: string }[] };
        }
      ).issue;
    // Redmine keeps the description's line breaks as CRLF.
    const description = (await issue()).description.replace(/\r\n/g, '\n');
    expect(description.startsWith(`Reported by: ${inertForRedmine('Ana Lima <ana.requester@example.org>')}\n`)).toBe(
      true,
    );

    const note = (notes: string, privateNotes = false) =>
      fetch(`${REDMINE}/issues/${id}.json`, {
        method: 'PUT',
        headers: { 'X-Redmine-API-Key': KEY, 'Content-Type': 'application/json' },
        body: JSON.stringify({ issue: { notes, private_notes: privateNotes } }),
      }).then((r) => expect(r.status).toBe(204));
    await note('Which page exactly?');
    await note('Internal: look at the export job', true);
    const popup = await openPopup(ext);
    await popup.getByText('Which page exactly?').waitFor({ timeout: 60_000 });
    expect(await popup.content()).not.toContain('Internal: look at the export job');
    const opened = ext.context.waitForEvent('page', (p) => p.url().includes('#conversation'));
    await popup.getByRole('link', { name: 'Conversation and Add information' }).click();
    const page = await opened;
    await page.getByLabel('What you want to add').fill('The invoices page, second row.');
    await page.getByRole('button', { name: 'Add information' }).click();
    await page.getByText('Added to your ticket.').first().waitFor({ timeout: 60_000 });
    const notes = (await issue()).journals.filter((j) => j.notes?.includes('The invoices page, second row.'));
    expect(notes).toHaveLength(1);
  });
});
