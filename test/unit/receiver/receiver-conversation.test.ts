/**
 * The helpdesk loop on the receiver's side: Mayday reads statusUrl and posts to replyUrl; a
 * technician answers through the API or the ticket's page.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { startReceiver } from '../../../receiver/server';
import { encodeMultipart } from '../../../utils/core/delivery/multipart';
import { signWebhook } from '../../../utils/core/delivery/signature';
import { PNG_1X1, samplePayload } from '../../support/tickets';
import { AUTH, form, FORM, postJson, raw, TOKEN, useReceiver } from './rig';

const rig = useReceiver();
let links: { id: string; url: string; statusUrl: string; replyUrl: string };
const SHOT = PNG_1X1.split(',')[1];

beforeEach(async () => {
  const payload = samplePayload('The invoice list stays empty');
  payload.ticket.reporter = { name: 'Ana <b>Lima</b>', email: 'ana@example.org' };
  links = await (await postJson(`${rig.receiver.url}/tickets`, payload)).json();
});

const status = async () => {
  const res = await fetch(`${rig.receiver.url}/tickets/1/status`, { headers: AUTH });
  expect(res.status).toBe(200);
  return res.json();
};
const technician = (body: unknown) => postJson(`${links.url}/replies`, body);
/** Through the current port: a restart changes it. */
const addInformation = (body: unknown, key: string | null, headers: Record<string, string> = {}) =>
  postJson(
    `${rig.receiver.url}/tickets/1/requester-replies`,
    body,
    key === null ? headers : { 'Idempotency-Key': key, ...headers },
  );

describe('statusUrl', () => {
  it('answers a new ticket as new, open, without replies', async () => {
    expect(links.statusUrl).toBe(`${rig.receiver.url}/tickets/1/status`);
    expect(await (await fetch(links.statusUrl, { headers: AUTH })).json()).toEqual({
      status: 'new',
      closed: false,
      replies: [],
    });
    expect((await fetch(links.statusUrl)).status).toBe(401);
    expect((await fetch(`${rig.receiver.url}/tickets/99/status`, { headers: AUTH })).status).toBe(404);
  });

  it("carries the technicians' public replies, oldest first, and never an internal note", async () => {
    const first = await technician({ text: 'Which browser tab?', author: 'Sam (IT)', status: 'waiting' });
    expect(first.status).toBe(201);
    const reply = await first.json();
    expect(reply).toEqual({
      id: '1',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      author: 'Sam (IT)',
      text: 'Which browser tab?',
      internal: false,
      status: 'waiting',
    });
    await technician({ text: 'Looks like the proxy again', author: 'Sam (IT)', internal: true });
    await technician({ text: '  Fixed: the cache was stale.  ', author: 'Jo', status: 'solved' });

    expect(await status()).toEqual({
      status: 'solved',
      closed: false,
      replies: [
        { id: '1', at: reply.at, author: 'Sam (IT)', text: 'Which browser tab?' },
        { id: '3', at: expect.any(String), author: 'Jo', text: 'Fixed: the cache was stale.' },
      ],
    });
    const stored = await rig.receiver.store.get('1');
    expect(stored!.conversation.messages.map((m) => m.from === 'technician' && m.internal)).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('says closed once a technician closes the ticket, through the status API', async () => {
    const res = await postJson(`${links.url}/status`, { status: 'closed' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'closed', closed: true, replies: [] });
    expect(await status()).toEqual({ status: 'closed', closed: true, replies: [] });
  });

  it('refuses a technician reply or status that is not one, naming the field', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ text: ' ', author: 'Sam' }, 'text', /^text: text is required/],
      [{ text: 'Hi' }, 'author', /^author: author is required/],
      [{ text: 'x'.repeat(10_001), author: 'Sam' }, 'text', /longer than 10000/],
      [{ text: 'Hi', author: 'Sam', status: 'resolved' }, 'status', /must be one of new, in-progress, waiting/],
    ];
    for (const [body, field, message] of cases) {
      const res = await technician(body);
      expect(res.status).toBe(400);
      const answer = await res.json();
      expect(answer.field).toBe(field);
      expect(answer.error).toMatch(message);
    }
    const badStatus = await postJson(`${links.url}/status`, { status: 'done' });
    expect(badStatus.status).toBe(400);
    expect((await badStatus.json()).field).toBe('status');
    expect((await technician({ text: 'Hi', author: 'Sam' }).then(() => status())).replies).toHaveLength(1);
    expect((await postJson(`${rig.receiver.url}/tickets/42/replies`, { text: 'Hi', author: 'Sam' })).status).toBe(404);
  });
});

