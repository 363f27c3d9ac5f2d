import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startReceiver } from '../../../receiver/server';
import { TicketStore } from '../../../receiver/store';
import { shrinkReport } from '../../../utils/core/delivery/shrink';
import { BUILD_CONTEXT, PNG_1X1, samplePayload } from '../../support/tickets';
import { AUTH, postJson, raw, TOKEN, useReceiver } from './rig';

const rig = useReceiver();
const post = (body: unknown, headers: Record<string, string> = {}) =>
  postJson(`${rig.receiver.url}/tickets`, body, headers);
const get = (path: string) => fetch(`${rig.receiver.url}${path}`, { headers: AUTH });

describe('POST /tickets', () => {
  it('stores a valid ticket as a folder, its files apart, and answers 201 with its links', async () => {
    const payload = samplePayload();
    const res = await post(payload, { 'Idempotency-Key': payload.ticket.id });
    expect(res.status).toBe(201);
    const ticket = `${rig.receiver.url}/tickets/1`;
    expect(await res.json()).toEqual({
      id: '1',
      url: ticket,
      statusUrl: `${ticket}/status`,
      replyUrl: `${ticket}/requester-replies`,
    });
    const [folder] = await readdir(rig.dataDir);
    expect(folder).toBe('000001');
    expect((await readdir(join(rig.dataDir, folder))).sort()).toEqual(['attachments', 'receipt.json', 'ticket.json']);
    expect((await readdir(join(rig.dataDir, folder, 'attachments'))).sort()).toEqual([
      'report.html',
      'report.json',
      'screenshot.png',
    ]);
    expect(JSON.parse(await readFile(join(rig.dataDir, folder, 'ticket.json'), 'utf8'))).toEqual(payload.ticket);
    const png = await readFile(join(rig.dataDir, folder, 'attachments', 'screenshot.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBe(payload.ticket.screenshot!.size);
  });

  it('builds the links from the Host the client used, or from the public URL it was given', async () => {
    const body = JSON.stringify(samplePayload());
    const headers = { ...AUTH, 'Content-Type': 'application/json', Host: 'receiver.test:9999' };
    const viaHost = await raw(rig.receiver.url, 'POST', '/tickets', headers, body);
    expect(viaHost.status).toBe(201);
    expect(JSON.parse(viaHost.body)).toMatchObject({
      url: 'http://receiver.test:9999/tickets/1',
      statusUrl: 'http://receiver.test:9999/tickets/1/status',
      replyUrl: 'http://receiver.test:9999/tickets/1/requester-replies',
    });
    // A Host that is not a host name is not echoed into a link.
    const forged = await raw(rig.receiver.url, 'GET', '/tickets', { ...AUTH, Host: 'x"/><a href=evil' });
    expect(JSON.parse(forged.body).tickets[0].url).toBe(`${rig.receiver.url}/tickets/1`);

    await rig.restart({ publicUrl: 'https://help.example.org/' });
    const behindProxy = await raw(rig.receiver.url, 'GET', '/tickets', AUTH);
    expect(JSON.parse(behindProxy.body).tickets[0].statusUrl).toBe('https://help.example.org/tickets/1/status');
  });

  it('answers 400 naming the field when the ticket is invalid', async () => {
    const payload = samplePayload();
    const bad = { ...payload, ticket: { ...payload.ticket, description: '   ' } };
    const res = await post(bad);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.field).toBe('ticket.description');
    expect(body.error).toMatch(/^ticket\.description: /);
    expect(await readdir(rig.dataDir)).toEqual([]);
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

  it.each([
    ['ticket.json', 'is reserved for the receiver'],
    ['receipt.json', 'is reserved for the receiver'],
    ['Conversation.JSON', 'is reserved for the receiver'],
    ['attachments', 'is reserved for the receiver'],
    ['.htaccess', 'starts with a dot'],
    ['..', 'starts with a dot'],
    ['../000002/ticket.json', 'contains a path separator'],
    ['a\\b.png', 'contains a path separator'],
    ['CON.txt', 'is a reserved device name'],
    ['shot .png', 'may only use letters'],
    ['', 'a file name is required'],
  ])('refuses an attachment named %j with a 400 saying why, and stores nothing', async (name, why) => {
    const payload = samplePayload();
    payload.attachments.push({ filename: name, contentType: 'application/json', data: 'e30=' });
    const res = await post(payload);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.field).toBe(`attachments[${payload.attachments.length - 1}].filename`);
    expect(body.error).toContain(why);
    expect(await readdir(rig.dataDir)).toEqual([]);
  });

  it('refuses two attachments whose names differ only by case', async () => {
    const payload = samplePayload();
    payload.attachments.push({ filename: 'Report.json', contentType: 'application/json', data: 'e30=' });
    const res = await post(payload);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/"Report\.json" appears twice/);
  });

  it('answers 401 without the bearer token, or with a wrong one', async () => {
    const payload = samplePayload();
    const none = await fetch(`${rig.receiver.url}/tickets`, { method: 'POST', body: JSON.stringify(payload) });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await post(payload, { Authorization: 'Bearer nope' })).status).toBe(401);
    expect(await readdir(rig.dataDir)).toEqual([]);
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

    await rig.restart();
    const ticket = `${rig.receiver.url}/tickets/1`;
    expect(await (await post(payload, key)).json()).toEqual({
      id: '1',
      url: ticket,
      statusUrl: `${ticket}/status`,
      replyUrl: `${ticket}/requester-replies`,
    });
    expect(await readdir(rig.dataDir)).toEqual(['000001']);
  });

  it('refuses with 422 an Idempotency-Key already bound to another ticket, across a restart too', async () => {
    const payload = samplePayload('First problem');
    const key = { 'Idempotency-Key': payload.ticket.id };
    expect((await post(payload, key)).status).toBe(201);

    const other = samplePayload('Another problem');
    other.ticket.id = '7c1e4a52-8d0b-4f3e-a6b9-0d2c5e8f1a37';
    const refused = await post(other, key);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({
      error: expect.stringMatching(
        /^Idempotency-Key 0b7d3f5e-\S+ was already used for another ticket \(stored as ticket 1\)/,
      ),
      field: 'Idempotency-Key',
    });

    // The same ticket id with other content is another ticket too.
    const edited = samplePayload('First problem, edited');
    expect((await post(edited, key)).status).toBe(422);

    await rig.restart();
    expect((await post(other, key)).status).toBe(422);
    expect((await post(payload, key)).status).toBe(201);
    expect(await readdir(rig.dataDir)).toEqual(['000001']);
  });

  it('answers a retry with a smaller screenshot (after a 413) as the replay of the first ticket', async () => {
    const payload = samplePayload();
    const key = { 'Idempotency-Key': payload.ticket.id };
    const first = await (await post(payload, key)).json();
    const base64 = PNG_1X1.split(',')[1];
    const smaller = await shrinkReport(
      payload,
      async () => ({ base64, type: 'image/jpeg', width: 1, height: 1, size: Buffer.from(base64, 'base64').length }),
      BUILD_CONTEXT.t,
    );
    expect(smaller!.ticket.screenshot!.attachment).toBe('screenshot.jpg');
    const retry = await post(smaller, key);
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(first);
    expect(await readdir(rig.dataDir)).toEqual(['000001']);
  });

  it('answers 400 for an empty or overlong Idempotency-Key', async () => {
    expect((await post(samplePayload(), { 'Idempotency-Key': 'k'.repeat(201) })).status).toBe(400);
    expect(await readdir(rig.dataDir)).toEqual([]);
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
    const list = await (await get('/tickets')).json();
    expect(list.broken).toEqual([]);
    expect(list.tickets.map((t: { id: string; description: string }) => [t.id, t.description])).toEqual([
      ['1', 'First problem'],
      ['2', 'Second problem'],
    ]);
    expect(list.tickets[0]).toMatchObject({ status: 'new', statusUrl: `${rig.receiver.url}/tickets/1/status` });
    const ticket = await (await get('/tickets/2')).json();
    expect(ticket.description).toBe('Second problem');
    expect((await (await get('/tickets/2/ticket.json')).json()).description).toBe('Second problem');
    const shot = await get('/tickets/2/attachments/screenshot.png');
    expect(shot.headers.get('content-type')).toBe('image/png');
    expect((await get('/tickets/2/attachments/report.html')).headers.get('content-security-policy')).toContain(
      'sandbox',
    );
    expect((await get('/tickets/9')).status).toBe(404);
    // The receiver's own files are not attachments.
    expect((await get('/tickets/2/receipt.json')).status).toBe(404);
    expect((await get('/tickets/2/attachments/..%2Freceipt.json')).status).toBe(404);
    expect((await get('/tickets/2/attachments/%E0%A4%A')).status).toBe(404);
  });

  it('skips and reports a broken folder instead of failing, in the page and the list', async () => {
    await post(samplePayload('Readable one'));
    await post(samplePayload('Will be broken'));
    await post(samplePayload('Readable three'));
    await writeFile(join(rig.dataDir, '000002', 'ticket.json'), '{"not": "a ticket"');
    await mkdir(join(rig.dataDir, '000007'));
    await writeFile(join(rig.dataDir, '000007', 'notes.txt'), 'left by hand');
    await mkdir(join(rig.dataDir, 'backup <old> & "x"'));
    await writeFile(join(rig.dataDir, '000003', 'conversation.json'), '{"status": "lost"}');

    const page = await get('/');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Readable one');
    expect(html).not.toContain('Will be broken');
    expect(html).toContain('<code>000002</code>: ticket.json is not valid JSON');
    expect(html).toContain('<code>000003</code>: conversation.json: status:');
    expect(html).toContain('<code>000007</code>: receipt.json is missing');
    expect(html).toContain('<code>backup &#60;old&#62; &#38; &#34;x&#34;</code>: not a ticket folder');

    const list = await (await get('/tickets')).json();
    expect(list.tickets.map((t: { id: string }) => t.id)).toEqual(['1']);
    expect(list.broken.map((b: { folder: string }) => b.folder)).toEqual([
      '000002',
      '000003',
      '000007',
      'backup <old> & "x"',
    ]);

    const one = await get('/tickets/2/page');
    expect(one.status).toBe(500);
    expect((await one.json()).error).toBe('Ticket folder 000002 cannot be read: ticket.json is not valid JSON');

    // A new ticket never lands on a folder that is there, readable or not.
    await rig.restart();
    expect((await (await post(samplePayload('After the repair'))).json()).id).toBe('8');
  });
});

