/**
 * Contract tests: the GLPI connector against test/helpdesks/fake-glpi.ts, a local server modelled
 * on what a real GLPI 10.0.10 with default settings answers (default document types without json,
 * the default profiles' rights, upload refusals, HTML-encoded content). The same facts are checked
 * against a real GLPI by `npm run test:glpi` (test/e2e/glpi-real.e2e.ts).
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingReport } from '../../../../../utils/core/delivery/connector';
import { glpiConnector, testGlpi } from '../../../../../utils/core/delivery/connectors/glpi';
import {
  GLPI_PROFILES,
  defaultDocumentTypes,
  startFakeGlpi,
  type FakeGlpi,
  type FakeGlpiOptions,
} from '../../../../helpdesks/fake-glpi';
import { glpiModelFacts } from '../../../../helpdesks/glpi-model';
import { bytesOf, sampleReport, sendContext } from '../../../../support/connector-harness';
import { samplePayload } from '../../../../support/tickets';

let glpi: FakeGlpi;
const start = async (options: Partial<FakeGlpiOptions> = {}) => {
  glpi = await startFakeGlpi({ userToken: 'user-token', appToken: 'app-token', maxPostBytes: 400_000, ...options });
  return glpi;
};
afterEach(() => glpi?.close());

const config = () => ({ type: 'glpi' as const, url: glpi.url, userToken: 'user-token', appToken: 'app-token' });
const send = (progress: Record<string, unknown> = {}, report: OutgoingReport = samplePayload()) => {
  const attempt = sendContext(globalThis.fetch, progress);
  return { attempt, result: glpiConnector(config()).send(report, attempt.ctx) };
};
const routes = () => glpi.seen.map((s) => `${s.method} ${new URL(s.path, 'http://x').pathname}`);
const only = <T>(map: Map<number, T>) => {
  expect(map.size).toBe(1);
  return [...map][0];
};

/** What GLPI holds for the report: every file as sent, report.json inside report.zip. */
function expectFilesHeld(ticketId: number, report: OutgoingReport, missing: string[] = []) {
  const held = glpi.filesOf(ticketId);
  const expected = report.attachments.filter((f) => !missing.includes(f.filename));
  expect([...held.keys()].sort()).toEqual(
    expected.map((f) => (f.filename === 'report.json' ? 'report.zip' : f.filename)).sort(),
  );
  for (const file of expected) {
    if (file.filename === 'report.json') {
      const zip = unzipSync(new Uint8Array(held.get('report.zip')!));
      expect(Object.keys(zip)).toEqual(['report.json']);
      expect(Buffer.from(zip['report.json'])).toEqual(bytesOf(file));
    } else expect(held.get(file.filename), file.filename).toEqual(bytesOf(file));
  }
}

describe('GLPI contract: the model', () => {
  it.each([
    ['Technician', GLPI_PROFILES.technician],
    ['Self-Service', GLPI_PROFILES.selfService],
  ])('answers as a real GLPI 10 does, for a %s account', async (_name, profile) => {
    await start({ profile, appToken: undefined });
    expect(await glpiModelFacts(glpi.url, 'user-token', '')).toEqual({
      documentTypesReadable: false,
      jsonRefusedWithEmptyDocument: true,
      onlyFirstOfArrayKept: true,
      refusedFileInTicketLeavesNoDocument: true,
      contentStoredEncoded: true,
      duplicateLinkedAndRenamed: true,
    });
  });
});

