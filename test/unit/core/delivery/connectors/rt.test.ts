import { describe, expect, it } from 'vitest';
import { ticketBody } from '../../../../../utils/core/delivery/connectors/body';
import { rtConnector, testRt } from '../../../../../utils/core/delivery/connectors/rt';
import { reply, sampleReport, scriptedFetch, sendContext } from '../../../../support/connector-harness';

const config = { type: 'rt' as const, url: 'https://intranet.example.org/rt/', token: '1-14-abc', queue: "Help'desk" };
const BASE = 'https://intranet.example.org/rt';
const TARGET = `rt:${BASE}`;

describe('Request Tracker connector', () => {
  it('POSTs the ticket with its queue, a marked subject, HTML content and every file', async () => {
    const report = sampleReport();
    const { fetch, sent } = scriptedFetch(reply(201, { id: '42', type: 'ticket', _url: `${BASE}/REST/2.0/ticket/42` }));
    expect(await rtConnector(config).send(report, sendContext(fetch).ctx)).toEqual({
      ok: true,
      receipt: { id: '42', url: `${BASE}/Ticket/Display.html?id=42` },
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: `${BASE}/REST/2.0/ticket`,
      headers: { Authorization: 'token 1-14-abc', 'Content-Type': 'application/json' },
    });
    expect(JSON.parse(sent[0].body as string)).toEqual({
      Queue: "Help'desk",
      Subject: `The invoice list stays empty [Mayday ${report.ticket.id.slice(0, 8)}]`,
      Content: ticketBody(report.ticket).html,
      ContentType: 'text/html',
      Attachments: report.attachments.map((f) => ({
        FileName: f.filename,
        FileType: f.contentType,
        FileContent: f.data,
      })),
    });
  });

  it('on a retry after a lost reply, searches the queue for the subject marker and creates nothing', async () => {
    const report = sampleReport();
    const { fetch, sent } = scriptedFetch(reply(200, { count: 1, items: [{ id: '42', type: 'ticket' }] }));
    expect(
      await rtConnector(config).send(report, sendContext(fetch, { target: TARGET, createSent: true }).ctx),
    ).toMatchObject({ ok: true, receipt: { id: '42' } });
    const query = `Queue = 'Help\\'desk' AND Subject LIKE '[Mayday ${report.ticket.id.slice(0, 8)}]'`;
    expect(sent[0]).toMatchObject({
      method: 'GET',
      url: `${BASE}/REST/2.0/tickets?query=${encodeURIComponent(query)}&per_page=1`,
    });
  });

  it('creates the ticket when the search finds nothing', async () => {
    const { fetch, sent } = scriptedFetch(reply(200, { count: 0, items: [] }), reply(201, { id: '43' }));
    expect(
      await rtConnector(config).send(sampleReport(), sendContext(fetch, { target: TARGET, createSent: true }).ctx),
    ).toMatchObject({ ok: true, receipt: { id: '43' } });
    expect(sent.map((r) => r.method)).toEqual(['GET', 'POST']);
  });

  it.each([
    ['a wrong token', reply(401, { message: 'Unauthorized' }), { kind: 'unauthorized', retryable: false, status: 401 }],
    [
      'an unknown or forbidden queue',
      reply(403, { message: "No permission to create tickets in the queue 'Nope'" }),
      { kind: 'unauthorized', retryable: false, status: 403 },
    ],
    [
      'a refused value',
      reply(400, { message: 'Invalid value for Status' }),
      { kind: 'rejected', retryable: false, status: 400, detail: 'Invalid value for Status' },
    ],
    [
      'a body too big for the web server',
      reply(413, 'Request Entity Too Large'),
      { kind: 'too-large', retryable: false, status: 413 },
    ],
    [
      'an internal error',
      reply(500, 'Internal Server Error'),
      { kind: 'server', retryable: true, status: 500, detail: 'Internal Server Error' },
    ],
    [
      'a reply without an id',
      reply(201, {}),
      { kind: 'bad-reply', retryable: false, detail: 'RT answered without a ticket id' },
    ],
  ])('classifies %s', async (_name, answer, failure) => {
    const { fetch } = scriptedFetch(answer);
    expect(await rtConnector(config).send(sampleReport(), sendContext(fetch).ctx)).toEqual({ ok: false, failure });
  });
});

describe('Request Tracker connection test', () => {
  const queue = (links: string[], disabled = 0) =>
    reply(200, { id: 1, Name: 'General', Disabled: disabled, _hyperlinks: links.map((ref) => ({ ref })) });

  it('reads the queue and finds the create link', async () => {
    const { fetch, sent } = scriptedFetch(queue(['self', 'history', 'create']));
    expect(await testRt(config, { fetch, timeoutMs: 1000 })).toEqual({ ok: true });
    expect(sent[0]).toMatchObject({
      method: 'GET',
      url: `${BASE}/REST/2.0/queue/Help'desk`,
      headers: { Authorization: 'token 1-14-abc' },
    });
  });

  it.each([
    [
      'an unknown queue',
      reply(404, { message: 'Not Found' }),
      { problem: 'wrong-queue', detail: 'HTTP 404: Not Found' },
    ],
    [
      'a disabled queue',
      queue(['self', 'create'], 1),
      { problem: 'wrong-queue', detail: `the queue "Help'desk" is disabled` },
    ],
    [
      'no right to create',
      queue(['self', 'history']),
      { problem: 'no-right', detail: `no right to create tickets in "Help'desk"` },
    ],
    ['a wrong token', reply(401, { message: 'Unauthorized' }), { problem: 'bad-token', detail: 'HTTP 401' }],
  ])('reports %s', async (_name, answer, problem) => {
    const { fetch } = scriptedFetch(answer);
    expect(await testRt(config, { fetch, timeoutMs: 1000 })).toEqual({ ok: false, ...problem });
  });
});

describe('Request Tracker requester', () => {
  it('files the ticket with the reporter as Requestor', async () => {
    const report = sampleReport();
    report.ticket.reporter = { name: 'Ana Lima', email: 'ana@example.org' };
    const { fetch, sent } = scriptedFetch(reply(201, { id: '7', type: 'ticket' }));
    await rtConnector(config).send(report, sendContext(fetch).ctx);
    expect(JSON.parse(sent[0].body as string).Requestor).toBe('ana@example.org');
  });
});