describe('folders from an earlier version', () => {
  it('moves the files sent with a ticket into attachments/ on start, and serves them', async () => {
    const payload = samplePayload('Stored by an earlier version');
    const folder = join(rig.dataDir, '000005');
    await mkdir(folder);
    await writeFile(join(folder, 'ticket.json'), JSON.stringify(payload.ticket));
    const receipt = {
      id: '5',
      ticketId: payload.ticket.id,
      idempotencyKey: payload.ticket.id,
      receivedAt: '2026-11-28T09:31:00.000Z',
    };
    await writeFile(join(folder, 'receipt.json'), JSON.stringify(receipt));
    for (const file of payload.attachments)
      await writeFile(join(folder, file.filename), Buffer.from(file.data, 'base64'));
    // A move cut short: part of the files already gathered.
    await mkdir(join(folder, '.attachments'));
    await rename(join(folder, 'report.json'), join(folder, '.attachments', 'report.json'));

    await rig.restart();
    expect((await readdir(folder)).sort()).toEqual(['attachments', 'receipt.json', 'ticket.json']);
    const [stored] = await rig.receiver.store.list();
    expect(stored.files).toEqual(['report.html', 'report.json', 'screenshot.png']);
    const shot = await get('/tickets/5/attachments/screenshot.png');
    expect(Buffer.from(await shot.arrayBuffer()).toString('base64')).toBe(payload.attachments[0].data);
    // Its key still names it.
    const replay = await post(payload, { 'Idempotency-Key': payload.ticket.id });
    expect((await replay.json()).id).toBe('5');
  });
});

