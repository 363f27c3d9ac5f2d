/**
 * Contract tests: the GLPI connector against test/helpdesks/fake-glpi.ts, a local server that answers
 * GLPI's documented requests and error replies (GLPI itself cannot be installed here).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { glpiConnector, testGlpi } from '../../../../../utils/core/delivery/connectors/glpi';
import { startFakeGlpi, type FakeGlpi } from '../../../../helpdesks/fake-glpi';
import { bytesOf, sampleReport, sendContext } from '../../../../support/connector-harness';

let glpi: FakeGlpi;
const config = () => ({ type: 'glpi' as const, url: glpi.url, userToken: 'user-token', appToken: 'app-token' });
const send = (progress: Record<string, unknown> = {}, report = sampleReport()) => {
  const attempt = sendContext(globalThis.fetch, progress);
  return { attempt, result: glpiConnector(config()).send(report, attempt.ctx) };
};
const routes = () => glpi.seen.map((s) => `${s.method} ${new URL(s.path, 'http://x').pathname}`);

beforeEach(async () => {
  glpi = await startFakeGlpi({ userToken: 'user-token', appToken: 'app-token', maxPostBytes: 200_000 });
});
afterEach(() => glpi.close());

describe('GLPI contract', () => {
  it('files one ticket with every file linked, byte for byte, and closes its session', async () => {
    const report = sampleReport();
    const result = await send({}, report).result;
    const [ticketId] = [...glpi.tickets.keys()];
    expect(result).toEqual({
      ok: true,
      receipt: { id: String(ticketId), url: `${glpi.url}/front/ticket.form.php?id=${ticketId}` },
    });
    expect(glpi.tickets.size).toBe(1);
    expect(glpi.tickets.get(ticketId)!.name).toBe('The invoice list stays empty');
    expect(glpi.tickets.get(ticketId)!.content).toContain(`Mayday report ${report.ticket.id}`);
    expect(glpi.filesOf(ticketId)).toEqual(new Map(report.attachments.map((f) => [f.filename, bytesOf(f)])));
    expect(routes().at(-1)).toBe('GET /apirest.php/killSession');
  });

  it('resumes after a failed upload on the next attempt without a second ticket', async () => {
    glpi.faultOnce(
      (s) => s.method === 'POST' && s.path.startsWith('/apirest.php/Document/') && s.body.includes('report.json'),
      { status: 500, body: ['ERROR_SQL', 'database went away'] },
    );
    const first = send();
    expect(await first.result).toEqual({
      ok: false,
      failure: { kind: 'server', retryable: true, status: 500, detail: 'ERROR_SQL: database went away' },
    });
    expect(glpi.tickets.size).toBe(1);

    const retry = send(first.attempt.last());
    expect(await retry.result).toMatchObject({ ok: true });
    expect(glpi.tickets.size).toBe(1);
    expect(glpi.documents.size).toBe(2);
    expect([...glpi.filesOf([...glpi.tickets.keys()][0]).keys()].sort()).toEqual(['report.json', 'screenshot.png']);
  });

  it('finds the ticket whose creation reply was lost instead of creating a second one', async () => {
    glpi.faultOnce((s) => s.method === 'POST' && s.path === '/apirest.php/Ticket/', 'drop-after');
    const first = send();
    expect(await first.result).toMatchObject({ ok: false, failure: { kind: 'network', retryable: true } });
    expect(glpi.tickets.size).toBe(1);

    expect(await send(first.attempt.last()).result).toMatchObject({ ok: true });
    expect(glpi.tickets.size).toBe(1);
    expect(glpi.links).toHaveLength(2);
  });

  it('opens a new session when GLPI answers that the session expired mid-way', async () => {
    glpi.faultOnce((s) => s.path.startsWith('/apirest.php/Document/'), {
      status: 401,
      body: ['ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid'],
    });
    expect(await send().result).toMatchObject({ ok: true });
    expect(routes().filter((r) => r === 'GET /apirest.php/initSession')).toHaveLength(2);
    expect(glpi.links).toHaveLength(2);
  });

  it('stops on a refused user token', async () => {
    const attempt = sendContext(globalThis.fetch);
    const result = await glpiConnector({ ...config(), userToken: 'stale' }).send(sampleReport(), attempt.ctx);
    expect(result).toEqual({ ok: false, failure: { kind: 'unauthorized', retryable: false, status: 401 } });
    expect(glpi.tickets.size).toBe(0);
  });

  it('reports an upload over post_max_size as too large, then completes the same ticket with a smaller file', async () => {
    const report = sampleReport();
    const big = {
      ...report,
      attachments: [
        { ...report.attachments[0], data: Buffer.alloc(300_000, 7).toString('base64') },
        report.attachments[1],
      ],
    };
    const first = send({}, big);
    expect(await first.result).toEqual({ ok: false, failure: { kind: 'too-large', retryable: false, status: 400 } });
    // The outbox re-encodes the screenshot smaller and tries again with the same progress.
    expect(await send(first.attempt.last(), report).result).toMatchObject({ ok: true });
    expect(glpi.tickets.size).toBe(1);
    expect(glpi.filesOf([...glpi.tickets.keys()][0]).get('screenshot.png')).toEqual(bytesOf(report.attachments[0]));
  });

  it('tests the connection: a working token, a wrong App-Token, a profile without the Document right', async () => {
    const ctx = { fetch: globalThis.fetch, timeoutMs: 5000 };
    expect(await testGlpi(config(), ctx)).toEqual({ ok: true });
    expect(await testGlpi({ ...config(), appToken: 'nope' }, ctx)).toMatchObject({ ok: false, problem: 'bad-token' });
    const limited = await startFakeGlpi({ userToken: 'user-token', rights: { ticket: 31, document: 1 } });
    try {
      expect(await testGlpi({ ...config(), url: limited.url, appToken: '' }, ctx)).toEqual({
        ok: false,
        problem: 'no-right',
        detail: 'the profile "Self-Service" cannot create: document',
      });
    } finally {
      await limited.close();
    }
  });
});
