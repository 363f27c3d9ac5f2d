import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../../receiver/server';
import { samplePayload } from '../../support/tickets';

const TOKEN = 'receiver-test-token';
let dataDir: string;
let receiver: Receiver;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mayday-receiver-unit-'));
  receiver = await startReceiver({ dataDir, token: TOKEN, maxBodyBytes: 200_000 });
});
afterEach(async () => {
  await receiver.close();
  await rm(dataDir, { recursive: true, force: true });
});

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${receiver.url}/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('POST /tickets', () => {
  it('stores a valid ticket as a folder and answers 201 {id, url}', async () => {
    const payload = samplePayload();
    const res = await post(payload, { 'Idempotency-Key': payload.ticket.id });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: '1', url: `${receiver.url}/tickets/1` });
    const [folder] = await readdir(dataDir);
    expect(folder).toBe('000001');
    expect((await readdir(join(dataDir, folder))).sort()).toEqual([
      'receipt.json',
      'report.html',
      'report.json',
      'screenshot.png',
      'ticket.json',
    ]);
    expect(JSON.parse(await readFile(join(dataDir, folder, 'ticket.json'), 'utf8'))).toEqual(payload.ticket);
    const png = await readFile(join(dataDir, folder, 'screenshot.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBe(payload.ticket.screenshot!.size);
  });

  it('answers 400 naming the field when the ticket is invalid', async () => {
    const payload = samplePayload();
    const bad = { ...payload, ticket: { ...payload.ticket, description: '   ' } };
    const res = await post(bad);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.field).toBe('ticket.description');
    expect(body.error).toMatch(/^ticket\.description: /);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('answers 400 for a body that is not JSON, and for a screenshot size that does not match its file', async () => {
    const notJson = await post('{"ticket":');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toBe('Body is not valid JSON');

    const payload = samplePayload();
    payload.ticket.screenshot!.size += 1;
    const wrongSize = await post(payload);
    expect(wrongSize.status).toBe(400);
    expect((await wrongSize.json()).field).toBe('ticket.screenshot.size');
  });

  it('answers 401 without the bearer token, or with a wrong one', async () => {
    const payload = samplePayload();
    const none = await fetch(`${receiver.url}/tickets`, { method: 'POST', body: JSON.stringify(payload) });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await post(payload, { Authorization: 'Bearer nope' })).status).toBe(401);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('returns the first answer for a repeated Idempotency-Key and stores nothing new, even after a restart', async () => {
    const payload = samplePayload();
    const key = { 'Idempotency-Key': payload.ticket.id };
    const [a, b] = await Promise.all([post(payload, key), post(payload, key)]);
    const first = await a.json();
    expect(await b.json()).toEqual(first);
    const again = await post(payload, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(first);

    await receiver.close();
    receiver = await startReceiver({ dataDir, token: TOKEN });
    expect(await (await post(payload, key)).json()).toEqual({ ...first, url: `${receiver.url}/tickets/1` });
    expect(await readdir(dataDir)).toEqual(['000001']);
  });

  it('answers 413 for a body over the size limit', async () => {
    const res = await post({ padding: 'x'.repeat(300_000) });
    expect(res.status).toBe(413);
  });
});

describe('GET /tickets', () => {
  it('lists stored tickets and serves each one and its files', async () => {
    await post(samplePayload('First problem'));
    await post(samplePayload('Second problem'));
    const list = await (await fetch(`${receiver.url}/tickets`)).json();
    expect(list.map((t: { id: string; description: string }) => [t.id, t.description])).toEqual([
      ['1', 'First problem'],
      ['2', 'Second problem'],
    ]);
    const ticket = await (await fetch(`${receiver.url}/tickets/2`)).json();
    expect(ticket.description).toBe('Second problem');
    const shot = await fetch(`${receiver.url}/tickets/2/screenshot.png`);
    expect(shot.headers.get('content-type')).toBe('image/png');
    expect((await fetch(`${receiver.url}/tickets/9`)).status).toBe(404);
  });
});

describe('receiver options', () => {
  it('accepts multipart/form-data bodies as the webhook connector sends them', async () => {
    const { encodeWebhookBody } = await import('../../../utils/core/delivery/connectors/webhook');
    const payload = samplePayload('Sent as multipart');
    const { body, contentType } = encodeWebhookBody(payload, 'multipart');
    const res = await fetch(`${receiver.url}/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': contentType, Authorization: `Bearer ${TOKEN}` },
      body: body as BodyInit,
    });
    expect(res.status).toBe(201);
    const [stored] = await receiver.store.list();
    expect(stored.ticket).toEqual(payload.ticket);
    expect((await readFile(join(stored.folder, 'screenshot.png'))).toString('base64')).toBe(
      payload.attachments[0].data,
    );
  });

  it('answers 400 naming the part when a multipart body lacks payload_json', async () => {
    const form = new FormData();
    form.append('files[0]', new Blob(['x']), 'a.png');
    const res = await fetch(`${receiver.url}/tickets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: form,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'payload_json: missing part', field: 'payload_json' });
  });

  it('requires a valid signature when a signing secret is set', async () => {
    const { signWebhook } = await import('../../../utils/core/delivery/signature');
    const secret = 'whsec_' + Buffer.from('receiver signing secret').toString('base64');
    const signedDir = await mkdtemp(join(tmpdir(), 'mayday-receiver-signed-'));
    const signedReceiver = await startReceiver({ dataDir: signedDir, signingSecret: secret });
    try {
      const payload = samplePayload();
      const body = new TextEncoder().encode(JSON.stringify(payload));
      const timestamp = Math.floor(Date.now() / 1000);
      const headers = {
        'Content-Type': 'application/json',
        'webhook-id': payload.ticket.id,
        'webhook-timestamp': String(timestamp),
      };
      const unsigned = await fetch(`${signedReceiver.url}/tickets`, { method: 'POST', headers, body });
      expect(unsigned.status).toBe(401);
      const signature = await signWebhook(secret, payload.ticket.id, timestamp, body);
      const signed = await fetch(`${signedReceiver.url}/tickets`, {
        method: 'POST',
        headers: { ...headers, 'webhook-signature': signature },
        body,
      });
      expect(signed.status).toBe(201);
    } finally {
      await signedReceiver.close();
      await rm(signedDir, { recursive: true, force: true });
    }
  });

  it('shows technicians an index, newest first, with every stored string escaped', async () => {
    await post(samplePayload('First'));
    await post(samplePayload('<img src=x onerror=alert(1)> second'));
    const res = await fetch(`${receiver.url}/`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; second');
    expect(html.indexOf('#2')).toBeLessThan(html.indexOf('#1<'));
    expect(html).toContain('href="/tickets/1/report.html"');
  });

  it('finishes a ticket that is being received when asked to shut down', async () => {
    const payload = samplePayload('Arrived during shutdown');
    const body = JSON.stringify(payload);
    const { request } = await import('node:http');
    const port = Number(new URL(receiver.url).port);
    const answer = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/tickets',
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${TOKEN}`,
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (res) => resolve(res.statusCode!),
      );
      req.on('error', reject);
      req.write(body.slice(0, 100));
      setTimeout(() => req.end(body.slice(100)), 100);
    });
    await new Promise((r) => setTimeout(r, 30));
    const stopped = receiver.shutdown();
    expect(await answer).toBe(201);
    await stopped;
    expect(
      (await (await import('../../../receiver/store')).TicketStore.open(dataDir).then((s) => s.list())).map(
        (t) => t.ticket.description,
      ),
    ).toEqual(['Arrived during shutdown']);
  });
});
