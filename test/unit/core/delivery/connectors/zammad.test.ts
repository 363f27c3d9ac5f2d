import { describe, expect, it } from 'vitest';
import { ticketBody } from '../../../../../utils/core/delivery/connectors/body';
import { testZammad, zammadConnector } from '../../../../../utils/core/delivery/connectors/zammad';
import { reply, sampleReport, scriptedFetch, sendContext } from '../../../../support/connector-harness';

const config = {
  type: 'zammad' as const,
  url: 'https://support.example.org',
  token: 'z-token',
  group: 'Users',
  customer: 'marie@example.org',
};
const TARGET = 'zammad:https://support.example.org';
const ticket = (id: number, number: string) => reply(201, { id, number, title: 'x' });

describe('Zammad connector', () => {
  it('POSTs the ticket, its first article and every file in one request', async () => {
    const report = sampleReport();
    const { fetch, sent } = scriptedFetch(ticket(9, '31009'));
    const { ctx, saved } = sendContext(fetch);
    expect(await zammadConnector(config).send(report, ctx)).toEqual({
      ok: true,
      receipt: { id: '31009', ref: '9', url: 'https://support.example.org/#ticket/zoom/9' },
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'POST', url: 'https://support.example.org/api/v1/tickets' });
    expect(sent[0].headers).toEqual({ Authorization: 'Token token=z-token', 'Content-Type': 'application/json' });
    expect(JSON.parse(sent[0].body as string)).toEqual({
      title: 'The invoice list stays empty',
      group: 'Users',
      customer: 'marie@example.org',
      article: {
        subject: 'The invoice list stays empty',
        body: ticketBody(report.ticket).html,
        content_type: 'text/html',
        type: 'note',
        internal: false,
        attachments: report.attachments.map((f) => ({
          filename: f.filename,
          data: f.data,
          'mime-type': f.contentType,
        })),
      },
    });
    expect(saved).toEqual([
      { target: TARGET, createSent: true },
      {
        target: TARGET,
        createSent: true,
        receipt: { id: '31009', ref: '9', url: 'https://support.example.org/#ticket/zoom/9' },
      },
    ]);
  });

  it('files for the reporter (guess:) when no customer is set, and for the token user when neither is known', async () => {
    const report = sampleReport();
    const withReporter = { ...report, ticket: { ...report.ticket, reporter: { email: 'paul@example.org' } } };
    const { fetch, sent } = scriptedFetch(ticket(1, '1'), ticket(2, '2'));
    await zammadConnector({ ...config, customer: ' ' }).send(withReporter, sendContext(fetch).ctx);
    await zammadConnector({ ...config, customer: '' }).send(report, sendContext(fetch).ctx);
    expect(JSON.parse(sent[0].body as string).customer).toBe('guess:paul@example.org');
    expect(JSON.parse(sent[1].body as string)).not.toHaveProperty('customer');
  });

  it('on a retry after a lost reply, finds the ticket by the report id and creates nothing', async () => {
    const report = sampleReport();
    const { fetch, sent } = scriptedFetch(reply(200, [{ id: 9, number: '31009', title: 'x' }]));
    const result = await zammadConnector(config).send(
      report,
      sendContext(fetch, { target: TARGET, createSent: true }).ctx,
    );
    expect(result).toEqual({
      ok: true,
      receipt: { id: '31009', ref: '9', url: 'https://support.example.org/#ticket/zoom/9' },
    });
    expect(sent[0]).toMatchObject({
      method: 'GET',
      url: `https://support.example.org/api/v1/tickets/search?query=${report.ticket.id}&limit=1&expand=true`,
      headers: { Authorization: 'Token token=z-token' },
    });
  });

  it('creates the ticket when the search finds nothing, or refuses for good; waits when the search fails for now', async () => {
    const none = scriptedFetch(reply(200, []), ticket(10, '31010'));
    expect(
      await zammadConnector(config).send(
        sampleReport(),
        sendContext(none.fetch, { target: TARGET, createSent: true }).ctx,
      ),
    ).toMatchObject({ ok: true, receipt: { id: '31010' } });
    const refused = scriptedFetch(reply(403, { error: 'Not authorized' }), ticket(11, '31011'));
    expect(
      await zammadConnector(config).send(
        sampleReport(),
        sendContext(refused.fetch, { target: TARGET, createSent: true }).ctx,
      ),
    ).toMatchObject({ ok: true, receipt: { id: '31011' } });
    const down = scriptedFetch(reply(502, 'bad gateway'));
    expect(
      await zammadConnector(config).send(
        sampleReport(),
        sendContext(down.fetch, { target: TARGET, createSent: true }).ctx,
      ),
    ).toEqual({ ok: false, failure: { kind: 'server', retryable: true, status: 502, detail: 'bad gateway' } });
    expect(down.left()).toBe(0);
  });

  it('answers from its progress once the ticket is known, without a request', async () => {
    const { fetch, sent } = scriptedFetch();
    const receipt = { id: '31009', url: 'https://support.example.org/#ticket/zoom/9' };
    expect(
      await zammadConnector(config).send(
        sampleReport(),
        sendContext(fetch, { target: TARGET, createSent: true, receipt }).ctx,
      ),
    ).toEqual({ ok: true, receipt });
    expect(sent).toHaveLength(0);
  });

  it('ignores a receipt from another helpdesk and files the report here', async () => {
    const { fetch, sent } = scriptedFetch(ticket(5, '31005'));
    const elsewhere = { target: 'zammad:https://old.example.org', createSent: true, receipt: { id: '99' } };
    expect(await zammadConnector(config).send(sampleReport(), sendContext(fetch, elsewhere).ctx)).toMatchObject({
      ok: true,
      receipt: { id: '31005' },
    });
    expect(sent.map((r) => r.method)).toEqual(['POST']);
  });

  it.each([
    [
      'an unknown token',
      reply(401, { error: "Can't find User for Token", error_human: "Can't find User for Token" }),
      { kind: 'unauthorized', retryable: false, status: 401 },
    ],
    [
      'a missing permission',
      reply(403, { error: 'Not authorized', error_human: 'Not authorized' }),
      { kind: 'unauthorized', retryable: false, status: 403 },
    ],
    [
      'an unknown group',
      reply(422, { error: 'No lookup value found for \'group\': "Userz"' }),
      { kind: 'rejected', retryable: false, status: 422, detail: 'No lookup value found for \'group\': "Userz"' },
    ],
    [
      'a body too big for nginx',
      reply(413, '<html><title>413 Request Entity Too Large</title></html>'),
      { kind: 'too-large', retryable: false, status: 413 },
    ],
    [
      'maintenance',
      reply(503, { error: 'Maintenance mode enabled!' }, { 'Retry-After': '30' }),
      { kind: 'server', retryable: true, status: 503, detail: 'Maintenance mode enabled!', retryAfterMs: 30_000 },
    ],
    [
      'a 201 without a number',
      reply(201, { id: 9 }),
      { kind: 'bad-reply', retryable: false, detail: 'Zammad answered without a ticket id and number' },
    ],
  ])('classifies %s', async (_name, answer, failure) => {
    const { fetch } = scriptedFetch(answer);
    expect(await zammadConnector(config).send(sampleReport(), sendContext(fetch).ctx)).toEqual({ ok: false, failure });
  });
});

