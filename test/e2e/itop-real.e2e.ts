/**
 * Against a real iTop (`npm run test:itop`, which names it with ITOP_URL, ITOP_USER and
 * ITOP_PASSWORD: an account with the profiles REST Services User and Service Desk Agent;
 * ITOP_ORGANIZATION optionally): reports filed through the built extension and read back through
 * iTop's own REST API: the request, its caller, every attachment byte for byte, the public log.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingReport } from '../../utils/core/delivery/connector';
import { itopConnector, itopFollowUp, itopTicketUrl, testItop } from '../../utils/core/delivery/connectors/itop';
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
  if (!value) throw new Error(`${name} is not set: run these tests with "npm run test:itop", which says what to set.`);
  return value;
};
const ITOP = env('ITOP_URL').replace(/\/+$/, '');
const USER = env('ITOP_USER');
const PASSWORD = env('ITOP_PASSWORD');
const rig = useRig(HELPDESK_RIG);
// A 1×1 PNG: the screenshot the person attaches to what they add.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mP4z8AAAAMBAQD3A0FDAAAAAElFTkSuQmCC',
  'base64',
);

/** One REST operation as the test account; iTop's refusals thrown with its words. */
async function itop<T = Record<string, { key: string; fields: Record<string, unknown> }>>(
  operation: Record<string, unknown>,
  url = ITOP,
): Promise<T> {
  const form = new URLSearchParams({
    version: '1.3',
    auth_user: USER,
    auth_pwd: PASSWORD,
    json_data: JSON.stringify(operation),
  });
  const reply = await fetch(`${url}/webservices/rest.php`, { method: 'POST', body: form });
  const body = (await reply.json()) as { code: number; message: string; objects: T | null };
  if (body.code !== 0) throw new Error(`iTop ${JSON.stringify(operation).slice(0, 120)}: ${body.code} ${body.message}`);
  return (body.objects ?? {}) as T;
}

/** The organisation to file for, and a Person of it with an email (the requester of these tests). */
let organization = '';
let orgId = 0;
let person = { id: 0, email: '' };
beforeAll(async () => {
  const wanted = process.env.ITOP_ORGANIZATION;
  const persons = Object.values(
    await itop({
      operation: 'core/get',
      class: 'Person',
      key: "SELECT Person WHERE email != ''",
      output_fields: 'id,email,org_id,org_name',
    }),
  ).map((p) => p.fields as { id: string; email: string; org_id: string; org_name: string });
  const chosen = persons.find((p) => !wanted || p.org_name === wanted || p.org_id === wanted);
  if (!chosen)
    throw new Error(
      `iTop has no Person with an email${wanted ? ` in "${wanted}"` : ''} that ${USER} can see: create one (Data administration > Persons).`,
    );
  organization = chosen.org_name;
  orgId = Number(chosen.org_id);
  person = { id: Number(chosen.id), email: chosen.email };
});

const config = (url = ITOP) => ({
  type: 'itop' as const,
  url,
  user: USER,
  password: PASSWORD,
  token: '',
  organization,
});

/** The request as iTop holds it: fields, and its attachments by filename. */
async function readRequest(ref: string) {
  const [request] = Object.values(
    await itop({
      operation: 'core/get',
      class: 'UserRequest',
      key: { ref },
      output_fields: 'id,ref,title,description,org_id,caller_id,status,origin',
    }),
  );
  const id = Number(request.key);
  const attachments = Object.values(
    await itop({
      operation: 'core/get',
      class: 'Attachment',
      key: `SELECT Attachment WHERE item_class = 'UserRequest' AND item_id = ${id}`,
      output_fields: 'contents,item_org_id',
    }),
  ).map((a) => a.fields as { contents: { data: string; filename: string; mimetype: string }; item_org_id: string });
  return {
    id,
    fields: request.fields as Record<string, string>,
    files: new Map(attachments.map((a) => [a.contents.filename, Buffer.from(a.contents.data, 'base64')])),
    types: new Map(attachments.map((a) => [a.contents.filename, a.contents.mimetype])),
    orgs: attachments.map((a) => Number(a.item_org_id)),
  };
}

function expectEveryFile(files: Map<string, Buffer>, sent: OutgoingReport) {
  expect([...files.keys()].sort()).toEqual(sent.attachments.map((f) => f.filename).sort());
  for (const file of sent.attachments) {
    const bytes = Buffer.from(file.data, 'base64');
    expect(files.get(file.filename)?.length, file.filename).toBe(bytes.length);
    expect(files.get(file.filename)?.equals(bytes), file.filename).toBe(true);
  }
}