describe('replyUrl', () => {
  it('stores what the person adds exactly once per Idempotency-Key, and reopens a ticket waiting for them', async () => {
    await technician({ text: 'Which invoice?', author: 'Sam', status: 'waiting' });
    const body = {
      text: 'Invoice 2026-114, the second one.',
      attachments: [{ filename: 'screenshot.png', contentType: 'image/png', data: SHOT }],
    };
    const [a, b] = await Promise.all([addInformation(body, 'reply-1'), addInformation(body, 'reply-1')]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const first = await a.json();
    expect(first).toEqual({ id: '2', at: expect.any(String), status: 'in-progress' });
    expect(await b.json()).toEqual(first);

    const again = await addInformation(body, 'reply-1');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(first);

    await rig.restart();
    expect(await (await addInformation(body, 'reply-1')).json()).toEqual(first);

    const stored = await rig.receiver.store.get('1');
    expect(stored!.conversation.status).toBe('in-progress');
    expect(stored!.conversation.messages.filter((m) => m.from === 'requester')).toEqual([
      expect.objectContaining({ id: '2', text: body.text, attachments: ['screenshot.png'] }),
    ]);
    const file = await readFile(join(stored!.folder, 'requester-replies', '2', 'screenshot.png'));
    expect(file.toString('base64')).toBe(SHOT);
    const served = await fetch(`${rig.receiver.url}/tickets/1/requester-replies/2/screenshot.png`, { headers: AUTH });
    expect(served.headers.get('content-type')).toBe('image/png');
    // What the person adds is not a technician's reply.
    expect((await status()).replies.map((r: { id: string }) => r.id)).toEqual(['1']);
  });

  it('refuses with 422 a key already used for other information, and stores nothing more', async () => {
    expect((await addInformation({ text: 'It fails on Mondays.' }, 'reply-1')).status).toBe(201);
    const other = await addInformation({ text: 'It fails on Tuesdays too.' }, 'reply-1');
    expect(other.status).toBe(422);
    expect(await other.json()).toEqual({
      error: 'Idempotency-Key reply-1 was already used on ticket 1 for other information (message 1)',
      field: 'Idempotency-Key',
    });
    expect((await addInformation({ text: 'It fails on Tuesdays too.' }, 'reply-2')).status).toBe(201);
    const texts = (await rig.receiver.store.get('1'))!.conversation.messages.map((m) => m.text);
    expect(texts).toEqual(['It fails on Mondays.', 'It fails on Tuesdays too.']);
  });

  it('refuses what it cannot store, with a clear 400 and nothing stored', async () => {
    const cases: [unknown, string | null, string, RegExp][] = [
      [{ text: 'No key' }, null, 'Idempotency-Key', /Idempotency-Key header is required/],
      [{ text: '   ' }, 'k', 'text', /nothing to add/],
      [{ attachments: [] }, 'k', 'text', /text is required/],
      [
        { text: 'x', attachments: [{ filename: '../ticket.json', contentType: 'application/json', data: 'e30=' }] },
        'k',
        'attachments[0].filename',
        /contains a path separator/,
      ],
      [
        { text: 'x', attachments: [{ filename: 'conversation.json', contentType: 'application/json', data: 'e30=' }] },
        'k',
        'attachments[0].filename',
        /reserved/,
      ],
    ];
    for (const [body, key, field, message] of cases) {
      const res = await addInformation(body, key);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const answer = await res.json();
      expect(answer.field).toBe(field);
      expect(answer.error).toMatch(message);
    }
    expect((await rig.receiver.store.get('1'))!.conversation.messages).toEqual([]);
    expect(await readdir(join(rig.dataDir, '000001'))).not.toContain('requester-replies');
    expect(
      (await postJson(`${rig.receiver.url}/tickets/42/requester-replies`, { text: 'x' }, { 'Idempotency-Key': 'k' }))
        .status,
    ).toBe(404);
  });

  it('answers 409 once the ticket is closed, yet still replays what was stored before', async () => {
    const first = await (await addInformation({ text: 'Before closing' }, 'before')).json();
    await postJson(`${links.url}/status`, { status: 'closed' });
    const late = await addInformation({ text: 'After closing' }, 'after');
    expect(late.status).toBe(409);
    expect((await late.json()).error).toBe('Ticket 1 is closed: it takes no more information');
    const retry = await addInformation({ text: 'Before closing' }, 'before');
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(first);
  });

  it('accepts multipart/form-data like tickets: payload_json and file parts', async () => {
    const manifest = {
      text: 'Here is the screen now',
      attachments: [{ filename: 'screenshot-2.png', contentType: 'image/png', part: 'files[0]' }],
    };
    const { body, contentType } = encodeMultipart(
      [
        {
          name: 'payload_json',
          contentType: 'application/json',
          data: new TextEncoder().encode(JSON.stringify(manifest)),
        },
        { name: 'files[0]', filename: 'screenshot-2.png', contentType: 'image/png', data: Buffer.from(SHOT, 'base64') },
      ],
      'mayday-reply',
    );
    const res = await fetch(links.replyUrl, {
      method: 'POST',
      headers: { ...AUTH, 'Content-Type': contentType, 'Idempotency-Key': 'multipart-1' },
      body: body as BodyInit,
    });
    expect(res.status).toBe(201);
    const stored = await rig.receiver.store.get('1');
    const file = await readFile(join(stored!.folder, 'requester-replies', '1', 'screenshot-2.png'));
    expect(file.toString('base64')).toBe(SHOT);
  });
});

describe('with a signing secret', () => {
  it('requires the signature on added information too, with the Idempotency-Key as webhook-id', async () => {
    const secret = 'whsec_' + Buffer.from('receiver signing secret').toString('base64');
    const dir = await mkdtemp(join(tmpdir(), 'mayday-receiver-signed-'));
    const signed = await startReceiver({ dataDir: dir, token: TOKEN, signingSecret: secret });
    try {
      const sign = async (id: string, body: Uint8Array) => {
        const timestamp = Math.floor(Date.now() / 1000);
        return {
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': await signWebhook(secret, id, timestamp, body),
        };
      };
      const payload = samplePayload();
      const ticketBody = new TextEncoder().encode(JSON.stringify(payload));
      const ticket = await (
        await postJson(
          `${signed.url}/tickets`,
          Buffer.from(ticketBody).toString(),
          await sign(payload.ticket.id, ticketBody),
        )
      ).json();
      const body = new TextEncoder().encode(JSON.stringify({ text: 'Signed addition' }));
      const unsigned = await postJson(ticket.replyUrl, Buffer.from(body).toString(), { 'Idempotency-Key': 'r1' });
      expect(unsigned.status).toBe(401);
      const ok = await postJson(ticket.replyUrl, Buffer.from(body).toString(), {
        'Idempotency-Key': 'r1',
        ...(await sign('r1', body)),
      });
      expect(ok.status).toBe(201);
    } finally {
      await signed.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the ticket's page", () => {
  async function signedIn() {
    const res = await raw(rig.receiver.url, 'POST', '/login', FORM, form({ token: TOKEN, next: '/' }));
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    const page = await raw(rig.receiver.url, 'GET', '/tickets/1/page', { Cookie: cookie });
    return { cookie, csrf: /name="csrf" value="([^"]+)"/.exec(page.body)![1] };
  }
  const page = async (cookie: string) =>
    (await raw(rig.receiver.url, 'GET', '/tickets/1/page', { Cookie: cookie })).body;

  it('shows the report, the conversation and what the person added, every string as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    await technician({ text: `Try again ${evil}`, author: `Sam ${evil}` });
    await technician({ text: 'Internal: proxy', author: 'Sam', internal: true });
    await addInformation(
      { text: `Still failing ${evil}`, attachments: [{ filename: 'shot.png', contentType: 'image/png', data: SHOT }] },
      'k1',
    );
    const { cookie } = await signedIn();
    const html = await page(cookie);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('Ana &#60;b&#62;Lima&#60;/b&#62; · ana@example.org');
    expect(html).toContain('Reply</strong> from Sam &#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('Internal note</strong> from Sam');
    expect(html).toContain('Added by Ana &#60;b&#62;Lima&#60;/b&#62; · ana@example.org</strong>');
    expect(html).toContain('Still failing &#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('href="/tickets/1/requester-replies/3/shot.png"');
    expect(html).toContain('href="/tickets/1/attachments/report.html"');
    expect(html).toContain('<dt>Status</dt><dd>New</dd>');
  });

  it('takes a reply and a status from its forms, and keeps what was typed when a field is missing', async () => {
    const { cookie, csrf } = await signedIn();
    const sent = await raw(
      rig.receiver.url,
      'POST',
      '/tickets/1/replies',
      { ...FORM, Cookie: cookie, Origin: rig.receiver.url },
      form({ csrf, text: 'Please reload the page.', author: 'Sam', status: 'waiting' }),
    );
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe('/tickets/1/page');
    expect(await status()).toEqual({
      status: 'waiting',
      closed: false,
      replies: [{ id: '1', at: expect.any(String), author: 'Sam', text: 'Please reload the page.' }],
    });

    const missing = await raw(
      rig.receiver.url,
      'POST',
      '/tickets/1/replies',
      { ...FORM, Cookie: cookie },
      form({ csrf, text: 'Typed <carefully>', author: '', internal: 'on', status: 'waiting' }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body).toContain('role="alert">Not sent: author: author is required');
    expect(missing.body).toContain('>Typed &#60;carefully&#62;</textarea>');
    expect(missing.body).toContain('name="internal" value="on" checked');

    const closed = await raw(
      rig.receiver.url,
      'POST',
      '/tickets/1/status',
      { ...FORM, Cookie: cookie },
      form({ csrf, status: 'closed' }),
    );
    expect(closed.status).toBe(303);
    expect((await status()).closed).toBe(true);
    expect(await page(cookie)).toContain('<option value="closed" selected>Closed</option>');
  });
});

describe('without a token', () => {
  it('serves everything openly, but still takes form posts only from its own pages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mayday-receiver-open-'));
    const open = await startReceiver({ dataDir: dir });
    try {
      await postJson(`${open.url}/tickets`, samplePayload());
      expect((await fetch(`${open.url}/tickets/1/status`)).status).toBe(200);
      const page = await raw(open.url, 'GET', '/tickets/1/page');
      expect(page.status).toBe(200);
      expect(page.body).toContain('name="csrf" value=""');
      const crossSite = await raw(
        open.url,
        'POST',
        '/tickets/1/status',
        { ...FORM, Origin: 'https://evil.example' },
        form({ status: 'closed' }),
      );
      expect(crossSite.status).toBe(403);
      const own = await raw(
        open.url,
        'POST',
        '/tickets/1/status',
        { ...FORM, Origin: open.url },
        form({ status: 'closed' }),
      );
      expect(own.status).toBe(303);
    } finally {
      await open.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
