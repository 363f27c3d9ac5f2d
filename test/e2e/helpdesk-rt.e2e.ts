/**
 * Against a real Request Tracker 5 (started by `npm run test:helpdesks`): reports filed through the
 * built extension, read back through RT's own REST2 API.
 */
import { describe, expect, it } from 'vitest';
import { rtMarker, testRt } from '../../utils/core/delivery/connectors/rt';
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

const RT = helpdeskEnv('MAYDAY_RT_URL');
const TOKEN = helpdeskEnv('MAYDAY_RT_TOKEN');
const QUEUE = 'General';
const rig = useRig(HELPDESK_RIG);

async function rt<T>(path: string): Promise<T> {
  const reply = await fetch(`${RT}/REST/2.0${path}`, { headers: { Authorization: `token ${TOKEN}` } });
  if (!reply.ok) throw new Error(`RT ${path}: HTTP ${reply.status} ${await reply.text()}`);
  return reply.json() as Promise<T>;
}

/** The ticket's subject, its HTML body and its files (name -> bytes), as RT stored them. */
async function readTicket(id: string) {
  const ticket = await rt<{ Subject: string; Queue: { id: string } }>(`/ticket/${id}`);
  const list = await rt<{ items: { id: string }[] }>(`/ticket/${id}/attachments?per_page=100`);
  const files = new Map<string, Buffer>();
  let html = '';
  for (const { id: attachmentId } of list.items) {
    const part = await rt<{ Filename: string; ContentType: string; Content: string }>(`/attachment/${attachmentId}`);
    const bytes = Buffer.from(part.Content ?? '', 'base64');
    if (part.Filename) files.set(part.Filename, bytes);
    else if (part.ContentType === 'text/html' && !html) html = bytes.toString('utf8');
  }
  return { subject: ticket.Subject, html, files };
}

