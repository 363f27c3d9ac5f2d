/**
 * Contract tests: the Zammad connector against test/helpdesks/fake-zammad.ts, a local server that
 * answers Zammad's documented requests and error replies (Zammad itself cannot be installed here).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testZammad, zammadConnector } from '../../../../../utils/core/delivery/connectors/zammad';
import { startFakeZammad, type FakeZammad } from '../../../../helpdesks/fake-zammad';
import { sampleReport, sendContext } from '../../../../support/connector-harness';

let zammad: FakeZammad;
const config = () => ({ type: 'zammad' as const, url: zammad.url, token: 'z-token', group: 'Users', customer: '' });
const send = (progress: Record<string, unknown> = {}, change: Partial<ReturnType<typeof config>> = {}) => {
  const attempt = sendContext(globalThis.fetch, progress);
  return { attempt, result: zammadConnector({ ...config(), ...change }).send(sampleReport(), attempt.ctx) };
};

beforeEach(async () => {
  zammad = await startFakeZammad({ token: 'z-token', groups: ['Users'], maxBodyBytes: 100_000 });
});
afterEach(() => zammad.close());

describe('Zammad contract', () => {
  it('creates one ticket whose article carries every file intact', async () => {
    const report = sampleReport();
    expect(await send().result).toEqual({
      ok: true,
      receipt: { id: '31001', ref: '1', url: `${zammad.url}/#ticket/zoom/1` },
    });
    const [ticket] = [...zammad.tickets.values()];
    expect(ticket.title).toBe('The invoice list stays empty');
    expect(ticket.article.attachments.map((a) => [a.filename, a['mime-type'], Buffer.from(a.data, 'base64')])).toEqual(
      report.attachments.map((f) => [f.filename, f.contentType, Buffer.from(f.data, 'base64')]),
    );
  });

  it('after a lost reply, the retry finds the ticket and creates no second one', async () => {
    zammad.faultOnce((s) => s.method === 'POST', 'drop-after');
    const first = send();
    expect(await first.result).toMatchObject({ ok: false, failure: { kind: 'network', retryable: true } });
    expect(zammad.tickets.size).toBe(1);
    expect(await send(first.attempt.last()).result).toEqual({
      ok: true,
      receipt: { id: '31001', ref: '1', url: `${zammad.url}/#ticket/zoom/1` },
    });
    expect(zammad.tickets.size).toBe(1);
  });

  it('after a refusal that reached nothing, the retry searches, finds nothing and creates the ticket', async () => {
    zammad.faultOnce((s) => s.method === 'POST', { status: 502, text: 'Bad Gateway' });
    const first = send();
    expect(await first.result).toMatchObject({ ok: false, failure: { kind: 'server', status: 502 } });
    expect(await send(first.attempt.last()).result).toMatchObject({ ok: true });
    expect(zammad.tickets.size).toBe(1);
    expect(zammad.seen.map((s) => s.method)).toEqual(['POST', 'GET', 'POST']);
  });

  it.each([
    ['an unknown token (401)', { token: 'revoked' }, { kind: 'unauthorized', retryable: false, status: 401 }],
    [
      'an unknown group (422)',
      { group: 'Userz' },
      { kind: 'rejected', retryable: false, status: 422, detail: `No lookup value found for 'group': "Userz"` },
    ],
  ])('stops on %s', async (_name, change, failure) => {
    expect(await send({}, change).result).toEqual({ ok: false, failure });
    expect(zammad.tickets.size).toBe(0);
  });

  it('reports a body over the web server limit as too large (413)', async () => {
    await zammad.close();
    zammad = await startFakeZammad({ token: 'z-token', groups: ['Users'], maxBodyBytes: 500 });
    expect(await send().result).toEqual({ ok: false, failure: { kind: 'too-large', retryable: false, status: 413 } });
  });

  it('stops on a token without the right to create tickets (403)', async () => {
    await zammad.close();
    zammad = await startFakeZammad({ token: 'z-token', groups: ['Users'], canCreate: false });
    expect(await send().result).toEqual({
      ok: false,
      failure: { kind: 'unauthorized', retryable: false, status: 403 },
    });
  });

  it('tests the connection', async () => {
    const ctx = { fetch: globalThis.fetch, timeoutMs: 5000 };
    expect(await testZammad(config(), ctx)).toEqual({ ok: true });
    expect(await testZammad({ ...config(), token: 'revoked' }, ctx)).toEqual({
      ok: false,
      problem: 'bad-token',
      detail: 'HTTP 401',
    });
    expect(await testZammad({ ...config(), url: 'http://127.0.0.1:9' }, ctx)).toMatchObject({
      ok: false,
      problem: 'unreachable',
    });
  });
});
