/**
 * Against a real GLPI (`npm run test:glpi`, which names it with GLPI_URL, GLPI_USER_TOKEN for a
 * technician-level account, GLPI_SELFSERVICE_TOKEN for a Self-Service one, GLPI_APP_TOKEN if
 * needed): reports filed through the built extension, read back through GLPI's own API with the
 * technician's token: the ticket, its requester, every file byte for byte, the followups.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { OutgoingReport } from '../../utils/core/delivery/connector';
import { glpiConnector, testGlpi } from '../../utils/core/delivery/connectors/glpi';
import { glpiModelFacts } from '../helpdesks/glpi-model';
import { lossyProxy } from '../helpdesks/lossy-proxy';
import { sendContext } from '../support/connector-harness';
import { describeAndSend, openPopup, startReport } from '../support/flows';
import {
  brokenPage,
  HELPDESK_RIG,
  launchWithHelpdesk,
  outboxReports,
  sendThroughLostReply,
} from '../support/helpdesk-flows';
import { useRig } from '../support/rig';
import { samplePayload } from '../support/tickets';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests with "npm run test:glpi", which says what to set.`);
  return value;
};
const GLPI = env('GLPI_URL')
  .replace(/\/+$/, '')
  .replace(/\/apirest\.php$/i, '');
const TECH = env('GLPI_USER_TOKEN');
const SELF = env('GLPI_SELFSERVICE_TOKEN');
const APP = process.env.GLPI_APP_TOKEN ?? '';
const rig = useRig(HELPDESK_RIG);
const config = (userToken: string, url = GLPI) => ({ type: 'glpi' as const, url, userToken, appToken: APP });

/** GLPI's API as the technician: JSON, or a document's bytes. */
async function glpi<T>(path: string, token = TECH, accept = 'application/json'): Promise<T> {
  const app: Record<string, string> = APP ? { 'App-Token': APP } : {};
  const init = await fetch(`${GLPI}/apirest.php/initSession`, {
    headers: { Authorization: `user_token ${token}`, ...app },
  });
  const { session_token } = (await init.json()) as { session_token: string };
  const headers = { 'Session-Token': session_token, Accept: accept, ...app };
  try {
    const reply = await fetch(`${GLPI}/apirest.php${path}`, { headers });
    if (!reply.ok) throw new Error(`GLPI ${path}: HTTP ${reply.status} ${await reply.text()}`);
    return (accept === 'application/json' ? reply.json() : Buffer.from(await reply.arrayBuffer())) as Promise<T>;
  } finally {
    await fetch(`${GLPI}/apirest.php/killSession`, { headers });
  }
}

/** Adds an item as the technician; its id. */
async function glpiAdd(itemtype: string, input: Record<string, unknown>): Promise<number> {
  const app: Record<string, string> = APP ? { 'App-Token': APP } : {};
  const init = await fetch(`${GLPI}/apirest.php/initSession`, {
    headers: { Authorization: `user_token ${TECH}`, ...app },
  });
  const { session_token } = (await init.json()) as { session_token: string };
  const headers = { 'Session-Token': session_token, 'Content-Type': 'application/json', ...app };
  try {
    const reply = await fetch(`${GLPI}/apirest.php/${itemtype}/`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ input }),
    });
    if (reply.status !== 201) throw new Error(`GLPI ${itemtype}: HTTP ${reply.status} ${await reply.text()}`);
    return ((await reply.json()) as { id: number }).id;
  } finally {
    await fetch(`${GLPI}/apirest.php/killSession`, { headers });
  }
}

// A 1×1 PNG: the screenshot the person attaches to what they add.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mP4z8AAAAMBAQD3A0FDAAAAAElFTkSuQmCC',
  'base64',
);

