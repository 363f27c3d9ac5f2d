import { describe, expect, it } from 'vitest';
import { redmineBody } from '../../../../../utils/core/delivery/connectors/body';
import { redmineConnector, testRedmine } from '../../../../../utils/core/delivery/connectors/redmine';
import { bytesOf, reply, sampleReport, scriptedFetch, sendContext } from '../../../../support/connector-harness';

const config = {
  type: 'redmine' as const,
  url: 'https://redmine.example.org',
  apiKey: 'r-key',
  projectId: 'it-support',
  trackerId: '3',
};
const B = 'https://redmine.example.org';
const uploaded = (token: string) => reply(201, { upload: { id: 1, token } });

describe('Redmine connector', () => {
  it('uploads each file as raw bytes, then creates the issue with the upload tokens', async () => {
    const report = sampleReport();
    const { fetch, sent } = scriptedFetch(uploaded('1.aaa'), uploaded('2.bbb'), reply(201, { issue: { id: 77 } }));
    expect(await redmineConnector(config).send(report, sendContext(fetch).ctx)).toEqual({
      ok: true,
      receipt: { id: '77', url: `${B}/issues/77` },
    });
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST ${B}/uploads.json?filename=screenshot.png`,
      `POST ${B}/uploads.json?filename=report.json`,
      `POST ${B}/issues.json`,
    ]);
    for (const [n, file] of report.attachments.entries()) {
      expect(sent[n].headers).toEqual({ 'X-Redmine-API-Key': 'r-key', 'Content-Type': 'application/octet-stream' });
      expect(Buffer.from(sent[n].body as Uint8Array)).toEqual(bytesOf(file));
    }
    expect(sent[2].headers).toEqual({ 'X-Redmine-API-Key': 'r-key', 'Content-Type': 'application/json' });
    expect(JSON.parse(sent[2].body as string)).toEqual({
      issue: {
        project_id: 'it-support',
        tracker_id: 3,
        subject: 'The invoice list stays empty',
        description: redmineBody(report.ticket),
        uploads: [
          { token: '1.aaa', filename: 'screenshot.png', content_type: 'image/png' },
          { token: '2.bbb', filename: 'report.json', content_type: 'application/json' },
        ],
      },
    });
  });

  it('leaves the tracker to the project when none is set', async () => {
    const { fetch, sent } = scriptedFetch(uploaded('1'), uploaded('2'), reply(201, { issue: { id: 1 } }));
    await redmineConnector({ ...config, trackerId: '' }).send(sampleReport(), sendContext(fetch).ctx);
    expect(JSON.parse(sent[2].body as string).issue).not.toHaveProperty('tracker_id');
  });

  it('on a retry after a lost reply, finds the issue by the report id in its description', async () => {
    const report = sampleReport();
    const { fetch, sent } = scriptedFetch(reply(200, { issues: [{ id: 77 }], total_count: 1 }));
    expect(
      await redmineConnector(config).send(report, sendContext(fetch, { target: `redmine:${B}`, createSent: true }).ctx),
    ).toMatchObject({ ok: true, receipt: { id: '77' } });
    expect(sent[0]).toMatchObject({
      method: 'GET',
      url: `${B}/issues.json?project_id=it-support&status_id=*&description=~${report.ticket.id}&limit=1`,
    });
  });

  it.each([
    [
      'a file over the size limit',
      'en',
      reply(422, {
        errors: ['This file cannot be uploaded because it exceeds the maximum allowed file size (5242880)'],
      }),
      { kind: 'too-large', retryable: false, status: 422 },
    ],
    [
      'a file over the size limit',
      'fr',
      reply(422, {
        errors: ['Ce fichier ne peut pas être attaché car il excède la taille maximale autorisée (5242880)'],
      }),
      { kind: 'too-large', retryable: false, status: 422 },
    ],
    [
      'a refused file type',
      'en',
      reply(422, { errors: ['Filename is invalid'] }),
      { kind: 'rejected', retryable: false, status: 422, detail: 'Filename is invalid' },
    ],
    ['a wrong key', 'en', reply(401, ''), { kind: 'unauthorized', retryable: false, status: 401 }],
  ])('classifies %s at upload (%s)', async (_name, _lang, answer, failure) => {
    const { fetch, sent } = scriptedFetch(answer);
    expect(await redmineConnector(config).send(sampleReport(), sendContext(fetch).ctx)).toEqual({ ok: false, failure });
    expect(sent).toHaveLength(1);
  });

  it.each([
    [
      'an unknown project',
      reply(404, 'Not Found'),
      { kind: 'rejected', retryable: false, status: 404, detail: 'Not Found' },
    ],
    ['no right to add issues', reply(403, ''), { kind: 'unauthorized', retryable: false, status: 403 }],
    [
      'a refused issue',
      reply(422, { errors: ['Subject cannot be blank', 'Tracker is not included in the list'] }),
      {
        kind: 'rejected',
        retryable: false,
        status: 422,
        detail: 'Subject cannot be blank; Tracker is not included in the list',
      },
    ],
  ])('classifies %s at creation', async (_name, answer, failure) => {
    const { fetch } = scriptedFetch(uploaded('1'), uploaded('2'), answer);
    expect(await redmineConnector(config).send(sampleReport(), sendContext(fetch).ctx)).toEqual({ ok: false, failure });
  });
});

describe('Redmine connection test', () => {
  const me = () => reply(200, { user: { id: 1, login: 'mayday' } });
  const project = (trackers: number[]) =>
    reply(200, {
      project: { id: 1, identifier: 'it-support', trackers: trackers.map((id) => ({ id, name: `T${id}` })) },
    });

  it('checks the key, then the project and its tracker', async () => {
    const { fetch, sent } = scriptedFetch(me(), project([1, 3]));
    expect(await testRedmine(config, { fetch, timeoutMs: 1000 })).toEqual({ ok: true });
    expect(sent.map((r) => r.url)).toEqual([
      `${B}/users/current.json`,
      `${B}/projects/it-support.json?include=trackers`,
    ]);
    expect(sent.every((r) => r.headers['X-Redmine-API-Key'] === 'r-key')).toBe(true);
  });

  it.each([
    ['a wrong key', [reply(401, '')], { problem: 'bad-token', detail: 'HTTP 401' }],
    [
      'an unknown project',
      [me(), reply(404, 'Not Found')],
      { problem: 'wrong-project', detail: 'HTTP 404: Not Found' },
    ],
    ['a project the key may not see', [me(), reply(403, '')], { problem: 'no-right', detail: 'HTTP 403' }],
    [
      'a tracker the project lacks',
      [me(), project([1, 2])],
      { problem: 'wrong-project', detail: 'tracker 3 is not enabled in project "it-support"' },
    ],
    [
      'the REST API switched off',
      [reply(200, '<html>login</html>')],
      { problem: 'other', detail: 'the address answered, but not like Redmine (is the REST API enabled?)' },
    ],
  ])('reports %s', async (_name, script, problem) => {
    const { fetch } = scriptedFetch(...script);
    expect(await testRedmine(config, { fetch, timeoutMs: 1000 })).toEqual({ ok: false, ...problem });
  });
});

describe('Redmine requester', () => {
  const withReporter = () => {
    const report = sampleReport();
    report.ticket.reporter = { name: 'Ana Lima', email: 'Ana@Example.org' };
    return report;
  };

  it('files as the user with the requester address when allowed (X-Redmine-Switch-User, files too)', async () => {
    const { fetch, sent } = scriptedFetch(
      reply(200, {
        users: [
          { login: 'anna', mail: 'anna@example.org' },
          { login: 'ana', mail: 'ana@example.org' },
        ],
      }),
      reply(201, { upload: { token: 't1' } }),
      reply(201, { upload: { token: 't2' } }),
      reply(201, { issue: { id: 5 } }),
    );
    await redmineConnector({ ...config, switchUser: true }).send(withReporter(), sendContext(fetch).ctx);
    expect(sent[0].url).toContain('/users.json?status=1&limit=25&name=ana%40example.org');
    expect(sent.slice(1).map((s) => s.headers['X-Redmine-Switch-User'])).toEqual(['ana', 'ana', 'ana']);
    expect(JSON.parse(sent[3].body as string).issue.description).not.toContain('Reported by');
  });

  it('says who reported it when impersonation is off or no user matches (a key that cannot list users)', async () => {
    for (const switchUser of [false, true]) {
      const script = [
        reply(201, { upload: { token: 't1' } }),
        reply(201, { upload: { token: 't2' } }),
        reply(201, { issue: { id: 5 } }),
      ];
      const { fetch, sent } = scriptedFetch(...(switchUser ? [reply(403, ''), ...script] : script));
      await redmineConnector({ ...config, switchUser }).send(withReporter(), sendContext(fetch).ctx);
      const create = sent.at(-1)!;
      expect(create.headers['X-Redmine-Switch-User']).toBeUndefined();
      expect(JSON.parse(create.body as string).issue.description).toMatch(
        /^Reported by: Ana Lima &#60;Ana&#64;\u2060Example\.org&#62;\n\n/,
      );
    }
  });
});
