import { describe, expect, it, vi } from 'vitest';
import type { SendContext } from '../../../../utils/core/delivery/connector';
import { webhookConnector } from '../../../../utils/core/delivery/connectors/webhook';
import type { OutgoingReport } from '../../../../utils/core/model/ticket';
import { samplePayload } from '../../../support/tickets';

const target = { url: 'https://helpdesk.example.org/mayday/tickets', token: 's3cret' };

function postWebhook(
  config: { url: string; token: string },
  payload: OutgoingReport,
  env: { fetch: typeof fetch; timeoutMs: number },
) {
  const ctx: SendContext = {
    ...env,
    now: () => Date.UTC(2026, 10, 28, 10),
    progress: {},
    saveProgress: async () => {},
  };
  return webhookConnector({ type: 'webhook', format: 'json', signingSecret: '', ...config }).send(payload, ctx);
}

function replying(status: number, body: unknown, init: ResponseInit = {}) {
  return vi.fn<typeof fetch>(
    async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, ...init }),
  );
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
    expect(init?.body).toBeInstanceOf(Uint8Array);
    expect(init?.headers).toEqual({
      'Content-Type': 'application/json',
      'Idempotency-Key': payload.ticket.id,
      Authorization: 'Bearer s3cret',
    });
    expect(JSON.parse(new TextDecoder().decode(init?.body as Uint8Array))).toEqual(payload);
  });

  it('sends no Authorization header when no token is set', async () => {
    const fetch = replying(201, { id: 'A-1' });
    await postWebhook({ url: target.url, token: '' }, samplePayload(), { fetch, timeoutMs: 1000 });
    expect(fetch.mock.calls[0][1]?.headers).not.toHaveProperty('Authorization');
  });

  it.each([
    [401, { error: 'bad token' }, { kind: 'unauthorized', retryable: false, status: 401 }],
    [403, 'Forbidden', { kind: 'unauthorized', retryable: false, status: 403 }],
    [
      400,
      { error: 'ticket.description: Too small' },
      { kind: 'rejected', retryable: false, status: 400, detail: 'ticket.description: Too small' },
    ],
    [
      422,
      'unprocessable <b>html</b>',
      { kind: 'rejected', retryable: false, status: 422, detail: 'unprocessable <b>html</b>' },
    ],
    [429, { message: 'slow down' }, { kind: 'server', retryable: true, status: 429, detail: 'slow down' }],
    [413, 'too big', { kind: 'too-large', retryable: false, status: 413 }],
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
    const fetch = vi.fn<typeof globalThis.fetch>(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason));
        }),
    );
    expect(await postWebhook(target, samplePayload(), { fetch, timeoutMs: 50 })).toEqual({
      ok: false,
      failure: { kind: 'timeout', retryable: true, seconds: 0 },
    });
  });

  it('treats a 2xx without {id} as a bad reply, not as sent', async () => {
    const result = await postWebhook(target, samplePayload(), {
      fetch: replying(200, '<html>login</html>'),
      timeoutMs: 1000,
    });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'bad-reply' } });
  });

  it('keeps only http(s) ticket links from the reply', async () => {
    const result = await postWebhook(target, samplePayload(), {
      fetch: replying(201, { id: 7, url: 'javascript:alert(1)' }),
      timeoutMs: 1000,
    });
    expect(result).toEqual({ ok: true, receipt: { id: '7' } });
  });
});

describe('webhook options', () => {
  const now = Date.UTC(2026, 10, 28, 10);
  const ctx = (fetch: typeof globalThis.fetch): SendContext => ({
    fetch,
    timeoutMs: 1000,
    now: () => now,
    progress: {},
    saveProgress: async () => {},
  });

  it('honours Retry-After in seconds and as a date', async () => {
    const seconds = replying(429, 'later', { headers: { 'Retry-After': '2' } });
    const byDate = replying(503, 'later', { headers: { 'Retry-After': new Date(now + 7000).toUTCString() } });
    const connector = webhookConnector({
      type: 'webhook',
      url: target.url,
      token: '',
      format: 'json',
      signingSecret: '',
    });
    expect(await connector.send(samplePayload(), ctx(seconds))).toMatchObject({
      failure: { kind: 'server', retryAfterMs: 2000 },
    });
    expect(await connector.send(samplePayload(), ctx(byDate))).toMatchObject({
      failure: { kind: 'server', retryAfterMs: 7000 },
    });
  });

  it('sends multipart/form-data: payload_json with the ticket and attachment list, then files[n] with the raw bytes', async () => {
    const fetch = replying(201, { id: 1 });
    const payload = samplePayload();
    await webhookConnector({
      type: 'webhook',
      url: target.url,
      token: '',
      format: 'multipart',
      signingSecret: '',
    }).send(payload, ctx(fetch));
    const init = fetch.mock.calls[0][1]!;
    const contentType = (init.headers as Record<string, string>)['Content-Type'];
    expect(contentType).toBe(`multipart/form-data; boundary=mayday-${payload.ticket.id}`);
    // Parse it back the way a server would.
    const form = await new Response(init.body as BodyInit, { headers: { 'Content-Type': contentType } }).formData();
    expect(JSON.parse(form.get('payload_json') as string)).toEqual({
      ticket: payload.ticket,
      attachments: [
        { filename: 'screenshot.png', contentType: 'image/png', part: 'files[0]' },
        { filename: 'report.json', contentType: 'application/json', part: 'files[1]' },
        { filename: 'report.html', contentType: 'text/html; charset=utf-8', part: 'files[2]' },
      ],
    });
    const file = form.get('files[0]') as File;
    expect(file.name).toBe('screenshot.png');
    expect(Buffer.from(await file.arrayBuffer()).toString('base64')).toBe(payload.attachments[0].data);
  });

  it('signs the exact body with Standard Webhooks headers that the receiver side verifies', async () => {
    const secret = 'whsec_' + Buffer.from('a shared secret of 32 bytes!!!!!').toString('base64');
    const fetch = replying(201, { id: 1 });
    const payload = samplePayload();
    await webhookConnector({ type: 'webhook', url: target.url, token: '', format: 'json', signingSecret: secret }).send(
      payload,
      ctx(fetch),
    );
    const init = fetch.mock.calls[0][1]!;
    const headers = init.headers as Record<string, string>;
    expect(headers['webhook-id']).toBe(payload.ticket.id);
    expect(headers['webhook-timestamp']).toBe(String(now / 1000));
    const { verifyWebhook } = await import('../../../../utils/core/delivery/signature');
    const body = init.body as Uint8Array;
    const signed = {
      id: headers['webhook-id'],
      timestamp: headers['webhook-timestamp'],
      signature: headers['webhook-signature'],
    };
    expect(await verifyWebhook(secret, signed, body, now / 1000)).toBe(true);
    expect(
      await verifyWebhook('whsec_' + Buffer.from('another secret').toString('base64'), signed, body, now / 1000),
    ).toBe(false);
    const tampered = body.slice();
    tampered[10] ^= 1;
    expect(await verifyWebhook(secret, signed, tampered, now / 1000)).toBe(false);
    expect(await verifyWebhook(secret, signed, body, now / 1000 + 600)).toBe(false);
  });
});
