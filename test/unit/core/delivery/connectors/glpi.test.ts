import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  GLPI_DETAILS_IN,
  glpiConnector,
  glpiFiles,
  testGlpi,
} from '../../../../../utils/core/delivery/connectors/glpi';
import { ticketBody } from '../../../../../utils/core/delivery/connectors/body';
import type { Attachment } from '../../../../../utils/core/model/ticket';
import {
  bytesOf,
  formOf,
  reply,
  sampleReport,
  scriptedFetch,
  sendContext,
  type SentRequest,
} from '../../../../support/connector-harness';

const config = { type: 'glpi' as const, url: 'https://glpi.example.org/', userToken: 'u-token', appToken: 'a-token' };
const API = 'https://glpi.example.org/apirest.php';
const TARGET = 'glpi:https://glpi.example.org';
const session = (token: string) => reply(200, { session_token: token });
const created = (id: number, upload?: { display: string; error?: string }) =>
  reply(201, { id, message: '', ...(upload ? { upload_result: { file0: [upload] } } : {}) });
const glpiError = (status: number, code: string, message = '') => reply(status, [code, message]);
const closed = () => reply(200, true);
const sha1 = (file: Attachment) => createHash('sha1').update(bytesOf(file)).digest('hex');
/** GET Ticket/N?with_documents=true: the documents GLPI holds for the ticket. */
const holding = (...files: Attachment[]) =>
  reply(200, { id: 12, _documents: files.map((f, i) => ({ id: 20 + i, filename: f.filename, sha1sum: sha1(f) })) });
const routes = (sent: SentRequest[]) => sent.map((r) => `${r.method} ${r.url}`);

async function expectFiles(request: SentRequest, files: Attachment[], input: Record<string, unknown>) {
  const form = await formOf(request);
  expect([...form.keys()]).toEqual(['uploadManifest', ...files.map((_, i) => `file${i}`)]);
  expect(JSON.parse(form.get('uploadManifest') as string)).toEqual({
    input: { ...input, _filename: files.map((f) => f.filename) },
  });
  for (const [i, file] of files.entries()) {
    const sent = form.get(`file${i}`) as File;
    expect(sent.name).toBe(file.filename);
    expect(sent.type).toBe(file.contentType);
    expect(Buffer.from(await sent.arrayBuffer())).toEqual(bytesOf(file));
  }
}

describe('GLPI files', () => {
  it('puts report.json inside report.zip, the same bytes on every attempt, the others as they are', () => {
    const report = sampleReport();
    const files = glpiFiles(report);
    expect(files.map((f) => [f.filename, f.contentType])).toEqual([
      ['screenshot.png', 'image/png'],
      ['report.zip', 'application/zip'],
    ]);
    expect(files[0]).toBe(report.attachments[0]);
    const zip = unzipSync(new Uint8Array(bytesOf(files[1])));
    expect(Object.keys(zip)).toEqual(['report.json']);
    expect(Buffer.from(zip['report.json'])).toEqual(bytesOf(report.attachments[1]));
    expect(glpiFiles(report)[1].data).toBe(files[1].data);
  });
});

