import { describe, expect, it, vi } from 'vitest';
import { connectorConfig } from '../../../../utils/core/delivery/config';
import { testConnection } from '../../../../utils/core/delivery/connection-test';
import { DEFAULT_SECRETS, DEFAULT_SETTINGS } from '../../../../utils/core/settings/schema';

const secrets = { token: 'tok', glpiAppToken: 'app', webhookSigningSecret: 'sig' };
const base = { ...DEFAULT_SETTINGS, endpointUrl: ' https://h.example.org/x ' };

describe('connectorConfig', () => {
  it.each([
    [
      { connectorType: 'webhook', webhookFormat: 'multipart' },
      { type: 'webhook', url: 'https://h.example.org/x', token: 'tok', format: 'multipart', signingSecret: 'sig' },
    ],
    [{ connectorType: 'glpi' }, { type: 'glpi', url: 'https://h.example.org/x', userToken: 'tok', appToken: 'app' }],
    [
      { connectorType: 'zammad', zammadGroup: 'Users', zammadCustomer: 'a@b.c' },
      { type: 'zammad', url: 'https://h.example.org/x', token: 'tok', group: 'Users', customer: 'a@b.c' },
    ],
    [
      { connectorType: 'rt', rtQueue: 'General' },
      { type: 'rt', url: 'https://h.example.org/x', token: 'tok', queue: 'General' },
    ],
    [
      { connectorType: 'redmine', redmineProjectId: 'it', redmineTrackerId: '3', redmineSwitchUser: true },
      {
        type: 'redmine',
        url: 'https://h.example.org/x',
        apiKey: 'tok',
        projectId: 'it',
        trackerId: '3',
        switchUser: true,
      },
    ],
    [
      { connectorType: 'itop', itopUser: 'mayday-rest', itopOrganization: 'IT' },
      {
        type: 'itop',
        url: 'https://h.example.org/x',
        user: 'mayday-rest',
        password: 'tok',
        token: '',
        organization: 'IT',
      },
    ],
    [
      { connectorType: 'itop', itopUser: '', itopOrganization: '3' },
      { type: 'itop', url: 'https://h.example.org/x', user: '', password: '', token: 'tok', organization: '3' },
    ],
  ] as const)('%j', (settings, expected) => {
    expect(connectorConfig({ ...base, ...settings }, secrets)).toEqual(expected);
  });

  it.each(['', '   ', 'nope', 'ftp://h.example.org'])('has nowhere to send with the address %j', (endpointUrl) => {
    expect(connectorConfig({ ...base, endpointUrl }, secrets)).toEqual({ type: 'none' });
  });
});

describe('testConnection', () => {
  const webhook = connectorConfig(base, secrets);
  const answer = (status: number) => vi.fn<typeof fetch>(async () => new Response(null, { status }));

  it('makes one GET with the bearer token and no cookies, and says the connection works on 2xx', async () => {
    const fetch = answer(200);
    expect(await testConnection(webhook, { fetch, timeoutMs: 1000 })).toEqual({ kind: 'ok', status: 200 });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('https://h.example.org/x');
    expect(init).toMatchObject({
      method: 'GET',
      credentials: 'omit',
      headers: { Authorization: 'Bearer tok', Accept: 'application/json' },
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('sends no Authorization header without a token', async () => {
    const fetch = answer(204);
    await testConnection(connectorConfig(base, DEFAULT_SECRETS), { fetch, timeoutMs: 1000 });
    expect(fetch.mock.calls[0][1]?.headers).toEqual({ Accept: 'application/json' });
  });

  it.each([
    [401, { kind: 'unauthorized', status: 401 }],
    [403, { kind: 'unauthorized', status: 403 }],
    [404, { kind: 'not-found' }],
    [405, { kind: 'refused', status: 405 }],
    [503, { kind: 'server', status: 503 }],
  ])('HTTP %i -> %j', async (status, expected) => {
    expect(await testConnection(webhook, { fetch: answer(status), timeoutMs: 1000 })).toEqual(expected);
  });

  it('words an unreachable endpoint and a timeout', async () => {
    const down = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await testConnection(webhook, { fetch: down, timeoutMs: 1000 })).toEqual({
      kind: 'unreachable',
      detail: 'Failed to fetch',
    });
    const slow = vi.fn<typeof fetch>(async () => {
      throw new DOMException('timed out', 'TimeoutError');
    });
    expect(await testConnection(webhook, { fetch: slow, timeoutMs: 10_000 })).toEqual({ kind: 'timeout', seconds: 10 });
  });

  it('asks for an address first, without any request', async () => {
    const fetch = answer(200);
    expect(await testConnection({ type: 'none' }, { fetch, timeoutMs: 1000 })).toEqual({ kind: 'not-configured' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("hands a helpdesk to its connector's own check, which names the problem", async () => {
    const fetch = answer(401);
    const result = await testConnection(
      connectorConfig({ ...base, connectorType: 'zammad', zammadGroup: 'Users' }, secrets),
      { fetch, timeoutMs: 1000 },
    );
    expect(result).toMatchObject({ kind: 'helpdesk', result: { ok: false, problem: 'bad-token' } });
    expect(fetch).toHaveBeenCalledWith(expect.stringMatching(/\/api\/v1\/users\/me$/), expect.anything());
  });
});
