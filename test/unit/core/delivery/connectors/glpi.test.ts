import { describe, expect, it } from 'vitest';
import { glpiConnector, testGlpi } from '../../../../../utils/core/delivery/connectors/glpi';
import { ticketBody } from '../../../../../utils/core/delivery/connectors/body';
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
const created = (id: number) => reply(201, { id, message: '' });
const glpiError = (status: number, code: string, message = '') => reply(status, [code, message]);

async function expectUpload(request: SentRequest, file: { filename: string; contentType: string; data: string }) {
  expect(request.method).toBe('POST');
  expect(request.url).toBe(`${API}/Document/`);
  expect(request.headers).toMatchObject({ 'Session-Token': expect.any(String), 'App-Token': 'a-token' });
  const form = await formOf(request);
  expect([...form.keys()]).toEqual(['uploadManifest', 'filename[0]']);
  expect(JSON.parse(form.get('uploadManifest') as string)).toEqual({
    input: { name: file.filename, _filename: [file.filename] },
  });
  const sentFile = form.get('filename[0]') as File;
  expect(sentFile.name).toBe(file.filename);
  expect(sentFile.type).toBe(file.contentType);
  expect(Buffer.from(await sentFile.arrayBuffer())).toEqual(bytesOf(file));
}

describe('GLPI connector', () => {
  it('opens a session, creates the ticket, uploads and links each file, closes the session', async () => {
    const report = sampleReport();
    const { fetch, sent } = scriptedFetch(
      session('s1'),
      created(12),
      created(20),
      created(30),
      created(21),
      created(31),
      reply(200, true),
    );
    const { ctx, saved } = sendContext(fetch);
    const result = await glpiConnector(config).send(report, ctx);

    expect(result).toEqual({
      ok: true,
      receipt: { id: '12', url: 'https://glpi.example.org/front/ticket.form.php?id=12' },
    });
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${API}/initSession`,
      `POST ${API}/Ticket/`,
      `POST ${API}/Document/`,
      `POST ${API}/Document_Item/`,
      `POST ${API}/Document/`,
      `POST ${API}/Document_Item/`,
      `GET ${API}/killSession`,
    ]);
    expect(sent[0].headers).toEqual({ Authorization: 'user_token u-token', 'App-Token': 'a-token' });
    expect(sent[1].headers).toEqual({
      'Content-Type': 'application/json',
      'Session-Token': 's1',
      'App-Token': 'a-token',
    });
    expect(JSON.parse(sent[1].body as string)).toEqual({
      input: { name: 'The invoice list stays empty', content: ticketBody(report.ticket).html },
    });
    await expectUpload(sent[2], report.attachments[0]);
    expect(JSON.parse(sent[3].body as string)).toEqual({
      input: { documents_id: 20, itemtype: 'Ticket', items_id: 12 },
    });
    await expectUpload(sent[4], report.attachments[1]);
    expect(JSON.parse(sent[5].body as string)).toEqual({
      input: { documents_id: 21, itemtype: 'Ticket', items_id: 12 },
    });
    expect(sent[6].headers).toEqual({ 'Session-Token': 's1', 'App-Token': 'a-token' });
    expect(sent.every((r) => r.headers.credentials === undefined)).toBe(true);
    // The ticket id is stored before any file is sent, each document as soon as it exists.
    expect(saved).toEqual([
      { target: TARGET, createSent: true, documents: {} },
      { target: TARGET, createSent: true, ticketId: 12, documents: {} },
      { target: TARGET, createSent: true, ticketId: 12, documents: { 'screenshot.png': { id: 20, linked: false } } },
      { target: TARGET, createSent: true, ticketId: 12, documents: { 'screenshot.png': { id: 20, linked: true } } },
      {
        target: TARGET,
        createSent: true,
        ticketId: 12,
        documents: { 'screenshot.png': { id: 20, linked: true }, 'report.json': { id: 21, linked: false } },
      },
      {
        target: TARGET,
        createSent: true,
        ticketId: 12,
        documents: { 'screenshot.png': { id: 20, linked: true }, 'report.json': { id: 21, linked: true } },
      },
    ]);
  });

  it('accepts the apirest.php address and sends no App-Token when none is set', async () => {
    const { fetch, sent } = scriptedFetch(
      session('s1'),
      created(1),
      created(2),
      created(3),
      created(4),
      created(5),
      reply(200, true),
    );
    await glpiConnector({ ...config, url: 'https://glpi.example.org/apirest.php', appToken: '' }).send(
      sampleReport(),
      sendContext(fetch).ctx,
    );
    expect(sent[0]).toMatchObject({ url: `${API}/initSession`, headers: { Authorization: 'user_token u-token' } });
    expect(sent[1].headers).not.toHaveProperty('App-Token');
  });

  it('resumes after a failed upload: no second ticket, only the missing file', async () => {
    const report = sampleReport();
    const progress = {
      target: TARGET,
      createSent: true,
      ticketId: 12,
      documents: { 'screenshot.png': { id: 20, linked: true } },
    };
    const { fetch, sent } = scriptedFetch(session('s2'), created(21), created(31), reply(200, true));
    const result = await glpiConnector(config).send(report, sendContext(fetch, progress).ctx);
    expect(result).toMatchObject({ ok: true, receipt: { id: '12' } });
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${API}/initSession`,
      `POST ${API}/Document/`,
      `POST ${API}/Document_Item/`,
      `GET ${API}/killSession`,
    ]);
    await expectUpload(sent[1], report.attachments[1]);
  });

  it('links a document uploaded before the failure without uploading it again', async () => {
    const progress = {
      target: TARGET,
      createSent: true,
      ticketId: 12,
      documents: { 'screenshot.png': { id: 20, linked: false }, 'report.json': { id: 21, linked: true } },
    };
    const { fetch, sent } = scriptedFetch(session('s2'), created(30), reply(200, true));
    expect(await glpiConnector(config).send(sampleReport(), sendContext(fetch, progress).ctx)).toMatchObject({
      ok: true,
    });
    expect(JSON.parse(sent[1].body as string)).toEqual({
      input: { documents_id: 20, itemtype: 'Ticket', items_id: 12 },
    });
  });

  it('after a creation whose reply was lost, finds the ticket by the report id instead of creating another', async () => {
    const report = sampleReport();
    const { fetch, sent } = scriptedFetch(
      session('s3'),
      reply(200, [{ id: 12 }]),
      created(20),
      created(30),
      created(21),
      created(31),
      reply(200, true),
    );
    const { ctx, saved } = sendContext(fetch, { target: TARGET, createSent: true });
    expect(await glpiConnector(config).send(report, ctx)).toMatchObject({ ok: true, receipt: { id: '12' } });
    expect(sent[1]).toMatchObject({
      method: 'GET',
      url: `${API}/Ticket/?searchText%5Bcontent%5D=${report.ticket.id}&only_id=true`,
    });
    expect(sent.filter((r) => r.url === `${API}/Ticket/` && r.method === 'POST')).toHaveLength(0);
    expect(saved[0]).toEqual({
      target: TARGET,
      createSent: true,
      ticketId: 12,
      documents: { 'screenshot.png': { id: 20, linked: false } },
    });
  });

  it('ignores progress made against another GLPI: the ids there mean nothing here', async () => {
    const other = {
      target: 'glpi:https://old-glpi.example.org',
      createSent: true,
      ticketId: 12,
      documents: { 'screenshot.png': { id: 20, linked: true } },
    };
    const { fetch, sent } = scriptedFetch(
      session('s1'),
      created(40),
      created(41),
      created(42),
      created(43),
      created(44),
      reply(200, true),
    );
    expect(await glpiConnector(config).send(sampleReport(), sendContext(fetch, other).ctx)).toMatchObject({
      ok: true,
      receipt: { id: '40' },
    });
    expect(sent.map((r) => `${r.method} ${r.url}`).slice(1, 3)).toEqual([
      `POST ${API}/Ticket/`,
      `POST ${API}/Document/`,
    ]);
  });

  it('creates the ticket when the search finds nothing', async () => {
    const { fetch, sent } = scriptedFetch(
      session('s3'),
      reply(200, []),
      created(13),
      created(20),
      created(30),
      created(21),
      created(31),
      reply(200, true),
    );
    expect(
      await glpiConnector(config).send(sampleReport(), sendContext(fetch, { target: TARGET, createSent: true }).ctx),
    ).toMatchObject({ ok: true, receipt: { id: '13' } });
    expect(sent[2]).toMatchObject({ method: 'POST', url: `${API}/Ticket/` });
  });

  it('opens a new session once when GLPI says the session token expired, and repeats the call', async () => {
    const { fetch, sent } = scriptedFetch(
      session('s1'),
      created(12),
      glpiError(401, 'ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid'),
      session('s2'),
      created(20),
      created(30),
      created(21),
      created(31),
      reply(200, true),
    );
    expect(await glpiConnector(config).send(sampleReport(), sendContext(fetch).ctx)).toMatchObject({ ok: true });
    expect(sent[3].url).toBe(`${API}/initSession`);
    expect(sent[4]).toMatchObject({ url: `${API}/Document/`, headers: { 'Session-Token': 's2' } });
    expect(sent.at(-1)!.headers['Session-Token']).toBe('s2');
  });

  it('gives up when the new session expires too: unauthorized, and the session is closed', async () => {
    const expired = () => glpiError(401, 'ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid');
    const { fetch, sent } = scriptedFetch(session('s1'), expired(), session('s2'), expired(), reply(200, true));
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
      'post_max_size exceeded',
      glpiError(400, 'ERROR_UPLOAD_FILE_TOO_BIG_POST_MAX_SIZE', 'The file seems too big'),
      { kind: 'too-large', retryable: false, status: 400 },
    ],
    [
      'a missing right',
      glpiError(401, 'ERROR_RIGHT_MISSING', "You don't have permission to perform this action."),
      { kind: 'unauthorized', retryable: false, status: 401 },
    ],
    [
      'a 413 from the web server',
      reply(413, '<html>Request Entity Too Large</html>'),
      { kind: 'too-large', retryable: false, status: 413 },
    ],
    [
      'a refused file type',
      reply(201, { id: 20, upload_result: { filename: [{ name: 'x', error: 'Filetype not allowed' }] } }),
      { kind: 'rejected', retryable: false, status: 201, detail: 'Filetype not allowed' },
    ],
  ])('classifies %s at the upload, keeping the ticket for the retry', async (_name, answer, failure) => {
    const { fetch } = scriptedFetch(session('s1'), created(12), answer, reply(200, true));
    const { ctx, last } = sendContext(fetch);
    expect(await glpiConnector(config).send(sampleReport(), ctx)).toEqual({ ok: false, failure });
    expect(last()).toEqual({ target: TARGET, createSent: true, ticketId: 12, documents: {} });
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
  const fullSession = (ticket: number, document: number) =>
    reply(200, { session: { glpiactiveprofile: { name: 'Self-Service', ticket, document } } });

  it('opens a session, reads the profile, closes the session', async () => {
    const { fetch, sent } = scriptedFetch(session('s1'), fullSession(31, 31), reply(200, true));
    expect(await testGlpi(config, { fetch, timeoutMs: 1000 })).toEqual({ ok: true });
    expect(sent.map((r) => `${r.method} ${r.url} ${r.headers['Session-Token'] ?? r.headers.Authorization}`)).toEqual([
      `GET ${API}/initSession user_token u-token`,
      `GET ${API}/getFullSession/ s1`,
      `GET ${API}/killSession s1`,
    ]);
  });

  it.each([
    [
      'no right to create documents',
      [session('s1'), fullSession(31, 1), reply(200, true)],
      { problem: 'no-right', detail: 'the profile "Self-Service" cannot create: document' },
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
    expect(await testGlpi(config, { fetch, timeoutMs: 1000 })).toEqual({ ok: false, ...problem });
  });
});
