/**
 * The reference receiver's pages for a technician, in a real Chromium: sign in with the token,
 * open a ticket, answer it and change its status with the forms, see what the person added, and
 * what Mayday reads back at statusUrl. Nothing a page or a person wrote runs.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { useRig } from '../support/rig';
import { samplePayload } from '../support/tickets';

const TOKEN = 'e2e-technician-token';
const AUTH = { Authorization: `Bearer ${TOKEN}` };
const HOSTILE = '<img src=x onerror="window.__ran=1"><script>window.__ran=2</script>';
// One receiver for the file, holding one ticket; each test opens its pages in a browser of its own.
const rig = useRig({ fresh: 'file', token: TOKEN, browser: false });
let links: { url: string; statusUrl: string; replyUrl: string };

beforeAll(async () => {
  const payload = samplePayload(`Saving the invoice fails ${HOSTILE}`);
  payload.ticket.reporter = { name: `Ana ${HOSTILE}`, email: 'ana@example.org' };
  const res = await fetch(rig.endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': payload.ticket.id, ...AUTH },
    body: JSON.stringify(payload),
  });
  links = await res.json();
});

/** A technician's browser that has never signed in (Mayday installed, as on any machine here). */
const freshBrowser = async (): Promise<BrowserContext> => (await rig.launch()).context;

const ran = (page: Page) => page.evaluate(() => (window as { __ran?: number }).__ran ?? 0);

describe("the receiver's pages", () => {
  it('let a technician sign in, answer, change the status and read what the person added', async () => {
    const context = await freshBrowser();
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => m.type() === 'error' && blocked.push(m.text()));

    await page.goto(`${rig.receiver.url}/`);
    await page.getByRole('heading', { name: 'Mayday tickets' }).waitFor();
    await page.getByLabel('Access token').fill('not the token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That is not the access token.' }).waitFor();
    await page.getByLabel('Access token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const row = page.getByRole('row').filter({ hasText: 'Saving the invoice fails' });
    await row.waitFor();
    expect(await row.innerText()).toContain(HOSTILE);
    expect(await seriousViolations(page), 'list').toEqual([]);
    await row.getByRole('link', { name: '#1' }).click();

    await page.getByRole('heading', { name: 'Ticket #1' }).waitFor();
    expect(await page.getByText(`Ana ${HOSTILE} · ana@example.org`).isVisible()).toBe(true);
    expect(await seriousViolations(page), 'ticket').toEqual([]);

    await page.getByLabel('Your reply').fill(`Which invoice? ${HOSTILE}`);
    await page.getByLabel('Your name').fill('Sam (IT)');
    await page.getByLabel('Status after this reply').selectOption({ label: 'Waiting for the person' });
    await page.getByRole('button', { name: 'Send reply' }).click();
    const conversation = page.getByRole('list').filter({ hasText: 'Which invoice?' });
    await conversation.waitFor();
    expect(await page.getByRole('definition').first().innerText()).toBe('Waiting for the person');

    await page.getByLabel('Your reply').fill('The proxy cache again, I think.');
    await page.getByLabel('Your name').fill('Sam (IT)');
    await page.getByLabel('Internal note (never shown to the person)').check();
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('The proxy cache again, I think.').waitFor();

    // Mayday reads the public reply only, and adds the person's answer once.
    const status = await (await fetch(links.statusUrl, { headers: AUTH })).json();
    expect(status).toEqual({
      status: 'waiting',
      closed: false,
      replies: [{ id: '1', at: expect.any(String), author: 'Sam (IT)', text: `Which invoice? ${HOSTILE}` }],
    });
    const added = { text: `Invoice 2026-114 ${HOSTILE}`, attachments: [] };
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await fetch(links.replyUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'e2e-added-1', ...AUTH },
        body: JSON.stringify(added),
      });
      expect(res.status).toBe(201);
    }
    await page.reload();
    const fromPerson = page.getByRole('listitem').filter({ hasText: 'Invoice 2026-114' });
    expect(await fromPerson.count()).toBe(1);
    expect(await fromPerson.innerText()).toContain(`Added by Ana ${HOSTILE} · ana@example.org`);
    expect(await page.getByRole('definition').first().innerText()).toBe('In progress');

    await page.getByLabel('New status').selectOption('solved');
    await page.getByRole('button', { name: 'Change status' }).click();
    await page
      .getByRole('definition')
      .filter({ hasText: /^Solved$/ })
      .waitFor();
    expect((await (await fetch(links.statusUrl, { headers: AUTH })).json()).status).toBe('solved');

    // The report as sent opens from the ticket's page, sandboxed.
    const [report] = await Promise.all([
      page.waitForEvent('framenavigated', (f) => f.url().endsWith('/attachments/report.html')),
      page.getByRole('link', { name: 'report.html' }).click(),
    ]);
    expect(report.url()).toBe(`${rig.receiver.url}/tickets/1/attachments/report.html`);
    await page.getByRole('heading', { name: 'What went wrong' }).waitFor();

    expect(await ran(page)).toBe(0);
    expect(blocked.filter((m) => /Content Security Policy/.test(m))).toEqual([]);
  });

  it('keep the pages from a browser that has not signed in, and from a form posted by another site', async () => {
    const context = await freshBrowser();
    const page = await context.newPage();
    const denied = await page.goto(`${rig.receiver.url}/tickets/1/page`);
    expect(denied!.status()).toBe(401);
    await page.getByLabel('Access token').waitFor();
    expect(await page.content()).not.toContain('Saving the invoice fails');

    // Another site's page posts a form to the receiver in the same, signed-in browser.
    await page.getByLabel('Access token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Ticket #1' }).waitFor();
    const other = await context.newPage();
    await other.setContent(
      `<form method="post" action="${rig.receiver.url}/tickets/1/status"><input name="status" value="closed"><button>Go</button></form>`,
    );
    const [answer] = await Promise.all([other.waitForNavigation(), other.getByRole('button', { name: 'Go' }).click()]);
    expect([401, 403]).toContain(answer!.status());
    expect((await (await fetch(links.statusUrl, { headers: AUTH })).json()).closed).toBe(false);
  });
});
