/**
 * Contract tests: the iTop connector against test/helpdesks/fake-itop.ts, a local server modelled
 * on what a real iTop 3.2.0 answers. `npm run test:itop` runs the same flows against a real iTop.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingReport } from '../../../../../utils/core/delivery/connector';
import { itopConnector, itopFollowUp, testItop } from '../../../../../utils/core/delivery/connectors/itop';
import type { FollowUpConnector } from '../../../../../utils/core/delivery/follow-up';
import { startFakeItop, type FakeItop, type FakeItopOptions } from '../../../../helpdesks/fake-itop';
import { bytesOf, sendContext } from '../../../../support/connector-harness';
import { samplePayload } from '../../../../support/tickets';

const ACCOUNTS: FakeItopOptions['accounts'] = [
  { login: 'mayday-rest', password: 'pw', rest: true, agent: true, friendlyName: 'REST Mayday' },
  { login: 'no-rest', password: 'pw', rest: false, agent: true, friendlyName: 'No Rest' },
  { login: 'rest-only', password: 'pw', rest: true, agent: false, friendlyName: 'Rest Only' },
];
const CLAIRE = { id: 5, email: 'claire.martin@example.org', org_id: 2, name: 'Claire Martin' };

let itop: FakeItop;
beforeEach(async () => {
  itop = await startFakeItop({
    accounts: ACCOUNTS,
    tokens: { 'tok-123': 'mayday-rest' },
    organizations: [
      { id: 1, name: 'My Company/Department' },
      { id: 2, name: 'Mayday Test' },
    ],
    persons: [CLAIRE, { id: 6, email: 'claire.martin@example.org', org_id: 1, name: 'Other Claire' }],
  });
});
afterEach(() => itop.close());

const config = (over: Partial<{ user: string; password: string; token: string; organization: string }> = {}) => ({
  type: 'itop' as const,
  url: itop.url,
  user: 'mayday-rest',
  password: 'pw',
  token: '',
  organization: 'Mayday Test',
  ...over,
});
const withReporter = (reporter?: { name?: string; email?: string }): OutgoingReport => {
  const report = samplePayload('Le bouton « Valider » ne répond plus');
  return { ...report, ticket: { ...report.ticket, ...(reporter ? { reporter } : {}) } };
};
const send = (report: OutgoingReport, progress: Record<string, unknown> = {}, over = {}) => {
  const attempt = sendContext(globalThis.fetch, progress);
  return { attempt, result: itopConnector(config(over)).send(report, attempt.ctx) };
};
const only = <T>(map: Map<number, T>) => {
  expect(map.size).toBe(1);
  return [...map][0];
};
const operations = () =>
  itop.seen.map((s) => JSON.parse(new URLSearchParams(s.body.toString('utf8')).get('json_data') ?? '{}').operation);

describe('iTop contract: delivery', () => {
  it('files a UserRequest for the organisation, with the caller found by email and every file byte for byte', async () => {
    const report = withReporter({ name: 'Claire Martin', email: 'claire.martin@example.org' });
    const result = await send(report).result;
    const [id, request] = only(itop.requests);
    expect(result).toEqual({
      ok: true,
      receipt: { id: 'R-000001', url: `${itop.url}/pages/UI.php?operation=details&class=UserRequest&id=${id}` },
    });
    expect(request).toMatchObject({
      org_id: 2,
      caller_id: 5,
      title: 'Le bouton « Valider » ne répond plus',
      origin: 'portal',
    });
    expect(request.description).toContain(`Mayday report ${report.ticket.id}`);
    expect(request.description).not.toContain('Reported by');
    const files = [...itop.attachments.values()];
    expect(files.map((f) => [f.item_class, f.item_id, f.item_org_id])).toEqual(
      report.attachments.map(() => ['UserRequest', id, 2]),
    );
    expect(new Map(files.map((f) => [f.filename, f.bytes]))).toEqual(
      new Map(report.attachments.map((f) => [f.filename, bytesOf(f)])),
    );
    expect(files.map((f) => f.mimetype)).toEqual(report.attachments.map((f) => f.contentType));
  });

  it('names the reporter in the description when iTop knows no such person in the organisation', async () => {
    const report = withReporter({ name: 'Jean <b>Dupont</b>', email: 'jean@example.org' });
    expect(await send(report).result).toMatchObject({ ok: true });
    const [, request] = only(itop.requests);
    expect(request.caller_id).toBe(0);
    expect(request.description).toMatch(
      /^<p><b>Reported by:<\/b> Jean &lt;b&gt;Dupont&lt;\/b&gt; &lt;jean@example\.org&gt;<\/p>/,
    );
  });

  it('files without a caller when the report has no reporter; the organisation may be given by number', async () => {
    expect(await send(withReporter(), {}, { organization: '1' }).result).toMatchObject({ ok: true });
    const [, request] = only(itop.requests);
    expect(request).toMatchObject({ org_id: 1, caller_id: 0 });
    expect(request.description).not.toContain('Reported by');
  });

  it('signs in with a token when no login is set', async () => {
    expect(await send(withReporter(), {}, { user: '', password: '', token: 'tok-123' }).result).toMatchObject({
      ok: true,
    });
    const form = new URLSearchParams(itop.seen[0].body.toString('utf8'));
    expect([form.get('auth_token'), form.has('auth_user'), form.has('auth_pwd')]).toEqual(['tok-123', false, false]);
  });

  it('finds the request whose creation reply was lost instead of creating a second one', async () => {
    itop.faultOnce(
      (s) => s.body.toString().includes('core%2Fcreate') && s.body.toString().includes('UserRequest'),
      'drop-after',
    );
    const report = withReporter();
    const first = send(report);
    expect(await first.result).toMatchObject({ ok: false, failure: { kind: 'network', retryable: true } });
    expect(itop.requests.size).toBe(1);
    expect(await send(report, first.attempt.last()).result).toMatchObject({ ok: true, receipt: { id: 'R-000001' } });
    expect(itop.requests.size).toBe(1);
    expect(itop.attachments.size).toBe(report.attachments.length);
  });

  it('does not send a file twice when the reply to its upload was lost', async () => {
    itop.faultOnce(
      (s) => s.body.toString().includes('Attachment') && s.body.toString().includes('report.json'),
      'drop-after',
    );
    const report = withReporter();
    const first = send(report);
    expect(await first.result).toMatchObject({ ok: false, failure: { kind: 'network' } });
    expect(await send(report, first.attempt.last()).result).toMatchObject({ ok: true });
    expect([...itop.attachments.values()].map((a) => a.filename).sort()).toEqual(
      report.attachments.map((f) => f.filename).sort(),
    );
  });

  it.each([
    ['a wrong password', { password: 'nope' }, { kind: 'unauthorized', retryable: false, status: 401 }],
    [
      'an account without the REST profile',
      { user: 'no-rest' },
      { kind: 'unauthorized', retryable: false, status: 401 },
    ],
    [
      'an account that may not create requests',
      { user: 'rest-only' },
      { kind: 'unauthorized', retryable: false, status: 401 },
    ],
    [
      'an organisation iTop does not have',
      { organization: 'Nowhere' },
      { kind: 'rejected', retryable: false, status: 404, detail: 'iTop has no organisation "Nowhere"' },
    ],
  ])('stops on %s, creating nothing', async (_name, over, failure) => {
    expect(await send(withReporter(), {}, over).result).toEqual({ ok: false, failure });
    expect(itop.requests.size).toBe(0);
  });

  it('classifies a page that is not iTop as a bad reply', async () => {
    const attempt = sendContext(globalThis.fetch);
    const result = await itopConnector({ ...config(), url: `${itop.url}/nothing-here` }).send(
      withReporter(),
      attempt.ctx,
    );
    expect(result).toMatchObject({ ok: false, failure: { kind: 'rejected', status: 404 } });
  });
});

describe('iTop contract: follow-up', () => {
  const ctx = { fetch: globalThis.fetch, timeoutMs: 5000, now: Date.now };
  const receipt = { id: 'R-000001' };
  const statusOf = async () => {
    const result = await itopFollowUp(config()).status(receipt, ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    return result.followUp;
  };
  const addReply = (
    attempt: ReturnType<typeof sendContext>,
    answer: Parameters<FollowUpConnector['addInformation']>[1],
  ) => itopFollowUp(config()).addInformation(receipt, answer, attempt.ctx);

  it('reads the status and the public answers, oldest first, without what Mayday added', async () => {
    await send(withReporter()).result;
    const [id] = only(itop.requests);
    expect(await statusOf()).toEqual({
      status: 'new',
      closed: false,
      replies: [],
    });
    itop.answer(id, 'Théo Support', 'Pouvez-vous réessayer ?');
    const added = sendContext(globalThis.fetch);
    await addReply(added, {
      id: 'r1',
      text: 'Toujours pareil.',
      author: 'Claire',
      attachments: [],
    });
    itop.answer(id, 'Théo Support', 'Corrigé.');
    itop.setStatus(id, 'resolved');
    const followUp = await statusOf();
    expect(followUp).toMatchObject({ status: 'solved', closed: false });
    expect(followUp).toHaveProperty('replies', [
      {
        id: 'public_log:0',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
        author: 'Théo Support',
        text: 'Pouvez-vous réessayer ?',
      },
      { id: 'public_log:2', at: expect.any(String), author: 'Théo Support', text: 'Corrigé.' },
    ]);
    itop.setStatus(id, 'closed');
    expect(await statusOf()).toMatchObject({ status: 'closed', closed: true });
  });

  it("adds the person's answer to the public log once, even when the first reply was lost", async () => {
    await send(withReporter()).result;
    const [id, request] = only(itop.requests);
    itop.faultOnce((s) => s.body.toString().includes('core%2Fupdate'), 'drop-after');
    const answer = {
      id: 'reply-1',
      text: 'Voici une nouvelle capture.\n<b>pas du HTML</b>',
      author: 'Claire Martin',
      attachments: [{ filename: 'screenshot-2.png', contentType: 'image/png', data: 'iVBORw0KGgo=' }],
    };
    const first = sendContext(globalThis.fetch);
    expect(await addReply(first, answer)).toMatchObject({ ok: false });
    const retry = sendContext(globalThis.fetch, first.last());
    expect(await addReply(retry, answer)).toEqual({ ok: true, receipt: { id: 'R-000001:reply-1' } });
    expect(request.public_log).toHaveLength(1);
    expect(request.public_log[0].message_html).toBe(
      '<p><b>Claire Martin</b> (Mayday reply reply-1):</p><p>Voici une nouvelle capture.<br>&lt;b&gt;pas du HTML&lt;/b&gt;</p>',
    );
    expect([...itop.attachments.values()].filter((a) => a.item_id === id).map((a) => a.filename)).toContain(
      'screenshot-2.png',
    );
    expect(operations().filter((o) => o === 'core/update')).toHaveLength(1);
  });
});

describe('iTop contract: Test connection', () => {
  const ctx = { fetch: globalThis.fetch, timeoutMs: 5000 };

  it('a REST account that may work: what it checked', async () => {
    expect(await testItop(config(), ctx)).toEqual({
      ok: true,
      checks: [
        { ok: true, message: 'itopCheckRest', substitutions: ['mayday-rest'] },
        { ok: true, message: 'itopCheckOrganisation', substitutions: ['Mayday Test', '2'] },
        { ok: true, message: 'itopCheckRead' },
      ],
    });
    expect(itop.requests.size).toBe(0);
  });

  it.each([
    ['a wrong password', { password: 'nope' }, { problem: 'bad-token', detail: 'Error: Invalid login' }],
    [
      'a wrong token',
      { user: '', password: '', token: 'nope' },
      { problem: 'bad-token', detail: 'Error: Invalid login' },
    ],
    ['no REST profile', { user: 'no-rest' }, { problem: 'no-right' }],
    ['no profile that may read requests', { user: 'rest-only' }, { problem: 'no-right' }],
    ['an unknown organisation', { organization: 'Nowhere' }, { problem: 'wrong-organisation', detail: 'Nowhere' }],
  ])('%s', async (_name, over, problem) => {
    expect(await testItop(config(over), ctx)).toMatchObject({ ok: false, ...problem });
  });

  it('says what to change for an account without a profile that may read requests', async () => {
    const result = await testItop(config({ user: 'rest-only' }), ctx);
    expect(result.checks?.at(-1)).toEqual({ ok: false, message: 'itopCheckReadMissing' });
  });
});