describe('GLPI contract: delivery', () => {
  it.each([
    ['Technician', GLPI_PROFILES.technician],
    ['Self-Service', GLPI_PROFILES.selfService],
  ])(
    'a %s account files one ticket with every file, report.json inside report.zip, and leaves nothing empty',
    async (_name, profile) => {
      await start({ profile });
      const report = samplePayload('Le bouton « Valider » ne répond plus <b>&</b>');
      const result = await send({}, report).result;
      const [ticketId, ticket] = only(glpi.tickets);
      expect(result).toEqual({
        ok: true,
        receipt: { id: String(ticketId), url: `${glpi.url}/front/ticket.form.php?id=${ticketId}` },
      });
      expect(ticket.name).toBe('Le bouton « Valider » ne répond plus &#60;b&#62;&#38;&#60;/b&#62;');
      expect(ticket.content).toContain(`Mayday report ${report.ticket.id}`);
      expect(ticket.content).toContain('report.json, inside the attached report.zip');
      expectFilesHeld(ticketId, report);
      expect(glpi.emptyDocuments()).toEqual([]);
      expect(glpi.followups).toEqual([]);
      expect(routes()).toEqual([
        'GET /apirest.php/initSession',
        'POST /apirest.php/Ticket/',
        `GET /apirest.php/Ticket/${ticketId}`,
        'GET /apirest.php/killSession',
      ]);
      const zip = unzipSync(new Uint8Array(glpi.filesOf(ticketId).get('report.zip')!));
      expect(JSON.parse(strFromU8(zip['report.json'])).id).toBe(report.ticket.id);
    },
  );

  it('the same screenshot in a second report: GLPI links the stored one (renaming it), the ticket holds every file', async () => {
    await start({ profile: GLPI_PROFILES.selfService });
    const first = samplePayload('Premier signalement');
    const second = samplePayload('Deuxième signalement, même page');
    expect(first.attachments[0].data).toBe(second.attachments[0].data);
    expect(await send({}, first).result).toMatchObject({ ok: true });
    expect(await send({}, second).result).toMatchObject({ ok: true });
    for (const [ticketId, report] of [...glpi.tickets.keys()].map((id, i) => [id, [first, second][i]] as const))
      expectFilesHeld(ticketId, report);
    expect([...glpi.documents.values()].map((d) => d.filename)).toContain('6b15fa47ea4ec2.16765201screenshot.png');
    expect(glpi.followups).toEqual([]);
  });

  it('files the ticket when GLPI refuses a type, and says in a followup which file and why', async () => {
    const types = defaultDocumentTypes().map((t) => (t.ext === 'png' ? { ...t, is_uploadable: 0 as const } : t));
    await start({ profile: GLPI_PROFILES.selfService, documentTypes: types });
    const report = samplePayload();
    expect(await send({}, report).result).toMatchObject({ ok: true });
    const [ticketId] = only(glpi.tickets);
    expectFilesHeld(ticketId, report, ['screenshot.png']);
    expect(glpi.emptyDocuments()).toEqual([]);
    expect(glpi.followups).toHaveLength(1);
    expect(glpi.followups[0].content).toContain(`Mayday report ${report.ticket.id}: GLPI did not accept`);
    expect(glpi.followups[0].content).toContain('screenshot.png: Filetype not allowed');
  });

  it('names the reason for a refused file that is not the first (GLPI reports only the first)', async () => {
    const types = defaultDocumentTypes().map((t) => (t.ext === 'html' ? { ...t, is_uploadable: 0 as const } : t));
    await start({ documentTypes: types });
    const report = samplePayload();
    expect(await send({}, report).result).toMatchObject({ ok: true });
    const [ticketId] = only(glpi.tickets);
    expectFilesHeld(ticketId, report, ['report.html']);
    expect(glpi.followups[0].content).toContain('report.html: Filetype not allowed');
  });

  it('asks once for a smaller screenshot when GLPI finds it too big, then adds it to the same ticket', async () => {
    await start({ profile: GLPI_PROFILES.selfService, documentMaxMb: 0.1, maxPostBytes: 2_000_000 });
    const report = samplePayload();
    const big: OutgoingReport = {
      ...report,
      attachments: report.attachments.map((f) =>
        f.filename === 'screenshot.png' ? { ...f, data: Buffer.alloc(150_000, 7).toString('base64') } : f,
      ),
    };
    const first = send({}, big);
    expect(await first.result).toEqual({ ok: false, failure: { kind: 'too-large', retryable: false, status: 201 } });
    const [ticketId] = only(glpi.tickets);

    // The outbox re-encodes the screenshot smaller and tries again with the same progress.
    expect(await send(first.attempt.last(), report).result).toMatchObject({
      ok: true,
      receipt: { id: String(ticketId) },
    });
    expect(glpi.tickets.size).toBe(1);
    expectFilesHeld(ticketId, report);
    expect(glpi.followups).toEqual([]);
    expect(glpi.emptyDocuments()).toEqual([]);
  });

  it('says so in a followup when the smaller screenshot is still too big, and counts the report sent', async () => {
    await start({ documentMaxMb: 0.1, maxPostBytes: 2_000_000 });
    const report = samplePayload();
    const big: OutgoingReport = {
      ...report,
      attachments: report.attachments.map((f) =>
        f.filename === 'screenshot.png' ? { ...f, data: Buffer.alloc(150_000, 7).toString('base64') } : f,
      ),
    };
    const first = send({}, big);
    expect(await first.result).toMatchObject({ ok: false, failure: { kind: 'too-large' } });
    expect(await send(first.attempt.last(), big).result).toMatchObject({ ok: true });
    const [ticketId] = only(glpi.tickets);
    expectFilesHeld(ticketId, report, ['screenshot.png']);
    expect(glpi.followups).toHaveLength(1);
    expect(glpi.followups[0].content).toContain('screenshot.png: File is too big');
  });

  it('over post_max_size, asks for a smaller screenshot, then files the ticket and sends each file apart', async () => {
    await start({ maxPostBytes: 100_000, documentMaxMb: 2 });
    const report = samplePayload();
    const big: OutgoingReport = {
      ...report,
      attachments: report.attachments.map((f) =>
        f.filename === 'screenshot.png' ? { ...f, data: Buffer.alloc(120_000, 7).toString('base64') } : f,
      ),
    };
    const first = send({}, big);
    expect(await first.result).toEqual({ ok: false, failure: { kind: 'too-large', retryable: false, status: 400 } });
    expect(glpi.tickets.size).toBe(0);
    // Still too big after the outbox's re-encoding: the ticket goes first, then each file on its own.
    expect(await send(first.attempt.last(), big).result).toMatchObject({ ok: true });
    const [ticketId] = only(glpi.tickets);
    expectFilesHeld(ticketId, report, ['screenshot.png']);
    expect(glpi.followups[0].content).toMatch(/screenshot\.png: File is too big for the server/);
    expect(glpi.emptyDocuments()).toEqual([]);
  });

  it('finds the ticket whose creation reply was lost instead of creating a second one', async () => {
    await start({ profile: GLPI_PROFILES.selfService });
    glpi.faultOnce((s) => s.method === 'POST' && s.path === '/apirest.php/Ticket/', 'drop-after');
    const report = samplePayload();
    const first = send({}, report);
    expect(await first.result).toMatchObject({ ok: false, failure: { kind: 'network', retryable: true } });
    expect(glpi.tickets.size).toBe(1);

    expect(await send(first.attempt.last(), report).result).toMatchObject({ ok: true });
    const [ticketId] = only(glpi.tickets);
    expectFilesHeld(ticketId, report);
    expect(routes().filter((r) => r === 'POST /apirest.php/Ticket/')).toHaveLength(1);
  });

  it('sends a file again after an interruption only when the ticket does not hold it', async () => {
    await start({ profile: GLPI_PROFILES.selfService, maxPostBytes: 100_000 });
    const report = samplePayload();
    const big: OutgoingReport = {
      ...report,
      attachments: report.attachments.map((f) =>
        f.filename === 'screenshot.png' ? { ...f, data: Buffer.alloc(120_000, 7).toString('base64') } : f,
      ),
    };
    // Files sent apart (post_max_size), the reply to report.html's upload lost.
    const first = send({ target: `glpi:${glpi.url}`, shrinkAsked: true, files: {} }, big);
    glpi.faultOnce((s) => s.path === '/apirest.php/Document/' && s.body.includes('report.html'), 'drop-after');
    expect(await first.result).toMatchObject({ ok: false, failure: { kind: 'network' } });
    expect(await send(first.attempt.last(), big).result).toMatchObject({ ok: true });
    const [ticketId] = only(glpi.tickets);
    expectFilesHeld(ticketId, report, ['screenshot.png']);
    expect(glpi.links.filter((l) => glpi.documents.get(l.documents_id)?.filename === 'report.html')).toHaveLength(1);
  });

  it('opens a new session when GLPI answers that the session expired mid-way', async () => {
    await start();
    glpi.faultOnce((s) => s.path.startsWith('/apirest.php/Ticket/'), {
      status: 401,
      body: ['ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid'],
    });
    expect(await send().result).toMatchObject({ ok: true });
    expect(routes().filter((r) => r === 'GET /apirest.php/initSession')).toHaveLength(2);
    expect(glpi.tickets.size).toBe(1);
  });

  it('stops on a refused user token', async () => {
    await start();
    const attempt = sendContext(globalThis.fetch);
    const result = await glpiConnector({ ...config(), userToken: 'stale' }).send(sampleReport(), attempt.ctx);
    expect(result).toEqual({ ok: false, failure: { kind: 'unauthorized', retryable: false, status: 401 } });
    expect(glpi.tickets.size).toBe(0);
  });

  it('stops, with GLPI words, for a profile that may not create tickets', async () => {
    await start({ profile: { name: 'Observer', interface: 'central', rights: { ticket: 1, followup: 1 } } });
    expect(await send().result).toEqual({
      ok: false,
      failure: {
        kind: 'rejected',
        retryable: false,
        status: 400,
        detail: "ERROR_GLPI_ADD: You don't have permission to perform this action.",
      },
    });
  });
});

