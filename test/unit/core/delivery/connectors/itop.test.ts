import { describe, expect, it } from 'vitest';
import {
  itopBase,
  itopConnector,
  itopStatus,
  oqlString,
  testItop,
} from '../../../../../utils/core/delivery/connectors/itop';
import { ticketBody, ticketTitle } from '../../../../../utils/core/delivery/connectors/body';
import {
  reply,
  sampleReport,
  scriptedFetch,
  sendContext,
  type SentRequest,
} from '../../../../support/connector-harness';

const config = {
  type: 'itop' as const,
  url: 'https://itop.example.org/',
  user: 'mayday-rest',
  password: 'p@ss&word=1',
  token: '',
  organization: "Ville d'Exemple",
};
const REST = 'https://itop.example.org/webservices/rest.php';
const ok = (objects: Record<string, unknown> | null = null, message: string | null = null) =>
  reply(200, { code: 0, message, objects });
const object = (cls: string, id: number, fields: Record<string, unknown>) => ({
  [`${cls}::${id}`]: { code: 0, message: '', class: cls, key: String(id), fields },
});
const formOf = (request: SentRequest) => new URLSearchParams(request.body as string);
const operationOf = (request: SentRequest) => JSON.parse(formOf(request).get('json_data')!);

describe('iTop connector', () => {
  it('posts each operation form-encoded, with basic credentials and API version 1.3', async () => {
    const report = sampleReport();
    report.ticket.reporter = { name: 'Claire', email: 'claire@example.org' };
    const { fetch, sent } = scriptedFetch(
      ok(object('Organization', 2, { id: '2' })),
      ok(object('Person', 5, { id: '5' })),
      ok(object('UserRequest', 9, { id: '9', ref: 'R-000009', org_id: '2' })),
      ok(object('Attachment', 30, { id: '30' })),
      ok(object('Attachment', 31, { id: '31' })),
    );
    const { ctx, saved } = sendContext(fetch);
    expect(await itopConnector(config).send(report, ctx)).toEqual({
      ok: true,
      receipt: {
        id: 'R-000009',
        url: 'https://itop.example.org/pages/UI.php?operation=details&class=UserRequest&id=9',
      },
    });
    for (const request of sent) {
      expect(request).toMatchObject({ method: 'POST', url: REST });
      expect(request.headers['Content-Type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
      const form = formOf(request);
      expect([...form.keys()]).toEqual(['version', 'auth_user', 'auth_pwd', 'json_data']);
      expect([form.get('version'), form.get('auth_user'), form.get('auth_pwd')]).toEqual([
        '1.3',
        'mayday-rest',
        'p@ss&word=1',
      ]);
    }
    expect(operationOf(sent[0])).toEqual({
      operation: 'core/get',
      class: 'Organization',
      key: { name: "Ville d'Exemple" },
      output_fields: 'id',
    });
    expect(operationOf(sent[1])).toEqual({
      operation: 'core/get',
      class: 'Person',
      key: { email: 'claire@example.org', org_id: 2 },
      output_fields: 'id',
    });
    expect(operationOf(sent[2])).toEqual({
      operation: 'core/create',
      class: 'UserRequest',
      comment: `Mayday report ${report.ticket.id}`,
      output_fields: 'id,ref,org_id',
      fields: {
        org_id: 2,
        caller_id: 5,
        title: ticketTitle(report.ticket),
        description: ticketBody(report.ticket).html,
        origin: 'portal',
      },
    });
    expect(operationOf(sent[3])).toEqual({
      operation: 'core/create',
      class: 'Attachment',
      comment: `Mayday report ${report.ticket.id}`,
      output_fields: 'id',
      fields: {
        item_class: 'UserRequest',
        item_id: 9,
        item_org_id: 2,
        contents: { data: report.attachments[0].data, filename: 'screenshot.png', mimetype: 'image/png' },
      },
    });
    // "Creation sent" before the request; the request, then each file, as soon as iTop confirms them.
    expect(saved.map((p) => [p.createSent, (p.request as { ref?: string })?.ref, p.files])).toEqual([
      [true, undefined, {}],
      [true, 'R-000009', {}],
      [true, 'R-000009', { 'screenshot.png': 'sending' }],
      [true, 'R-000009', { 'screenshot.png': 30 }],
      [true, 'R-000009', { 'screenshot.png': 30, 'report.json': 'sending' }],
      [true, 'R-000009', { 'screenshot.png': 30, 'report.json': 31 }],
    ]);
  });

  it('signs in with auth_token when no login is set', async () => {
    const { fetch, sent } = scriptedFetch(reply(200, { code: 1, message: 'Error: Invalid login' }));
    await itopConnector({ ...config, user: '', password: '', token: 'tok' }).send(
      sampleReport(),
      sendContext(fetch).ctx,
    );
    expect([...formOf(sent[0])]).toEqual([
      ['version', '1.3'],
      ['auth_token', 'tok'],
      ['json_data', expect.any(String)],
    ]);
  });

  it('looks for the request by the report id after a lost creation reply', async () => {
    const report = sampleReport();
    const { fetch, sent } = scriptedFetch(
      ok(object('UserRequest', 9, { id: '9', ref: 'R-000009', org_id: '2' })),
      ok(object('Attachment', 30, { id: '30' })),
      ok(object('Attachment', 31, { id: '31' })),
    );
    const target = 'itop:https://itop.example.org';
    expect(
      await itopConnector(config).send(report, sendContext(fetch, { target, createSent: true }).ctx),
    ).toMatchObject({
      ok: true,
      receipt: { id: 'R-000009' },
    });
    expect(operationOf(sent[0]).key).toBe(
      `SELECT UserRequest WHERE description LIKE '%Mayday report ${report.ticket.id}%'`,
    );
  });

  it.each([
    [
      'a refused value',
      reply(200, { code: 100, message: 'Error: org_id: Invalid object' }),
      { kind: 'rejected', retryable: false, status: 200, detail: 'Error: org_id: Invalid object' },
    ],
    [
      'a wrong login',
      reply(200, { code: 1, message: 'Error: Invalid login' }),
      { kind: 'unauthorized', retryable: false, status: 401 },
    ],
    [
      'a server error',
      reply(503, 'down', { 'Retry-After': '60' }),
      { kind: 'server', retryable: true, status: 503, detail: 'down', retryAfterMs: 60_000 },
    ],
    [
      'a login page',
      reply(200, '<html>login</html>'),
      {
        kind: 'bad-reply',
        retryable: false,
        detail: 'iTop answered something other than JSON: is this the iTop address?',
      },
    ],
  ])('classifies %s', async (_name, answer, failure) => {
    const { fetch } = scriptedFetch(answer);
    expect(await itopConnector(config).send(sampleReport(), sendContext(fetch).ctx)).toEqual({ ok: false, failure });
  });

  it('accepts the rest.php address, and quotes OQL strings', () => {
    expect(itopBase(' https://h.example.org/itop/webservices/rest.php/ ')).toBe('https://h.example.org/itop');
    expect(oqlString("l'a\\b")).toBe("'l\\'a\\\\b'");
  });

  it.each([
    ['new', 'new'],
    ['assigned', 'in-progress'],
    ['escalated_ttr', 'in-progress'],
    ['waiting_for_approval', 'in-progress'],
    ['pending', 'waiting'],
    ['resolved', 'solved'],
    ['closed', 'closed'],
    ['rejected', 'closed'],
  ])('words the status %s as %s', (status, word) => {
    expect(itopStatus(status)).toBe(word);
  });

  it('tests the connection with harmless reads only', async () => {
    const { fetch, sent } = scriptedFetch(
      ok(null, 'Operations: 7'),
      ok(object('Organization', 2, { id: '2' })),
      ok(null, 'Found: 0'),
    );
    expect(await testItop(config, { fetch, timeoutMs: 1000 })).toMatchObject({ ok: true });
    expect(sent.map((r) => operationOf(r).operation)).toEqual(['list_operations', 'core/get', 'core/get']);
  });
});
