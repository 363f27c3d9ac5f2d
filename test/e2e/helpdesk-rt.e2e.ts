/**
 * Against a real Request Tracker 5 (started by `npm run test:helpdesks`): reports filed through the
 * built extension, read back through RT's own REST2 API.
 */
import { describe, expect, it } from 'vitest';
import { rtMarker, testRt } from '../../utils/core/delivery/connectors/rt';
import { helpdeskEnv } from '../helpdesks/env';
import { lossyProxy } from '../helpdesks/lossy-proxy';
import { describeAndSend, startReport } from '../support/flows';
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
});