describe('Zammad connection test', () => {
  it('asks who the token belongs to', async () => {
    const { fetch, sent } = scriptedFetch(reply(200, { id: 3, login: 'mayday' }));
    expect(await testZammad(config, { fetch, timeoutMs: 1000 })).toEqual({ ok: true });
    expect(sent).toEqual([
      {
        method: 'GET',
        url: 'https://support.example.org/api/v1/users/me',
        headers: { Authorization: 'Token token=z-token' },
        body: undefined,
      },
    ]);
  });

  it.each([
    [
      'an unknown token',
      reply(401, { error: "Can't find User for Token" }),
      { problem: 'bad-token', detail: 'HTTP 401' },
    ],
    [
      'a forbidden token',
      reply(403, { error: 'API token access disabled!' }),
      { problem: 'no-right', detail: 'HTTP 403' },
    ],
    [
      'something else at the address',
      reply(200, '<html></html>'),
      { problem: 'other', detail: 'the address answered, but not like Zammad' },
    ],
    ['a wrong path', reply(404, 'Not Found'), { problem: 'other', detail: 'HTTP 404: Not Found' }],
  ])('reports %s', async (_name, answer, problem) => {
    const { fetch } = scriptedFetch(answer);
    expect(await testZammad(config, { fetch, timeoutMs: 1000 })).toEqual({ ok: false, ...problem });
  });
});