describe('Request Tracker 5, real server', () => {
  it('files the report as a ticket: subject, body and every file byte for byte', async () => {
    const ext = await launchWithHelpdesk(rig, { type: 'rt', url: RT, token: TOKEN, queue: QUEUE });
    const compose = await startReport(ext, await brokenPage(rig, ext));
    const status = await describeAndSend(
      compose,
      'Le bouton « Valider » ne répond plus\nDepuis ce matin, sur la page des factures.',
    );
    const id = /Report sent\. Reference: (\d+)/.exec(status)?.[1];
    expect(id, status).toBeDefined();

    const [sent] = await outboxReports(ext);
    const stored = await readTicket(id!);
    expect(stored.subject).toBe(`Le bouton « Valider » ne répond plus ${rtMarker(sent.ticket.id)}`);
    expect(stored.html).toContain('Depuis ce matin, sur la page des factures.');
    expect(stored.html).toContain(`Mayday report ${sent.ticket.id}`);
    expect(stored.html).toContain('Failed to load invoices');
    expect([...stored.files.keys()].sort()).toEqual(sent.attachments.map((f) => f.filename).sort());
    expect(sent.attachments.map((f) => f.filename)).toEqual(expect.arrayContaining(['screenshot.png', 'report.json']));
    for (const file of sent.attachments) {
      const bytes = Buffer.from(file.data, 'base64');
      expect(stored.files.get(file.filename)?.length, file.filename).toBe(bytes.length);
      expect(stored.files.get(file.filename)?.equals(bytes), file.filename).toBe(true);
    }
    await compose.getByRole('link', { name: `Open ticket ${id}` }).waitFor();
    expect(await compose.getByRole('link', { name: `Open ticket ${id}` }).getAttribute('href')).toBe(
      `${RT}/Ticket/Display.html?id=${id}`,
    );
  });

  it('files the ticket once when the reply to its creation is lost and the worker restarts', async () => {
    const proxy = rig.closeAfter(
      await lossyProxy(RT, (method, path) => method === 'POST' && path === '/REST/2.0/ticket'),
    );
    const ext = await launchWithHelpdesk(rig, { type: 'rt', url: proxy.url, token: TOKEN, queue: QUEUE });
    const compose = await startReport(ext, await brokenPage(rig, ext));
    const status = await sendThroughLostReply(ext, compose, 'Lost reply to RT', proxy);
    const [sent] = await outboxReports(ext);
    const query = encodeURIComponent(`Queue = '${QUEUE}' AND Subject LIKE '${rtMarker(sent.ticket.id)}'`);
    const found = await rt<{ items: { id: string }[] }>(`/tickets?query=${query}`);
    expect(found.items).toHaveLength(1);
    expect(status).toContain(`Reference: ${found.items[0].id}`);
  });

  it('tests the connection: ok, wrong queue, wrong token', async () => {
    const ctx = { fetch: globalThis.fetch, timeoutMs: 10_000 };
    expect(await testRt({ type: 'rt', url: RT, token: TOKEN, queue: QUEUE }, ctx)).toEqual({ ok: true });
    expect(await testRt({ type: 'rt', url: RT, token: TOKEN, queue: 'Nope' }, ctx)).toEqual({
      ok: false,
      problem: 'wrong-queue',
      detail: 'HTTP 404: Not Found',
    });
    expect(await testRt({ type: 'rt', url: RT, token: '1-14-0000', queue: QUEUE }, ctx)).toEqual({
      ok: false,
      problem: 'bad-token',
      detail: 'HTTP 401',
    });
  });

  it(
    'files for the requester, shows a correspondence in the popup (never a comment), and adds information once',
    { timeout: 240_000 },
    async () => {
      const ext = await launchWithHelpdesk(rig, { type: 'rt', url: RT, token: TOKEN, queue: QUEUE });
      const compose = await startReport(ext, await brokenPage(rig, ext));
      await compose.getByLabel('Your email').fill('ana.requester@example.org');
      const status = await describeAndSend(compose, 'The requester test');
      const id = /Report sent\. Reference: (\d+)/.exec(status)?.[1];
      expect(id, status).toBeDefined();
      const ticket = await rt<{ Requestor: { id: string }[] }>(`/ticket/${id}`);
      expect(ticket.Requestor.map((r) => r.id)).toEqual(['ana.requester@example.org']);

      const post = (kind: string, Content: string) =>
        fetch(`${RT}/REST/2.0/ticket/${id}/${kind}`, {
          method: 'POST',
          headers: { Authorization: `token ${TOKEN}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ Content, ContentType: 'text/plain' }),
        }).then((r) => expect(r.status).toBe(201));
      await post('correspond', 'Which page exactly?');
      await post('comment', 'Internal: look at the export job');
      const popup = await openPopup(ext);
      await popup.getByText('Which page exactly?').waitFor({ timeout: 60_000 });
      expect(await popup.content()).not.toContain('Internal: look at the export job');
      const opened = ext.context.waitForEvent('page', (p) => p.url().includes('#conversation'));
      await popup.getByRole('link', { name: 'Conversation and Add information' }).click();
      const page = await opened;
      await page.getByLabel('What you want to add').fill('The invoices page, second row.');
      await page.getByRole('button', { name: 'Add information' }).click();
      await page.getByText('Added to your ticket.').first().waitFor({ timeout: 60_000 });

      const history = await rt<{ items: { id: string; Type: string }[] }>(
        `/ticket/${id}/history?per_page=100&fields=Type`,
      );
      const parts = await rt<{ items: { TransactionId: string | { id: string }; Content?: string }[] }>(
        `/ticket/${id}/attachments?per_page=100&fields=TransactionId,Content`,
      );
      const correspond = new Set(history.items.filter((h) => h.Type === 'Correspond').map((h) => String(h.id)));
      // A collection's fields carry decoded text; the transaction comes as its id.
      const transactionOf = (p: { TransactionId: string | { id: string } }) =>
        typeof p.TransactionId === 'string' ? p.TransactionId : p.TransactionId.id;
      const added = parts.items.filter(
        (p) => correspond.has(transactionOf(p)) && (p.Content ?? '').includes('The invoices page, second row.'),
      );
      expect(added).toHaveLength(1);
    },
  );
});
