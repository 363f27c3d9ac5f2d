/** With a token set, nothing is read or changed without it; a technician's browser signs in once. */
import { readdir } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { samplePayload } from '../../support/tickets';
import { AUTH, form, FORM, postJson, raw, TOKEN, useReceiver } from './rig';

const rig = useReceiver();

beforeEach(async () => {
  expect((await postJson(`${rig.receiver.url}/tickets`, samplePayload('Stored before the tests'))).status).toBe(201);
});

/** Signs in through the form as a browser would, and returns the cookie to send back. */
async function signIn(): Promise<string> {
  const res = await raw(rig.receiver.url, 'POST', '/login', FORM, form({ token: TOKEN, next: '/tickets/1/page' }));
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe('/tickets/1/page');
  const cookie = String(res.headers['set-cookie']);
  expect(cookie).toMatch(/; HttpOnly/);
  expect(cookie).toMatch(/; SameSite=Strict/);
  expect(cookie).not.toContain(TOKEN);
  return cookie.split(';')[0];
}

const READ_ROUTES = [
  '/',
  '/tickets',
  '/tickets/1',
  '/tickets/1/ticket.json',
  '/tickets/1/page',
  '/tickets/1/status',
  '/tickets/1/attachments/screenshot.png',
  '/tickets/1/attachments/report.html',
  '/tickets/2',
  '/nothing-here',
];

describe('with a token', () => {
  it.each(READ_ROUTES)('GET %s answers 401 without it or with a wrong one', async (path) => {
    for (const headers of <Record<string, string>[]>[
      {},
      { Authorization: 'Bearer wrong' },
      { Cookie: 'mayday_receiver_session=wrong' },
    ]) {
      const res = await raw(rig.receiver.url, 'GET', path, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.body).not.toContain('Stored before the tests');
    }
  });

  it('answers every route with the bearer token', async () => {
    const statuses = await Promise.all(
      READ_ROUTES.map(async (path) => (await raw(rig.receiver.url, 'GET', path, AUTH)).status),
    );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 404, 404]);
  });

  it.each([
    ['POST', '/tickets/1/replies', '{"text": "x", "author": "y"}'],
    ['POST', '/tickets/1/status', '{"status": "closed"}'],
    ['POST', '/tickets/1/requester-replies', '{"text": "x"}'],
    ['DELETE', '/tickets/1', ''],
  ])('%s %s answers 401 without it and changes nothing', async (method, path, body) => {
    const res = await raw(
      rig.receiver.url,
      method,
      path,
      { 'Content-Type': 'application/json', 'Idempotency-Key': 'k1' },
      body,
    );
    expect(res.status).toBe(401);
    const status = await raw(rig.receiver.url, 'GET', '/tickets/1/status', AUTH);
    expect(JSON.parse(status.body)).toEqual({ status: 'new', closed: false, replies: [] });
  });

  it('shows a browser the sign-in form, and lets it in with the cookie it gets', async () => {
    const page = await raw(rig.receiver.url, 'GET', '/tickets/1/page', { Accept: 'text/html' });
    expect(page.status).toBe(401);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<form method="post" action="/login">');
    expect(page.body).toContain('<input type="hidden" name="next" value="/tickets/1/page">');

    const wrong = await raw(rig.receiver.url, 'POST', '/login', FORM, form({ token: 'guess', next: '/' }));
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('That is not the access token.');
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const cookie = await signIn();
    for (const path of ['/', '/tickets/1/page', '/tickets/1/attachments/report.html', '/tickets', '/tickets/1/status'])
      expect((await raw(rig.receiver.url, 'GET', path, { Cookie: cookie })).status, path).toBe(200);
  });

  it('never puts the token in a page, and escapes what it echoes', async () => {
    const cookie = await signIn();
    const next = '/"><script>alert(1)</script>';
    const login = await raw(rig.receiver.url, 'GET', `/login?next=${encodeURIComponent(next)}`);
    expect(login.body).toContain('value="/&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
    for (const path of ['/', '/tickets/1/page']) {
      const page = await raw(rig.receiver.url, 'GET', path, { Cookie: cookie });
      expect(page.body).not.toContain(TOKEN);
      expect(page.body).not.toContain(cookie.split('=')[1]);
    }
  });

  it('sends a signed-in browser only to a path on the receiver', async () => {
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await raw(rig.receiver.url, 'POST', '/login', FORM, form({ token: TOKEN, next }));
      expect(res.headers.location, next).toBe('/');
    }
  });

  it('takes the cookie for reading only: what changes a ticket needs the bearer token or a form with its token', async () => {
    const cookie = await signIn();
    const json = await raw(
      rig.receiver.url,
      'POST',
      '/tickets/1/replies',
      { Cookie: cookie, 'Content-Type': 'application/json' },
      JSON.stringify({ text: 'Forged', author: 'Nobody' }),
    );
    expect(json.status).toBe(401);
    const ticket = await raw(
      rig.receiver.url,
      'POST',
      '/tickets',
      { Cookie: cookie, 'Content-Type': 'application/json' },
      JSON.stringify(samplePayload('Forged ticket')),
    );
    expect(ticket.status).toBe(401);

    const noFormToken = await raw(
      rig.receiver.url,
      'POST',
      '/tickets/1/replies',
      { ...FORM, Cookie: cookie },
      form({ text: 'Forged', author: 'Nobody', status: 'closed' }),
    );
    expect(noFormToken.status).toBe(403);
    expect(JSON.parse(noFormToken.body).error).toMatch(/reload the ticket page/);

    const page = await raw(rig.receiver.url, 'GET', '/tickets/1/page', { Cookie: cookie });
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)![1];
    const otherSite = await raw(
      rig.receiver.url,
      'POST',
      '/tickets/1/status',
      { ...FORM, Cookie: cookie, Origin: 'https://evil.example' },
      form({ csrf, status: 'closed' }),
    );
    expect(otherSite.status).toBe(403);
    const signedOut = await raw(rig.receiver.url, 'POST', '/tickets/1/status', FORM, form({ csrf, status: 'closed' }));
    expect(signedOut.status).toBe(401);
    expect(signedOut.body).toContain('action="/login"');

    const status = await raw(rig.receiver.url, 'GET', '/tickets/1/status', AUTH);
    expect(JSON.parse(status.body)).toEqual({ status: 'new', closed: false, replies: [] });
    expect(await readdir(rig.dataDir)).toEqual(['000001']);
  });

  it('keeps /health open for monitoring; it tells nothing about tickets', async () => {
    const res = await raw(rig.receiver.url, 'GET', '/health');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true });
  });
});