describe('GLPI contract: Test connection', () => {
  const ctx = { fetch: globalThis.fetch, timeoutMs: 5000 };
  const test = () => testGlpi(config(), ctx);

  it('a technician: the rights are there; the types cannot be read with that profile', async () => {
    await start();
    expect(await test()).toEqual({
      ok: true,
      checks: [
        { ok: true, message: 'glpiCheckTicketsOk', substitutions: ['Technician'] },
        { ok: true, message: 'glpiCheckFollowupsOk', substitutions: ['Technician'] },
        { ok: true, message: 'glpiCheckFilesOk', substitutions: ['Technician'] },
        { ok: null, message: 'glpiCheckTypesUnknown', substitutions: ['PNG, JPEG, Zip, HTML', 'Technician'] },
        { ok: true, message: 'glpiCheckSize', substitutions: ['2'] },
      ],
    });
  });

  it('a Self-Service account can file tickets with their files', async () => {
    await start({ profile: GLPI_PROFILES.selfService });
    const result = await test();
    expect(result.ok).toBe(true);
    expect(result.checks?.slice(0, 3).map((c) => [c.message, c.ok])).toEqual([
      ['glpiCheckTicketsOk', true],
      ['glpiCheckFollowupsOk', true],
      ['glpiCheckFilesOk', true],
    ]);
  });

  it('a profile that may read the document types: which of those Mayday sends GLPI refuses', async () => {
    await start({ profile: GLPI_PROFILES.superAdmin });
    expect((await test()).checks?.[3]).toEqual({
      ok: true,
      message: 'glpiCheckTypesOk',
      substitutions: ['PNG, JPEG, Zip, HTML'],
    });
    await glpi.close();
    const types = defaultDocumentTypes().filter((t) => !['zip', 'jpg'].includes(t.ext));
    await start({ profile: GLPI_PROFILES.superAdmin, documentTypes: types });
    const result = await test();
    expect(result).toMatchObject({ ok: false, problem: 'needs-change' });
    expect(result.checks?.[3]).toEqual({ ok: false, message: 'glpiCheckTypesRefused', substitutions: ['JPEG, Zip'] });
  });

  it('a profile without followups: what to tick in GLPI', async () => {
    await start({
      profile: { name: 'Hotline', interface: 'central', rights: { ticket: 31, document: 0, followup: 1 } },
    });
    const result = await test();
    expect(result).toMatchObject({ ok: false, problem: 'needs-change' });
    expect(result.checks?.filter((c) => c.ok === false).map((c) => c.message)).toEqual([
      'glpiCheckFollowupsMissing',
      'glpiCheckFilesMissing',
    ]);
  });

  it('a wrong App-Token, a profile that may not create tickets', async () => {
    await start();
    expect(await testGlpi({ ...config(), appToken: 'nope' }, ctx)).toMatchObject({ ok: false, problem: 'bad-token' });
    await glpi.close();
    await start({ profile: { name: 'Observer', interface: 'central', rights: { ticket: 1, followup: 1 } } });
    expect(await test()).toMatchObject({
      ok: false,
      problem: 'no-right',
      detail: 'the profile "Observer" cannot create tickets',
    });
  });
});
