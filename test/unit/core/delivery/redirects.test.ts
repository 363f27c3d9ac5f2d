import { describe, expect, it } from 'vitest';
import { request } from '@/utils/core/delivery/connector';
import { connectorConfig } from '@/utils/core/delivery/config';
import { checkEndpointUrl, DEFAULT_SECRETS, DEFAULT_SETTINGS } from '@/utils/core/settings/schema';

/** A helpdesk that answers `answers[url]`; every request is kept with its headers. */
function helpdesk(answers: Record<string, () => Response>) {
  const calls: { url: string; headers: Record<string, string>; redirect?: RequestRedirect }[] = [];
  const fetch = (async (url: string, init: RequestInit = {}) => {
    calls.push({ url, headers: { ...(init.headers as Record<string, string>) }, redirect: init.redirect });
    return answers[url]?.() ?? new Response('not here', { status: 404 });
  }) as typeof globalThis.fetch;
  return { calls, ctx: { fetch, timeoutMs: 5000 } };
}
const redirect =
  (to: string, status = 307) =>
  () =>
    new Response(null, { status, headers: { Location: to } });
const KEY = { 'X-Redmine-API-Key': 'secret-key' };

describe('credentials and redirects', () => {
  it('refuses a redirect to another origin, naming where it led, and sends the token nowhere else', async () => {
    const { calls, ctx } = helpdesk({ 'https://helpdesk.example/issues.json': redirect('https://evil.example/steal') });
    const result = await request(ctx, 'https://helpdesk.example/issues.json', { method: 'POST', headers: KEY });
    expect(result).toMatchObject({ kind: 'rejected', retryable: false, status: 307 });
    expect((result as { detail: string }).detail).toContain('https://evil.example/steal');
    expect(calls.map((c) => c.url)).toEqual(['https://helpdesk.example/issues.json']);
    expect(calls[0].redirect).toBe('manual');
  });

  it('follows a redirect within the same origin, with the credentials', async () => {
    const { calls, ctx } = helpdesk({
      'https://helpdesk.example/api': redirect('/api/'),
      'https://helpdesk.example/api/': () => new Response('{}', { status: 201 }),
    });
    const result = await request(ctx, 'https://helpdesk.example/api', { method: 'POST', headers: KEY });
    expect((result as Response).status).toBe(201);
    expect(calls.map((c) => [c.url, c.headers['X-Redmine-API-Key']])).toEqual([
      ['https://helpdesk.example/api', 'secret-key'],
      ['https://helpdesk.example/api/', 'secret-key'],
    ]);
  });

  it('finds where an opaque redirect leads by asking again without credentials', async () => {
    const opaque = Object.assign(new Response(null, { status: 200 }), {});
    Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
    const followed = new Response('login page');
    Object.defineProperty(followed, 'url', { value: 'https://sso.example/login' });
    let first = true;
    const calls: RequestInit[] = [];
    const fetch = (async (_url: string, init: RequestInit) => {
      calls.push(init);
      if (first) return ((first = false), opaque);
      return followed;
    }) as typeof globalThis.fetch;
    const result = await request({ fetch, timeoutMs: 5000 }, 'https://helpdesk.example/x', { headers: KEY });
    expect((result as { detail: string }).detail).toContain('https://sso.example/login');
    expect(calls[1].headers).toBeUndefined();
    expect(calls[1].body).toBeUndefined();
  });
});

describe('unencrypted endpoints', () => {
  it('are refused unless the host is this machine or named by the admin', () => {
    expect(checkEndpointUrl('https://helpdesk.example/')).toBeNull();
    expect(checkEndpointUrl('http://helpdesk.intranet.example/')).toBe('insecure');
    expect(checkEndpointUrl('http://helpdesk.intranet.example/', ['HELPDESK.intranet.example'])).toBeNull();
    expect(checkEndpointUrl('http://other.intranet.example/', ['helpdesk.intranet.example'])).toBe('insecure');
    for (const local of ['http://127.0.0.1:8080/', 'http://localhost/', 'http://[::1]/', 'http://app.localhost/'])
      expect(checkEndpointUrl(local), local).toBeNull();
  });

  it('send nothing, from settings or policy alike, until the host is named', () => {
    const settings = { ...DEFAULT_SETTINGS, connectorType: 'webhook' as const, endpointUrl: 'http://helpdesk.lan/in' };
    expect(connectorConfig(settings, DEFAULT_SECRETS).type).toBe('none');
    expect(connectorConfig({ ...settings, plainHttpHosts: ['helpdesk.lan'] }, DEFAULT_SECRETS)).toMatchObject({
      type: 'webhook',
      url: 'http://helpdesk.lan/in',
    });
  });
});