describe('GLPI connector', () => {
  it('creates the ticket with every file in one request, checks what GLPI kept, closes the session', async () => {
    const report = sampleReport();
    const files = glpiFiles(report);
    const { fetch, sent } = scriptedFetch(
      session('s1'),
      created(12, { display: 'screenshot.png' }),
      holding(...files),
      closed(),
    );
    const { ctx, saved } = sendContext(fetch);
    expect(await glpiConnector(config).send(report, ctx)).toEqual({
      ok: true,
      receipt: { id: '12', url: 'https://glpi.example.org/front/ticket.form.php?id=12' },
    });
    expect(routes(sent)).toEqual([
      `GET ${API}/initSession`,
      `POST ${API}/Ticket/`,
      `GET ${API}/Ticket/12?with_documents=true`,
      `GET ${API}/killSession`,
    ]);
    expect(sent[0].headers).toEqual({ Authorization: 'user_token u-token', 'App-Token': 'a-token' });
    expect(sent[1].headers).toMatchObject({ 'Session-Token': 's1', 'App-Token': 'a-token' });
    expect(sent[1].headers['Content-Type']).toMatch(/^multipart\/form-data; boundary=mayday-/);
    await expectFiles(sent[1], files, {
      name: 'The invoice list stays empty',
      content: ticketBody(report.ticket, { detailsIn: GLPI_DETAILS_IN }).html,
    });
    expect(ticketBody(report.ticket, { detailsIn: GLPI_DETAILS_IN }).html).toContain(
      'All details are in report.json, inside the attached report.zip.',
    );
    // "Creation sent" and the files in it before the request; the ticket as soon as GLPI answers.
    const inCreation = { state: 'in-creation' };
    expect(saved.map((p) => [p.ticketId, p.files])).toEqual([
      [undefined, { 'screenshot.png': inCreation, 'report.zip': inCreation }],
      [12, { 'screenshot.png': inCreation, 'report.zip': inCreation }],
      [12, { 'screenshot.png': { state: 'attached' }, 'report.zip': { state: 'attached' } }],
    ]);
    expect(saved[0]).toMatchObject({ target: TARGET, createSent: true });
  });

  it('accepts the apirest.php address and sends no App-Token when none is set', async () => {
    const report = sampleReport();
    const { fetch, sent } = scriptedFetch(session('s1'), created(12), holding(...glpiFiles(report)), closed());
    await glpiConnector({ ...config, url: 'https://glpi.example.org/apirest.php', appToken: '' }).send(
      report,
      sendContext(fetch).ctx,
    );
    expect(sent[0]).toMatchObject({ url: `${API}/initSession`, headers: { Authorization: 'user_token u-token' } });
    expect(sent[1].headers).not.toHaveProperty('App-Token');
  });

  it('files the ticket when GLPI refuses the first file, and says which and why in a followup', async () => {
    const report = sampleReport();
    const [shot, zip] = glpiFiles(report);
    const { fetch, sent } = scriptedFetch(
      session('s1'),
      created(12, { display: 'screenshot.png', error: 'Filetype not allowed' }),
      holding(zip),
      created(40),
      closed(),
    );
    const { ctx, last } = sendContext(fetch);
    expect(await glpiConnector(config).send(report, ctx)).toMatchObject({ ok: true, receipt: { id: '12' } });
    expect(routes(sent)[3]).toBe(`POST ${API}/ITILFollowup/`);
    const { input } = JSON.parse(sent[3].body as string);
    expect(input).toMatchObject({ itemtype: 'Ticket', items_id: 12, is_private: 0 });
    expect(input.content).toContain(`<p>Mayday report ${report.ticket.id}: GLPI did not accept these files:</p>`);
    expect(input.content).toContain('<li>screenshot.png: Filetype not allowed</li>');
    expect(input.content).toContain('Setup &gt; Dropdowns &gt; Document types');
    expect(last()).toMatchObject({
      files: {
        [shot.filename]: { state: 'refused', reason: 'Filetype not allowed' },
        'report.zip': { state: 'attached' },
      },
      noteSent: true,
      noteDone: true,
    });
  });

  it.each([
    ['within the size limit: its type', '2', 'Filetype not allowed'],
    ['over the size limit: its size', '0.0001', 'File is too big'],
  ])('for a later file GLPI left out, %s (GLPI reports only the first)', async (_name, maxMb, reason) => {
    const report = sampleReport();
    const [shot] = glpiFiles(report);
    const { fetch, sent } = scriptedFetch(
      session('s1'),
      created(12, { display: 'screenshot.png' }),
      holding(shot),
      reply(200, { cfg_glpi: { document_max_size: maxMb } }),
      created(40),
      closed(),
    );
    // No screenshot in this report: nothing the outbox could make smaller.
    const noShot = { ...report, ticket: { ...report.ticket, screenshot: null } };
    expect(await glpiConnector(config).send(noShot, sendContext(fetch).ctx)).toMatchObject({ ok: true });
    expect(routes(sent)[3]).toBe(`GET ${API}/getGlpiConfig/`);
    expect(JSON.parse(sent[4].body as string).input.content).toContain(`<li>report.zip: ${reason}</li>`);
  });

  it('asks the outbox once for a smaller screenshot when GLPI finds it too big, then sends it to the ticket', async () => {
    const report = sampleReport();
    const [, zip] = glpiFiles(report);
    const first = scriptedFetch(
      session('s1'),
      created(12, { display: 'screenshot.png', error: 'File is too big' }),
      holding(zip),
      closed(),
    );
    const attempt = sendContext(first.fetch);
    expect(await glpiConnector(config).send(report, attempt.ctx)).toEqual({
      ok: false,
      failure: { kind: 'too-large', retryable: false, status: 201 },
    });
    expect(attempt.last()).toMatchObject({
      ticketId: 12,
      shrinkAsked: true,
      files: { 'report.zip': { state: 'attached' } },
    });
    expect(attempt.last().files).not.toHaveProperty('screenshot.png');

    const smaller: Attachment = { filename: 'screenshot.jpg', contentType: 'image/jpeg', data: 'AAEC' };
    const shrunk = { ...report, attachments: [smaller, report.attachments[1]] };
    const retry = scriptedFetch(session('s2'), created(21, { display: 'screenshot.jpg' }), closed());
    expect(await glpiConnector(config).send(shrunk, sendContext(retry.fetch, attempt.last()).ctx)).toMatchObject({
      ok: true,
      receipt: { id: '12' },
    });
    expect(routes(retry.sent)).toEqual([`GET ${API}/initSession`, `POST ${API}/Document/`, `GET ${API}/killSession`]);
    await expectFiles(retry.sent[1], [smaller], { itemtype: 'Ticket', items_id: 12 });
  });

  it('over post_max_size: a smaller screenshot once, then the ticket alone and each file after it', async () => {
    const report = sampleReport();
    const files = glpiFiles(report);
    const tooBig = () => glpiError(400, 'ERROR_UPLOAD_FILE_TOO_BIG_POST_MAX_SIZE', 'The file seems too big');
    const first = scriptedFetch(session('s1'), tooBig(), closed());
    const attempt = sendContext(first.fetch);
    expect(await glpiConnector(config).send(report, attempt.ctx)).toEqual({
      ok: false,
      failure: { kind: 'too-large', retryable: false, status: 400 },
    });
    expect(attempt.last()).toMatchObject({ shrinkAsked: true, files: {} });

    const retry = scriptedFetch(
      session('s2'),
      reply(200, []),
      tooBig(),
      created(12),
      created(20, { display: 'screenshot.png' }),
      created(21, { display: 'report.zip' }),
      closed(),
    );
    expect(await glpiConnector(config).send(report, sendContext(retry.fetch, attempt.last()).ctx)).toMatchObject({
      ok: true,
      receipt: { id: '12' },
    });
    expect(routes(retry.sent).slice(1, -1)).toEqual([
      `GET ${API}/Ticket/?searchText%5Bcontent%5D=${report.ticket.id}&only_id=true`,
      `POST ${API}/Ticket/`,
      `POST ${API}/Ticket/`,
      `POST ${API}/Document/`,
      `POST ${API}/Document/`,
    ]);
    expect(retry.sent[3].headers['Content-Type']).toBe('application/json');
    await expectFiles(retry.sent[4], [files[0]], { itemtype: 'Ticket', items_id: 12 });
    await expectFiles(retry.sent[5], [files[1]], { itemtype: 'Ticket', items_id: 12 });
  });

  it('a file GLPI refuses on its own (400 ERROR_GLPI_ADD) is named in the followup, the report sent', async () => {
    const report = sampleReport();
    const progress = {
      target: TARGET,
      createSent: true,
      ticketId: 12,
      files: { 'screenshot.png': { state: 'attached' } },
    };
    const { fetch, sent } = scriptedFetch(
      session('s1'),
      glpiError(400, 'ERROR_GLPI_ADD', 'File report.zip not found.'),
      reply(200, { cfg_glpi: { document_max_size: '2' } }),
      created(40),
      closed(),
    );
    expect(await glpiConnector(config).send(report, sendContext(fetch, progress).ctx)).toMatchObject({ ok: true });
    expect(JSON.parse(sent[3].body as string).input.content).toContain('<li>report.zip: Filetype not allowed</li>');
  });

  it('purges the empty Document of a GLPI that answers 201 to a refused upload', async () => {
    const report = sampleReport();
    const progress = {
      target: TARGET,
      createSent: true,
      ticketId: 12,
      files: { 'screenshot.png': { state: 'attached' } },
    };
    const { fetch, sent } = scriptedFetch(
      session('s1'),
      created(33, { display: 'report.zip', error: 'Filetype not allowed' }),
      reply(200, [{ 33: true, message: '' }]),
      created(40),
      closed(),
    );
    expect(await glpiConnector(config).send(report, sendContext(fetch, progress).ctx)).toMatchObject({ ok: true });
    expect(routes(sent).slice(1, 4)).toEqual([
      `POST ${API}/Document/`,
      `DELETE ${API}/Document/33?force_purge=true`,
      `POST ${API}/ITILFollowup/`,
    ]);
  });

  it('does not add the followup twice: after a lost reply it looks for it first', async () => {
    const report = sampleReport();
    const progress = {
      target: TARGET,
      createSent: true,
      ticketId: 12,
      files: {
        'screenshot.png': { state: 'refused', reason: 'Filetype not allowed' },
        'report.zip': { state: 'attached' },
      },
      noteSent: true,
    };
    const marker = `Mayday report ${report.ticket.id}: GLPI did not accept`;
    const { fetch, sent } = scriptedFetch(
      session('s1'),
      reply(200, [{ id: 40, content: `&#60;p&#62;${marker} these files:&#60;/p&#62;` }]),
      closed(),
    );
    const { ctx, last } = sendContext(fetch, progress);
    expect(await glpiConnector(config).send(report, ctx)).toMatchObject({ ok: true });
    expect(routes(sent)[1]).toBe(`GET ${API}/Ticket/12/ITILFollowup?range=0-199`);
    expect(last()).toMatchObject({ noteDone: true });
  });

  it('counts the report sent when the account may not add the followup', async () => {
    const report = sampleReport();
    const progress = {
      target: TARGET,
      createSent: true,
      ticketId: 12,
      files: {
        'screenshot.png': { state: 'refused', reason: 'Filetype not allowed' },
        'report.zip': { state: 'attached' },
      },
    };
    const { fetch } = scriptedFetch(
      session('s1'),
      glpiError(400, 'ERROR_GLPI_ADD', "You don't have permission to perform this action."),
      closed(),
    );
    expect(await glpiConnector(config).send(report, sendContext(fetch, progress).ctx)).toMatchObject({ ok: true });
  });

  it('trusts the upload result when this account may not read the ticket documents', async () => {
    const { fetch } = scriptedFetch(
      session('s1'),
      created(12, { display: 'screenshot.png' }),
      glpiError(403, 'ERROR_RIGHT_MISSING', "You don't have permission to perform this action."),
      closed(),
    );
    const attempt = sendContext(fetch);
    expect(await glpiConnector(config).send(sampleReport(), attempt.ctx)).toMatchObject({ ok: true });
    expect(attempt.last().files).toEqual({
      'screenshot.png': { state: 'attached' },
      'report.zip': { state: 'attached' },
    });
  });

  it('takes over the progress an earlier Mayday recorded: linked documents are not sent again', async () => {
    const report = sampleReport();
    const progress = {
      target: TARGET,
      createSent: true,
      ticketId: 12,
      documents: { 'screenshot.png': { id: 20, linked: true }, 'report.json': { id: 21, linked: false } },
    };
    const { fetch, sent } = scriptedFetch(session('s1'), created(22, { display: 'report.zip' }), closed());
    expect(await glpiConnector(config).send(report, sendContext(fetch, progress).ctx)).toMatchObject({ ok: true });
    expect(routes(sent)).toEqual([`GET ${API}/initSession`, `POST ${API}/Document/`, `GET ${API}/killSession`]);
    await expectFiles(sent[1], [glpiFiles(report)[1]], { itemtype: 'Ticket', items_id: 12 });
  });

  it('after a creation whose reply was lost, finds the ticket by the report id and checks its files', async () => {
    const report = sampleReport();
    const files = glpiFiles(report);
    const inCreation = Object.fromEntries(files.map((f) => [f.filename, { state: 'in-creation' }]));
    const { fetch, sent } = scriptedFetch(session('s3'), reply(200, [{ id: 12 }]), holding(...files), closed());
    const { ctx } = sendContext(fetch, { target: TARGET, createSent: true, files: inCreation });
    expect(await glpiConnector(config).send(report, ctx)).toMatchObject({ ok: true, receipt: { id: '12' } });
    expect(sent[1]).toMatchObject({
      method: 'GET',
      url: `${API}/Ticket/?searchText%5Bcontent%5D=${report.ticket.id}&only_id=true`,
    });
    expect(sent.filter((r) => r.url === `${API}/Ticket/` && r.method === 'POST')).toHaveLength(0);
  });

  it('ignores progress made against another GLPI: the ids there mean nothing here', async () => {
    const report = sampleReport();
    const other = { target: 'glpi:https://old-glpi.example.org', createSent: true, ticketId: 12, files: {} };
    const { fetch, sent } = scriptedFetch(session('s1'), created(40), holding(...glpiFiles(report)), closed());
    expect(await glpiConnector(config).send(report, sendContext(fetch, other).ctx)).toMatchObject({
      ok: true,
      receipt: { id: '40' },
    });
    expect(routes(sent)[1]).toBe(`POST ${API}/Ticket/`);
  });

  it('creates the ticket when the search finds nothing', async () => {
    const report = sampleReport();
    const { fetch, sent } = scriptedFetch(
      session('s3'),
      reply(200, []),
      created(13),
      holding(...glpiFiles(report)),
      closed(),
    );
    expect(
      await glpiConnector(config).send(report, sendContext(fetch, { target: TARGET, createSent: true }).ctx),
    ).toMatchObject({ ok: true, receipt: { id: '13' } });
    expect(sent[2]).toMatchObject({ method: 'POST', url: `${API}/Ticket/` });
  });

  it('opens a new session once when GLPI says the session token expired, and repeats the call', async () => {
    const report = sampleReport();
    const { fetch, sent } = scriptedFetch(
      session('s1'),
      glpiError(401, 'ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid'),
      session('s2'),
      created(12),
      holding(...glpiFiles(report)),
      closed(),
    );
    expect(await glpiConnector(config).send(report, sendContext(fetch).ctx)).toMatchObject({ ok: true });
    expect(sent[2].url).toBe(`${API}/initSession`);
    expect(sent[3]).toMatchObject({ url: `${API}/Ticket/`, headers: { 'Session-Token': 's2' } });
    expect(sent.at(-1)!.headers['Session-Token']).toBe('s2');
  });

  it('gives up when the new session expires too: unauthorized, and the session is closed', async () => {
    const expired = () => glpiError(401, 'ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid');
    const { fetch, sent } = scriptedFetch(session('s1'), expired(), session('s2'), expired(), closed());
    expect(await glpiConnector(config).send(sampleReport(), sendContext(fetch).ctx)).toEqual({
      ok: false,
      failure: { kind: 'unauthorized', retryable: false, status: 401 },
    });
    expect(sent.filter((r) => r.url.endsWith('/initSession'))).toHaveLength(2);
    expect(sent.at(-1)!.url).toBe(`${API}/killSession`);
  });

  it.each([
    [
      'a wrong user token',
      glpiError(401, 'ERROR_GLPI_LOGIN_USER_TOKEN', 'parameter user_token seems invalid'),
      { kind: 'unauthorized', retryable: false, status: 401 },
    ],
    [
      'a wrong App-Token',
      glpiError(400, 'ERROR_WRONG_APP_TOKEN_PARAMETER', 'parameter app_token seems wrong'),
      {
        kind: 'rejected',
        retryable: false,
        status: 400,
        detail: 'ERROR_WRONG_APP_TOKEN_PARAMETER: parameter app_token seems wrong',
      },
    ],
    [
      'the API switched off',
      glpiError(400, 'ERROR', 'API disabled'),
      { kind: 'rejected', retryable: false, status: 400, detail: 'ERROR: API disabled' },
    ],
    [
      'a server error',
      reply(503, 'maintenance', { 'Retry-After': '120' }),
      { kind: 'server', retryable: true, status: 503, detail: 'maintenance', retryAfterMs: 120_000 },
    ],
    [
      'a login page instead of the API',
      reply(200, '<html>login</html>'),
      {
        kind: 'bad-reply',
        retryable: false,
        detail: 'initSession answered without a session_token: is this the GLPI address?',
      },
    ],
  ])('classifies %s at initSession', async (_name, answer, failure) => {
    const { fetch, sent } = scriptedFetch(answer);
    expect(await glpiConnector(config).send(sampleReport(), sendContext(fetch).ctx)).toEqual({ ok: false, failure });
    expect(sent).toHaveLength(1);
  });

  it.each([
    [
      'a profile that may not create tickets',
      glpiError(400, 'ERROR_GLPI_ADD', "You don't have permission to perform this action."),
      {
        kind: 'rejected',
        retryable: false,
        status: 400,
        detail: "ERROR_GLPI_ADD: You don't have permission to perform this action.",
      },
    ],
    [
      'a server error',
      reply(502, 'Bad Gateway'),
      { kind: 'server', retryable: true, status: 502, detail: 'Bad Gateway' },
    ],
  ])('classifies %s at the creation', async (_name, answer, failure) => {
    const { fetch } = scriptedFetch(session('s1'), answer, closed());
    const { ctx, last } = sendContext(fetch);
    expect(await glpiConnector(config).send(sampleReport(), ctx)).toEqual({ ok: false, failure });
    expect(last()).toMatchObject({ target: TARGET, createSent: true });
  });

  it('classifies a refused connection as a retryable network failure', async () => {
    const { fetch } = scriptedFetch(new TypeError('Failed to fetch'));
    expect(await glpiConnector(config).send(sampleReport(), sendContext(fetch).ctx)).toEqual({
      ok: false,
      failure: { kind: 'network', retryable: true, detail: 'Failed to fetch' },
    });
  });
});