describe('receiver options', () => {
  it('accepts multipart/form-data bodies as the webhook connector sends them', async () => {
    const { encodeWebhookBody } = await import('../../../utils/core/delivery/connectors/webhook');
    const payload = samplePayload('Sent as multipart');
    const { body, contentType } = encodeWebhookBody(payload, 'multipart');
    const res = await fetch(`${rig.receiver.url}/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': contentType, ...AUTH },
      body: body as BodyInit,
    });
    expect(res.status).toBe(201);
    const [stored] = await rig.receiver.store.list();
    expect(stored.ticket).toEqual(payload.ticket);
    expect((await readFile(join(stored.attachmentsFolder, 'screenshot.png'))).toString('base64')).toBe(
      payload.attachments[0].data,
    );
  });

  it('answers 400 naming the part when a multipart body lacks payload_json or it is not an object', async () => {
    const form = new FormData();
    form.append('files[0]', new Blob(['x']), 'a.png');
    const res = await fetch(`${rig.receiver.url}/tickets`, { method: 'POST', headers: AUTH, body: form });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'payload_json: missing part', field: 'payload_json' });

    const nullManifest = new FormData();
    nullManifest.append('payload_json', 'null');
    const notObject = await fetch(`${rig.receiver.url}/tickets`, { method: 'POST', headers: AUTH, body: nullManifest });
    expect(notObject.status).toBe(400);
    expect((await notObject.json()).error).toBe('payload_json: not a JSON object');
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
    const res = await get('/');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await res.text();
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; second');
    expect(html.indexOf('#2')).toBeLessThan(html.indexOf('#1<'));
    expect(html).toContain('href="/tickets/1/page"');
    expect(html).toContain('href="/tickets/1/attachments/report.html"');
  });

  it('finishes a ticket that is being received when asked to shut down', async () => {
    const payload = samplePayload('Arrived during shutdown');
    const body = JSON.stringify(payload);
    const { request } = await import('node:http');
    const port = Number(new URL(rig.receiver.url).port);
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
    const stopped = rig.receiver.shutdown();
    expect(await answer).toBe(201);
    await stopped;
    expect((await (await TicketStore.open(rig.dataDir)).list()).map((t) => t.ticket.description)).toEqual([
      'Arrived during shutdown',
    ]);
  });
});