describe('iTop, real server', () => {
  it('files the report through the extension: the request, every attachment byte for byte, its page', async () => {
    const ext = await launchWithHelpdesk(rig, config());
    const compose = await startReport(ext, await brokenPage(rig, ext));
    const status = await describeAndSend(
      compose,
      'Le bouton « Valider » ne répond plus <b>&</b>\nDepuis ce matin, sur la page des factures.',
    );
    const ref = /Report sent\. Reference: (R-\d+)/.exec(status)?.[1];
    expect(ref, status).toBeDefined();

    const [sent] = await outboxReports(ext);
    const request = await readRequest(ref!);
    expect(request.fields.title).toBe('Le bouton « Valider » ne répond plus <b>&</b>');
    expect(request.fields.description).toContain('Depuis ce matin, sur la page des factures.');
    expect(request.fields.description).toContain(`Mayday report ${sent.ticket.id}`);
    expect(request.fields.description).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
    expect(Number(request.fields.org_id)).toBe(orgId);
    expect(request.fields.origin).toBe('portal');
    expectEveryFile(request.files, sent);
    expect([...request.types]).toEqual(
      expect.arrayContaining(sent.attachments.map((f) => [f.filename, f.contentType])),
    );
    expect(request.orgs.every((o) => o === orgId)).toBe(true);
    await compose.getByRole('link', { name: `Open ticket ${ref}` }).waitFor();
    expect(await compose.getByRole('link', { name: `Open ticket ${ref}` }).getAttribute('href')).toBe(
      itopTicketUrl(config(), request.id),
    );
  });

  it('the caller is the Person with the reporter email; an unknown email is named in the description', async () => {
    const known = samplePayload('Demande avec un demandeur connu');
    known.ticket.reporter = { name: 'Connu', email: person.email };
    const first = sendContext(globalThis.fetch);
    const filed = await itopConnector(config()).send(known, first.ctx);
    expect(filed).toMatchObject({ ok: true });
    const request = await readRequest((filed as { receipt: { id: string } }).receipt.id);
    expect(Number(request.fields.caller_id)).toBe(person.id);
    expect(request.fields.description).not.toContain('Reported by');
    expectEveryFile(request.files, known);

    const unknown = samplePayload('Demande avec un demandeur inconnu');
    unknown.ticket.reporter = { name: 'Inconnu', email: `nobody-${Date.now()}@example.invalid` };
    const second = await itopConnector(config()).send(unknown, sendContext(globalThis.fetch).ctx);
    const other = await readRequest((second as { receipt: { id: string } }).receipt.id);
    expect(Number(other.fields.caller_id)).toBe(0);
    expect(other.fields.description).toContain(`<b>Reported by:</b> Inconnu &lt;${unknown.ticket.reporter.email}&gt;`);
  });

  it('files the request once when the reply to its creation is lost and the worker restarts', async () => {
    // Every call is a POST to rest.php: the organisation, then the creation, then each file.
    let posts = 0;
    const proxy = rig.closeAfter(await lossyProxy(ITOP, (method) => method === 'POST' && ++posts === 2));
    const ext = await launchWithHelpdesk(rig, config(proxy.url));
    const compose = await startReport(ext, await brokenPage(rig, ext));
    const status = await sendThroughLostReply(ext, compose, 'Lost reply to iTop', proxy, /R-\d+/);
    const [sent] = await outboxReports(ext);
    const found = await itop({
      operation: 'core/get',
      class: 'UserRequest',
      key: `SELECT UserRequest WHERE description LIKE '%Mayday report ${sent.ticket.id}%'`,
      output_fields: 'ref',
    });
    const refs = Object.values(found).map((o) => o.fields.ref);
    expect(refs).toHaveLength(1);
    expect(status).toMatch(/Report sent\. Reference: R-\d+/);
    expect(status).toContain(`Reference: ${String(refs[0])}`);
    expectEveryFile((await readRequest(String(refs[0]))).files, sent);
  });

  it("follow-up: the technician's public answer and the status are read back; the person's answer is added once", async () => {
    const report = samplePayload('Demande suivie');
    const filed = await itopConnector(config()).send(report, sendContext(globalThis.fetch).ctx);
    const ref = (filed as { receipt: { id: string } }).receipt.id;
    const { id } = await readRequest(ref);
    // A technician answers in the public log, and writes a private note the person must not see.
    await itop({
      operation: 'core/update',
      class: 'UserRequest',
      key: id,
      comment: 'technician',
      output_fields: 'id',
      fields: {
        public_log: { add_item: { message: '<p>Pouvez-vous réessayer ?</p>', format: 'html' } },
        private_log: { add_item: { message: '<p>Note interne</p>', format: 'html' } },
      },
    });

    // The person's answer, whose first reply is lost on the way back.
    // Looking the request up, then the update to the public log: its reply is lost.
    let posts = 0;
    const proxy = rig.closeAfter(await lossyProxy(ITOP, (method) => method === 'POST' && ++posts === 2));
    const answer = { id: `answer-${Date.now()}`, text: 'Toujours pareil.', author: 'Claire Martin', attachments: [] };
    const first = sendContext(globalThis.fetch);
    expect(
      await itopFollowUp(config(proxy.url)).addInformation({ id: ref }, answer, { ...first.ctx, timeoutMs: 5000 }),
    ).toMatchObject({ ok: false });
    // The retry goes to the same address: progress made against one iTop means nothing to another.
    const retry = sendContext(globalThis.fetch, first.last());
    expect(await itopFollowUp(config(proxy.url)).addInformation({ id: ref }, answer, retry.ctx)).toMatchObject({
      ok: true,
    });

    await itop({
      operation: 'core/apply_stimulus',
      class: 'UserRequest',
      key: id,
      stimulus: 'ev_autoresolve',
      comment: 'technician',
      output_fields: 'status',
      fields: { solution: 'Corrigé.' },
    });
    const ctx = { fetch: globalThis.fetch, timeoutMs: 10_000, now: Date.now };
    const status = await itopFollowUp(config()).status({ id: ref }, ctx);
    expect(status).toMatchObject({ ok: true, followUp: { status: 'solved', closed: false } });
    expect(status.ok && status.followUp).toHaveProperty('replies', [
      {
        id: 'public_log:0',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
        author: expect.any(String),
        text: 'Pouvez-vous réessayer ?',
      },
    ]);
    const [log] = Object.values(
      await itop({ operation: 'core/get', class: 'UserRequest', key: id, output_fields: 'public_log' }),
    );
    const entries = (log.fields.public_log as { entries: { message_html: string }[] }).entries;
    expect(entries.filter((e) => e.message_html.includes(`Mayday reply ${answer.id}`))).toHaveLength(1);
  });

  it('tests the connection: ok, an unknown organisation, a wrong password', async () => {
    const ctx = { fetch: globalThis.fetch, timeoutMs: 10_000 };
    expect(await testItop(config(), ctx)).toEqual({
      ok: true,
      checks: [
        { ok: true, message: 'itopCheckRest', substitutions: [USER] },
        { ok: true, message: 'itopCheckOrganisation', substitutions: [organization, String(orgId)] },
        { ok: true, message: 'itopCheckRead' },
      ],
    });
    expect(await testItop({ ...config(), organization: `Nowhere ${Date.now()}` }, ctx)).toMatchObject({
      ok: false,
      problem: 'wrong-organisation',
    });
    expect(await testItop({ ...config(), password: 'wrong' }, ctx)).toEqual({
      ok: false,
      problem: 'bad-token',
      detail: 'Error: Invalid login',
    });
  });

  it(
    "the loop in the browser: the caller found by email, a technician's public answer in the popup (never the private log), the person's information with its screenshot added once",
    { timeout: 300_000 },
    async () => {
      const ext = await launchWithHelpdesk(rig, config());
      const compose = await startReport(ext, await brokenPage(rig, ext));
      await compose.getByLabel('Your email').fill(person.email);
      await compose.getByLabel('Your name').fill('Claire Martin');
      const status = await describeAndSend(compose, 'Le suivi dans le navigateur');
      const ref = /Reference: (R-\d+)/.exec(status)?.[1];
      expect(ref, status).toBeDefined();
      const request = await readRequest(ref!);
      expect(Number(request.fields.caller_id)).toBe(person.id);

      await itop({
        operation: 'core/update',
        class: 'UserRequest',
        key: request.id,
        comment: 'technician',
        output_fields: 'id',
        fields: {
          public_log: { add_item: { message: '<p>Quelle page exactement ?</p>', format: 'html' } },
          private_log: { add_item: { message: '<p>Note interne du support</p>', format: 'html' } },
        },
      });
      const repliedAt = Date.now();
      const popup = await openPopup(ext);
      await popup.getByText('Quelle page exactement ?').waitFor({ timeout: 60_000 });
      const popupOpenMs = Date.now() - repliedAt;
      expect(await popup.content()).not.toContain('Note interne du support');
      const opened = ext.context.waitForEvent('page', (p) => p.url().includes('#conversation'));
      await popup.getByRole('link', { name: 'Conversation and Add information' }).click();
      const page = await opened;
      await page.getByLabel('What you want to add').fill('La page des factures, deuxième ligne.');
      await page.getByLabel('Attach a screenshot (optional, PNG or JPEG)').setInputFiles({
        name: 'ligne.png',
        mimeType: 'image/png',
        buffer: PNG,
      });
      await page.getByRole('button', { name: 'Add information' }).click();
      await page.getByText('Added to your ticket.').first().waitFor({ timeout: 60_000 });

      const [held] = Object.values(
        await itop({ operation: 'core/get', class: 'UserRequest', key: request.id, output_fields: 'public_log' }),
      );
      const entries = (held.fields.public_log as { entries: { message: string }[] }).entries;
      const added = entries.filter((e) => e.message.includes('La page des factures, deuxième ligne.'));
      expect(added).toHaveLength(1);
      expect(added[0].message).toContain('Claire Martin');
      expect((await readRequest(ref!)).files.get('ligne.png')).toEqual(PNG);
      console.log(`iTop loop: technician's public log entry -> popup (open) ${popupOpenMs} ms`);
    },
  );
});