const decode = (text: string) => text.replace(/&#60;/g, '<').replace(/&#62;/g, '>').replace(/&#38;/g, '&');

/** The ticket as a technician reads it: name, content, requester, files by name, followups. */
async function readTicket(id: number) {
  const ticket = await glpi<{
    name: string;
    content: string;
    users_id_recipient: number;
    _documents: { id: number; filename: string }[];
  }>(`/Ticket/${id}?with_documents=true`);
  const actors = await glpi<{ users_id: number; type: number }[]>(`/Ticket/${id}/Ticket_User`);
  const files = new Map<string, Buffer>();
  // A file identical to one GLPI already stores (the same page's screenshot) is linked, and GLPI 10
  // renames that Document after the upload's temporary name: "6b16018ae19fd7.52585887screenshot.png".
  for (const doc of ticket._documents)
    files.set(
      doc.filename.replace(/^[0-9a-f]{13,14}\.\d{8}/, ''),
      await glpi<Buffer>(`/Document/${doc.id}`, TECH, 'application/octet-stream'),
    );
  const followups = await glpi<{ content: string }[]>(`/Ticket/${id}/ITILFollowup`);
  return {
    name: decode(ticket.name),
    content: decode(ticket.content),
    writer: ticket.users_id_recipient,
    requesters: actors.filter((a) => a.type === 1).map((a) => a.users_id),
    files,
    followups: followups.map((f) => decode(f.content)),
  };
}

async function userIdOf(token: string): Promise<number> {
  const { session } = await glpi<{ session: { glpiID: number } }>('/getFullSession/', token);
  return session.glpiID;
}

/** Every file as sent, GLPI's copy compared byte for byte; report.json inside report.zip. */
function expectEveryFile(files: Map<string, Buffer>, sent: OutgoingReport, missing: string[] = []) {
  const expected = sent.attachments.filter((f) => !missing.includes(f.filename));
  expect([...files.keys()].sort()).toEqual(
    expected.map((f) => (f.filename === 'report.json' ? 'report.zip' : f.filename)).sort(),
  );
  for (const file of expected) {
    const bytes = Buffer.from(file.data, 'base64');
    const held =
      file.filename === 'report.json'
        ? Buffer.from(unzipSync(new Uint8Array(files.get('report.zip')!))['report.json'])
        : files.get(file.filename)!;
    expect(held.length, file.filename).toBe(bytes.length);
    expect(held.equals(bytes), file.filename).toBe(true);
  }
}

async function emptyDocuments(): Promise<number> {
  const docs = await glpi<{ filename: string | null }[]>('/Document/?range=0-9999');
  return docs.filter((d) => !d.filename).length;
}

describe('GLPI, real server', () => {
  it.each([
    ['a technician-level account', () => TECH],
    ['a Self-Service account', () => SELF],
  ])('files the report from %s: ticket, requester, every file byte for byte, nothing refused', async (_n, token) => {
    const ext = await launchWithHelpdesk(rig, config(token()));
    const compose = await startReport(ext, await brokenPage(rig, ext));
    const status = await describeAndSend(
      compose,
      'Le bouton « Valider » ne répond plus <b>&</b>\nDepuis ce matin, sur la page des factures.',
    );
    const id = Number(/Report sent\. Reference: (\d+)/.exec(status)?.[1]);
    expect(id, status).toBeGreaterThan(0);

    const [sent] = await outboxReports(ext);
    const ticket = await readTicket(id);
    expect(ticket.name).toBe('Le bouton « Valider » ne répond plus <b>&</b>');
    expect(ticket.content).toContain('Depuis ce matin, sur la page des factures.');
    expect(ticket.content).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
    expect(ticket.content).toContain(`Mayday report ${sent.ticket.id}`);
    expect(ticket.content).toContain('report.json, inside the attached report.zip');
    // The requester is issue 21's: through the API, GLPI records the account as the ticket's writer
    // and sets no requester (its own form would default to the person logged in).
    expect(ticket.writer).toBe(await userIdOf(token()));
    expect(ticket.requesters).toEqual([]);
    expect(sent.attachments.map((f) => f.filename).sort()).toEqual(['report.html', 'report.json', 'screenshot.png']);
    expectEveryFile(ticket.files, sent);
    expect(JSON.parse(strFromU8(unzipSync(new Uint8Array(ticket.files.get('report.zip')!))['report.json'])).id).toBe(
      sent.ticket.id,
    );
    expect(ticket.followups).toEqual([]);
    await compose.getByRole('link', { name: `Open ticket ${id}` }).waitFor();
    expect(await compose.getByRole('link', { name: `Open ticket ${id}` }).getAttribute('href')).toBe(
      `${GLPI}/front/ticket.form.php?id=${id}`,
    );
  });

  it('files the ticket once when the reply to its creation is lost and the worker restarts', async () => {
    const proxy = rig.closeAfter(
      await lossyProxy(GLPI, (method, path) => method === 'POST' && path === '/apirest.php/Ticket/'),
    );
    const ext = await launchWithHelpdesk(rig, config(SELF, proxy.url));
    const compose = await startReport(ext, await brokenPage(rig, ext));
    const status = await sendThroughLostReply(ext, compose, 'Lost reply to GLPI', proxy);
    const [sent] = await outboxReports(ext);
    const found = await glpi<{ id: number }[]>(
      `/Ticket/?searchText%5Bcontent%5D=${encodeURIComponent(sent.ticket.id)}&only_id=true`,
    );
    expect(found).toHaveLength(1);
    expect(status).toContain(`Reference: ${found[0].id}`);
    expectEveryFile((await readTicket(found[0].id)).files, sent);
  });

  it('a file GLPI refuses by its type: the ticket filed with the others, a followup says which and why, nothing empty left', async () => {
    const report = samplePayload('Une trace réseau refusée par GLPI');
    const har = {
      filename: 'network.har',
      contentType: 'application/json',
      data: Buffer.from('{"log":{}}').toString('base64'),
    };
    const withHar: OutgoingReport = { ...report, attachments: [...report.attachments, har] };
    const before = await emptyDocuments();
    const attempt = sendContext(globalThis.fetch);
    const result = await glpiConnector(config(SELF)).send(withHar, { ...attempt.ctx, timeoutMs: 20_000 });
    expect(result).toMatchObject({ ok: true });
    const id = Number((result as { receipt: { id: string } }).receipt.id);
    const ticket = await readTicket(id);
    expectEveryFile(ticket.files, withHar, ['network.har']);
    expect(ticket.followups).toHaveLength(1);
    expect(ticket.followups[0]).toContain(`Mayday report ${report.ticket.id}: GLPI did not accept these files:`);
    expect(ticket.followups[0]).toContain('network.har: Filetype not allowed');
    expect(await emptyDocuments()).toBe(before);
  });

  it("a screenshot over GLPI's size limit: one smaller attempt asked, then the same ticket completed", async () => {
    const { cfg_glpi } = await glpi<{ cfg_glpi: { document_max_size: string } }>('/getGlpiConfig/');
    const limit = Number(cfg_glpi.document_max_size) * 1024 * 1024;
    const report = samplePayload("Une capture plus grosse que ce qu'accepte GLPI");
    const big: OutgoingReport = {
      ...report,
      attachments: report.attachments.map((f) =>
        f.filename === 'screenshot.png' ? { ...f, data: Buffer.alloc(limit + 1024, 7).toString('base64') } : f,
      ),
    };
    const first = sendContext(globalThis.fetch);
    expect(await glpiConnector(config(TECH)).send(big, { ...first.ctx, timeoutMs: 30_000 })).toEqual({
      ok: false,
      failure: { kind: 'too-large', retryable: false, status: 201 },
    });
    // What the outbox does next: the same progress, a smaller screenshot.
    const retry = sendContext(globalThis.fetch, first.last());
    const result = await glpiConnector(config(TECH)).send(report, { ...retry.ctx, timeoutMs: 30_000 });
    expect(result).toMatchObject({ ok: true });
    const ticket = await readTicket(Number((result as { receipt: { id: string } }).receipt.id));
    expectEveryFile(ticket.files, report);
    expect(ticket.followups).toEqual([]);
  });

  it('answers as the contract fake models it, for both accounts', async () => {
    for (const token of [TECH, SELF])
      expect(await glpiModelFacts(GLPI, token, APP)).toEqual({
        documentTypesReadable: false,
        jsonRefusedWithEmptyDocument: true,
        onlyFirstOfArrayKept: true,
        refusedFileInTicketLeavesNoDocument: true,
        contentStoredEncoded: true,
        duplicateLinkedAndRenamed: true,
      });
  });

  it('tests the connection: both accounts may work; a wrong token is named as such', async () => {
    const ctx = { fetch: globalThis.fetch, timeoutMs: 10_000 };
    const technician = await testGlpi(config(TECH), ctx);
    expect(technician.ok, JSON.stringify(technician)).toBe(true);
    expect(technician.checks?.map((c) => [c.message, c.ok])).toEqual([
      ['glpiCheckTicketsOk', true],
      ['glpiCheckFollowupsOk', true],
      ['glpiCheckFilesOk', true],
      ['glpiCheckTypesUnknown', null],
      ['glpiCheckSize', true],
    ]);
    const selfService = await testGlpi(config(SELF), ctx);
    expect(selfService.ok, JSON.stringify(selfService)).toBe(true);
    expect(selfService.checks?.[0]).toEqual({
      ok: true,
      message: 'glpiCheckTicketsOk',
      substitutions: ['Self-Service'],
    });
    expect(await testGlpi(config('0'.repeat(40)), ctx)).toMatchObject({ ok: false, problem: 'bad-token' });
  });

  it(
    "files for the requester, shows a technician's public followup in the popup (never a private one), adds information with its screenshot once",
    { timeout: 300_000 },
    async () => {
      const ext = await launchWithHelpdesk(rig, config(TECH));
      const compose = await startReport(ext, await brokenPage(rig, ext));
      // An address no GLPI user has: the requester is the alternative email, notifications on.
      const email = `ana.${Date.now()}@example.org`;
      await compose.getByLabel('Your email').fill(email);
      await compose.getByLabel('Your name').fill('Ana Lima');
      const status = await describeAndSend(compose, 'The requester test');
      const id = Number(/Report sent\. Reference: (\d+)/.exec(status)?.[1]);
      expect(id, status).toBeGreaterThan(0);
      const actors = await glpi<
        { users_id: number; type: number; alternative_email: string; use_notification: number }[]
      >(`/Ticket/${id}/Ticket_User`);
      expect(actors.filter((a) => a.type === 1)).toEqual([
        expect.objectContaining({ users_id: 0, alternative_email: email, use_notification: 1 }),
      ]);

      await glpiAdd('ITILFollowup', {
        itemtype: 'Ticket',
        items_id: id,
        content: 'Which page exactly?',
        is_private: 0,
      });
      await glpiAdd('ITILFollowup', {
        itemtype: 'Ticket',
        items_id: id,
        content: 'Internal: look at the export job',
        is_private: 1,
      });
      const repliedAt = Date.now();
      const popup = await openPopup(ext);
      await popup.getByText('Which page exactly?').waitFor({ timeout: 60_000 });
      const popupOpenMs = Date.now() - repliedAt;
      expect(await popup.content()).not.toContain('Internal: look at the export job');
      const opened = ext.context.waitForEvent('page', (p) => p.url().includes('#conversation'));
      await popup.getByRole('link', { name: 'Conversation and Add information' }).click();
      const page = await opened;
      await page.getByLabel('What you want to add').fill('The invoices page, second row.');
      await page.getByLabel('Attach a screenshot (optional, PNG or JPEG)').setInputFiles({
        name: 'row.png',
        mimeType: 'image/png',
        buffer: PNG,
      });
      await page.getByRole('button', { name: 'Add information' }).click();
      await page.getByText('Added to your ticket.').first().waitFor({ timeout: 60_000 });

      const followups = await glpi<{ id: number; content: string; is_private: number }[]>(`/Ticket/${id}/ITILFollowup`);
      const added = followups.filter((f) => decode(f.content).includes('The invoices page, second row.'));
      expect(added).toHaveLength(1);
      expect(added[0].is_private).toBe(0);
      const links = await glpi<{ documents_id: number; itemtype: string; items_id: number }[]>(
        `/ITILFollowup/${added[0].id}/Document_Item`,
      );
      expect(links).toHaveLength(1);
      expect(await glpi<Buffer>(`/Document/${links[0].documents_id}`, TECH, 'application/octet-stream')).toEqual(PNG);
      console.log(`GLPI loop: technician's followup -> popup (open) ${popupOpenMs} ms`);
    },
  );
});
