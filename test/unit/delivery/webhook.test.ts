import { describe, expect, it, vi } from 'vitest';
import { postWebhook } from '../../../utils/delivery/webhook';
import { samplePayload } from '../../support/tickets';

const target = { url: 'https://helpdesk.example.org/mayday/tickets', token: 's3cret' };

function replying(status: number, body: unknown, init: ResponseInit = {}) {
  return vi.fn<typeof fetch>(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, ...init }));
}

describe('postWebhook', () => {
  it('POSTs the whole payload as JSON with the ticket id as Idempotency-Key and the token as Bearer', async () => {
    const fetch = replying(201, { id: 42, url: 'https://helpdesk.example.org/t/42' });
    const payload = samplePayload();
    const result = await postWebhook(target, payload, { fetch, timeoutMs: 1000 });
    expect(result).toEqual({ ok: true, receipt: { id: '42', url: 'https://helpdesk.example.org/t/42' } });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(target.url);
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('omit');
    expect(init?.headers).toEqual({
      'Content-Type': 'application/json',
      'Idempotency-Key': payload.ticket.id,
      Authorization: 'Bearer s3cret',
    });
    expect(JSON.parse(init?.body as string)).toEqual(payload);
  });

  it('sends no Authorization header when no token is set', async () => {
    const fetch = replying(201, { id: 'A-1' });
    await postWebhook({ url: target.url, token: '' }, samplePayload(), { fetch, timeoutMs: 1000 });
    expect(fetch.mock.calls[0][1]?.headers).not.toHaveProperty('Authorization');
  });

  it.each([
    [401, { error: 'bad token' }, { kind: 'unauthorized', retryable: false, status: 401 }],
    [403, 'Forbidden', { kind: 'unauthorized', retryable: false, status: 403 }],
    [400, { error: 'ticket.description: Too small' }, { kind: 'rejected', retryable: false, status: 400, detail: 'ticket.description: Too small' }],
    [422, 'unprocessable <b>html</b>', { kind: 'rejected', retryable: false, status: 422, detail: 'unprocessable <b>html</b>' }],
    [429, { message: 'slow down' }, { kind: 'server', retryable: true, status: 429, detail: 'slow down' }],
    [503, '', { kind: 'server', retryable: true, status: 503, detail: '' }],
  ])('classifies HTTP %i', async (status, body, failure) => {
    const result = await postWebhook(target, samplePayload(), { fetch: replying(status, body), timeoutMs: 1000 });
    expect(result).toEqual({ ok: false, failure });
  });

  it('classifies a refused connection as a retryable network failure', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await postWebhook(target, samplePayload(), { fetch, timeoutMs: 1000 })).toEqual({
      ok: false,
      failure: { kind: 'network', retryable: true, detail: 'Failed to fetch' },
    });
  });

  it('gives up after the timeout', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>((_url, init) => new Promise((_resolve, reject) => {
      init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason));
    }));
    expect(await postWebhook(target, samplePayload(), { fetch, timeoutMs: 50 })).toEqual({
      ok: false,
      failure: { kind: 'timeout', retryable: true, seconds: 0 },
    });
  });

  it('treats a 2xx without {id} as a bad reply, not as sent', async () => {
    const result = await postWebhook(target, samplePayload(), { fetch: replying(200, '<html>login</html>'), timeoutMs: 1000 });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'bad-reply' } });
  });

  it('keeps only http(s) ticket links from the reply', async () => {
    const result = await postWebhook(target, samplePayload(), { fetch: replying(201, { id: 7, url: 'javascript:alert(1)' }), timeoutMs: 1000 });
    expect(result).toEqual({ ok: true, receipt: { id: '7' } });
  });
});