describe('GLPI connection test', () => {
  const fullSession = (rights: Record<string, number>, name = 'Technician', iface = 'central') =>
    reply(200, { session: { glpiactiveprofile: { name, interface: iface, ...rights } } });
  const technician = { ticket: 166919, document: 127, followup: 13319, typedoc: 0 };
  const config_ = (mb: string) => reply(200, { cfg_glpi: { document_max_size: mb } });
  const noRight = () => glpiError(403, 'ERROR_RIGHT_MISSING', "You don't have permission to perform this action.");

  it('opens a session, reads the profile, the document types and the size limit, closes the session', async () => {
    const types = ['png', 'jpg', 'zip', 'html', 'pdf'].map((ext) => ({ ext, is_uploadable: 1 }));
    const { fetch, sent } = scriptedFetch(
      session('s1'),
      fullSession({ ...technician, typedoc: 1 }),
      reply(200, types),
      config_('2'),
      closed(),
    );
    expect(await testGlpi(config, { fetch, timeoutMs: 1000 })).toEqual({
      ok: true,
      checks: [
        { ok: true, message: 'glpiCheckTicketsOk', substitutions: ['Technician'] },
        { ok: true, message: 'glpiCheckFollowupsOk', substitutions: ['Technician'] },
        { ok: true, message: 'glpiCheckFilesOk', substitutions: ['Technician'] },
        { ok: true, message: 'glpiCheckTypesOk', substitutions: ['PNG, JPEG, Zip, HTML'] },
        { ok: true, message: 'glpiCheckSize', substitutions: ['2'] },
      ],
    });
    expect(sent.map((r) => `${r.method} ${r.url} ${r.headers['Session-Token'] ?? r.headers.Authorization}`)).toEqual([
      `GET ${API}/initSession user_token u-token`,
      `GET ${API}/getFullSession/ s1`,
      `GET ${API}/DocumentType/?range=0-9999 s1`,
      `GET ${API}/getGlpiConfig/ s1`,
      `GET ${API}/killSession s1`,
    ]);
  });

  it.each([
    ['an extension', [{ ext: 'PNG', is_uploadable: 1 }], ['JPEG', 'Zip', 'HTML']],
    ['not uploadable', [{ ext: 'png', is_uploadable: 0 }], ['PNG', 'JPEG', 'Zip', 'HTML']],
    ['a /pattern/', [{ ext: '/\\.(png|jpe?g|zip|html)$/', is_uploadable: 1 }], []],
    ['a broken /pattern/', [{ ext: '/(/', is_uploadable: 1 }], ['PNG', 'JPEG', 'Zip', 'HTML']],
  ])('reads document types as GLPI does: %s', async (_name, types, refused) => {
    const { fetch } = scriptedFetch(
      session('s1'),
      fullSession({ ...technician, typedoc: 1 }),
      reply(200, types),
      config_('2'),
      closed(),
    );
    const result = await testGlpi(config, { fetch, timeoutMs: 1000 });
    expect(result.checks?.[3]).toEqual(
      refused.length
        ? { ok: false, message: 'glpiCheckTypesRefused', substitutions: [refused.join(', ')] }
        : { ok: true, message: 'glpiCheckTypesOk', substitutions: ['PNG, JPEG, Zip, HTML'] },
    );
    expect(result.ok).toBe(refused.length === 0);
  });

  it('a Self-Service profile: the right menu paths, the types not checkable', async () => {
    const { fetch } = scriptedFetch(
      session('s1'),
      fullSession({ ticket: 5, followup: 1 }, 'Self-Service', 'helpdesk'),
      noRight(),
      config_('2'),
      closed(),
    );
    expect(await testGlpi(config, { fetch, timeoutMs: 1000 })).toEqual({
      ok: false,
      problem: 'needs-change',
      detail: 'GLPI needs a change for the profile "Self-Service"',
      checks: [
        { ok: true, message: 'glpiCheckTicketsOk', substitutions: ['Self-Service'] },
        { ok: false, message: 'glpiCheckFollowupsMissing', substitutions: ['Self-Service'] },
        { ok: false, message: 'glpiCheckFilesMissingHelpdesk', substitutions: ['Self-Service'] },
        { ok: null, message: 'glpiCheckTypesUnknown', substitutions: ['PNG, JPEG, Zip, HTML', 'Self-Service'] },
        { ok: true, message: 'glpiCheckSize', substitutions: ['2'] },
      ],
    });
  });

  it.each([
    [
      'no right to create tickets',
      [session('s1'), fullSession({ ticket: 1, followup: 5 }, 'Observer'), noRight(), config_('2'), closed()],
      { problem: 'no-right', detail: 'the profile "Observer" cannot create tickets' },
    ],
    [
      'a wrong user token',
      [glpiError(401, 'ERROR_GLPI_LOGIN_USER_TOKEN', 'parameter user_token seems invalid')],
      { problem: 'bad-token', detail: 'HTTP 401' },
    ],
    [
      'a wrong App-Token',
      [glpiError(400, 'ERROR_WRONG_APP_TOKEN_PARAMETER', 'wrong')],
      { problem: 'bad-token', detail: 'ERROR_WRONG_APP_TOKEN_PARAMETER: wrong' },
    ],
    [
      'an address outside the API clients',
      [
        glpiError(
          400,
          'ERROR_NOT_ALLOWED_IP',
          "There isn't an active API client matching your IP address in the configuration (10.0.0.9)",
        ),
      ],
      {
        problem: 'no-right',
        detail:
          "ERROR_NOT_ALLOWED_IP: There isn't an active API client matching your IP address in the configuration (10.0.0.9)",
      },
    ],
    ['no server', [new TypeError('Failed to fetch')], { problem: 'unreachable', detail: 'Failed to fetch' }],
  ])('reports %s', async (_name, script, problem) => {
    const { fetch } = scriptedFetch(...(script as Response[]));
    expect(await testGlpi(config, { fetch, timeoutMs: 1000 })).toMatchObject({ ok: false, ...problem });
  });
});
