/**
 * The reference webhook receiver: what Mayday sends, and what an admin's own endpoint must answer.
 * POST /tickets stores a ticket and answers 201 {id, url, statusUrl, replyUrl}; Mayday reads the
 * status and the technicians' public replies at statusUrl and adds the person's information at
 * replyUrl. Technicians list, read and answer tickets from their browser. The contract is
 * documented in docs/delivery.md.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { verifyWebhook } from '../utils/core/delivery/signature';
import { REPORT_CSP } from '../utils/core/ticket/report-style';
import { bearerMatches, formValue, safeNext, sameOrigin, sameSecret, sessionCookie, sessionMatches } from './auth';
import {
  checkRequesterReply,
  checkStatusChange,
  checkTechnicianReply,
  statusDocument,
  type TechnicianReply,
} from './conversation';
import { BodyError, decodeBody } from './decode';
import { INDEX_CSP, renderIndex, renderLogin } from './index-page';
import { attachmentNameProblem } from './names';
import { BrokenTicket, KeyConflict, TicketClosed, TicketStore, ticketFingerprint, type StoredReceipt } from './store';
import { renderTicketPage, type ReplyDraft } from './ticket-page';
import { checkPayload } from './validate';

export interface ReceiverOptions {
  dataDir: string;
  /**
   * When set, every route but /health and /login requires it: `Authorization: Bearer <token>`,
   * or, for a technician's browser, the session cookie set by signing in at /login.
   */
  token?: string;
  /** When set, what Mayday POSTs (tickets, added information) must carry a valid Standard Webhooks signature. */
  signingSecret?: string;
  /**
   * The receiver's address as clients reach it (e.g. https://help.example.org behind a TLS proxy);
   * by default, links in answers are built from the request's Host.
   */
  publicUrl?: string;
  maxBodyBytes?: number;
  now?: () => Date;
}

export interface Receiver {
  server: Server;
  store: TicketStore;
  url: string;
  /** Stops at once, dropping open connections (tests). */
  close(): Promise<void>;
  /** Stops accepting, lets requests in progress finish and their tickets be written (SIGTERM). */
  shutdown(): Promise<void>;
}

const FILE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.zip': 'application/zip',
  '.txt': 'text/plain; charset=utf-8',
};
/**
 * report.html comes from a reporter's browser. Served from here it gets the CSP it declares, plus
 * a sandbox (an opaque origin, no script): even a forged one cannot act as this receiver's origin.
 */
const HTML_HEADERS = { 'Content-Security-Policy': `${REPORT_CSP}; sandbox` };
const KEY_MAX = 200;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Not signed in: a browser asking for a page gets the sign-in form instead. */
class Unauthorized extends HttpError {
  constructor(readonly next?: string) {
    super(401, 'Missing or wrong bearer token');
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': INDEX_CSP,
    // same-origin: other sites get no Referer; a form post keeps its Origin, which is checked.
    'Referrer-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(html);
}

function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}) {
  res.writeHead(303, { Location: location, 'Cache-Control': 'no-store', ...headers });
  res.end();
}

/**
 * Reads the body up to `limit` bytes. A larger body is drained and discarded so that the client
 * reads the 413 instead of a reset connection; a grossly larger one is cut off.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit * 10) req.destroy();
    });
    req.on('end', () =>
      size > limit ? reject(new HttpError(413, `Body larger than ${limit} bytes`)) : resolve(Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

const isForm = (req: IncomingMessage) => /^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '');
const header = (req: IncomingMessage, name: string) =>
  typeof req.headers[name] === 'string' ? req.headers[name] : undefined;

function idempotencyKey(req: IncomingMessage): string | null {
  const key = header(req, 'idempotency-key');
  if (key === undefined) return null;
  if (key === '' || key.length > KEY_MAX)
    throw new HttpError(400, `Idempotency-Key must be 1 to ${KEY_MAX} characters`, 'Idempotency-Key');
  return key;
}

async function decode(body: Buffer, req: IncomingMessage): Promise<unknown> {
  try {
    return await decodeBody(body, req.headers['content-type'] ?? '');
  } catch (error) {
    if (error instanceof BodyError) throw new HttpError(400, error.message, error.field);
    throw error;
  }
}

export async function startReceiver(options: ReceiverOptions, port = 0, host = '127.0.0.1'): Promise<Receiver> {
  const store = await TicketStore.open(options.dataDir);
  const limit = options.maxBodyBytes ?? 25 * 1024 * 1024;
  const now = options.now ?? (() => new Date());
  const token = options.token || undefined;
  const inFlight = new Map<string, Promise<StoredReceipt>>();
  const publicUrl = options.publicUrl?.replace(/\/+$/, '');
  let base = '';

  /** Absolute links for the client that asked: through the address it used. */
  function origin(req: IncomingMessage): string {
    if (publicUrl) return publicUrl;
    const hostHeader = req.headers.host ?? '';
    return /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(hostHeader) ? `http://${hostHeader}` : base;
  }
  const answer = (req: IncomingMessage, receipt: StoredReceipt) => {
    const ticket = `${origin(req)}/tickets/${receipt.id}`;
    return {
      id: receipt.id,
      url: ticket,
      statusUrl: `${ticket}/status`,
      replyUrl: `${ticket}/requester-replies`,
    };
  };

  /** Programs: the bearer token. Browsers reading pages and files: the session cookie too. */
  function canRead(req: IncomingMessage): boolean {
    return !token || bearerMatches(req, token) || sessionMatches(req, token);
  }
  function requireBearer(req: IncomingMessage) {
    if (token && !bearerMatches(req, token)) throw new Unauthorized();
  }

  async function requireSignature(req: IncomingMessage, body: Buffer) {
    if (!options.signingSecret) return;
    const signed = {
      id: header(req, 'webhook-id'),
      timestamp: header(req, 'webhook-timestamp'),
      signature: header(req, 'webhook-signature'),
    };
    if (!(await verifyWebhook(options.signingSecret, signed, body, Math.floor(now().getTime() / 1000))))
      throw new HttpError(401, 'Missing, stale or wrong webhook signature');
  }

  async function postTicket(req: IncomingMessage, res: ServerResponse) {
    requireBearer(req);
    const key = idempotencyKey(req);
    const body = await readBody(req, limit);
    await requireSignature(req, body);
    const checked = checkPayload(await decode(body, req));
    if (!checked.ok) throw new HttpError(400, checked.message, checked.field);
    const { ticket, attachments } = checked.payload;
    if (key) {
      // Wait for a save under the same key to finish; nothing awaits between this and the save below.
      for (let pending = inFlight.get(key); pending; pending = inFlight.get(key)) await pending.catch(() => undefined);
      const earlier = store.findByKey(key);
      if (earlier) {
        const same = earlier.fingerprint
          ? earlier.fingerprint === ticketFingerprint(ticket)
          : earlier.ticketId === ticket.id;
        if (!same)
          throw new HttpError(
            422,
            `Idempotency-Key ${key} was already used for another ticket (stored as ticket ${earlier.id}); ` +
              'a key names one ticket, send a new ticket with a new key',
            'Idempotency-Key',
          );
        return send(res, 201, answer(req, earlier), { 'Idempotent-Replayed': 'true' });
      }
    }
    const saving = store.save(ticket, attachments, key, now());
    if (key) inFlight.set(key, saving);
    try {
      send(res, 201, answer(req, await saving));
    } finally {
      if (key) inFlight.delete(key);
    }
  }

  async function listTickets(req: IncomingMessage, res: ServerResponse) {
    const { tickets, broken } = await store.scan();
    send(res, 200, {
      tickets: tickets.map(({ receipt, ticket, conversation }) => ({
        ...answer(req, receipt),
        ticketId: ticket.id,
        receivedAt: receipt.receivedAt,
        status: conversation.status,
        description: ticket.description,
        page: ticket.page.url,
      })),
      broken,
    });
  }

  async function getFile(res: ServerResponse, path: string) {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw new HttpError(404, 'No such ticket or file');
    const dot = path.lastIndexOf('.');
    const ext = dot > path.lastIndexOf('/') ? path.slice(dot).toLowerCase() : '';
    res.writeHead(200, {
      'Content-Type': FILE_TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      // Stored files carry page-controlled text: nothing in them may run as this origin.
      ...(ext === '.html' ? HTML_HEADERS : { 'Content-Security-Policy': "default-src 'none'; sandbox" }),
    });
    createReadStream(path).pipe(res);
  }

  async function ticketOr404(id: string) {
    const stored = await store.get(id);
    if (!stored) throw new HttpError(404, `No ticket ${id}`);
    return stored;
  }

  const csrf = () => (token ? formValue(token) : '');

  /**
   * A technician's form post: it must come from one of this receiver's pages (Origin), from a
   * signed-in browser, and carry the form token those pages hold.
   */
  async function readForm(req: IncomingMessage, id: string): Promise<URLSearchParams> {
    if (!sameOrigin(req, publicUrl)) throw new HttpError(403, 'Form posted from another site');
    const form = new URLSearchParams((await readBody(req, limit)).toString('utf8'));
    if (token && !bearerMatches(req, token)) {
      if (!sessionMatches(req, token)) throw new Unauthorized(`/tickets/${id}/page`);
      if (!sameSecret(form.get('csrf') ?? '', formValue(token)))
        throw new HttpError(403, 'The form is out of date: reload the ticket page and send it again', 'csrf');
    }
    return form;
  }

  async function postTechnicianReply(req: IncomingMessage, res: ServerResponse, id: string) {
    if (isForm(req)) {
      const form = await readForm(req, id);
      const draft: ReplyDraft = {
        text: form.get('text') ?? '',
        author: form.get('author') ?? '',
        internal: form.get('internal') === 'on',
        status: form.get('status') ?? undefined,
      };
      const checked = checkTechnicianReply({ ...draft, status: draft.status || undefined });
      if (!checked.ok) {
        const stored = await ticketOr404(id);
        return sendHtml(res, 400, renderTicketPage(stored, { csrf: csrf(), error: checked.message, draft }));
      }
      if (!(await store.addTechnicianReply(id, checked.payload, now()))) throw new HttpError(404, `No ticket ${id}`);
      return redirect(res, `/tickets/${id}/page`);
    }
    requireBearer(req);
    const checked = checkTechnicianReply(await decode(await readBody(req, limit), req));
    if (!checked.ok) throw new HttpError(400, checked.message, checked.field);
    const reply: TechnicianReply = checked.payload;
    const done = await store.addTechnicianReply(id, reply, now());
    if (!done) throw new HttpError(404, `No ticket ${id}`);
    const { message, conversation } = done;
    send(res, 201, {
      id: message.id,
      at: message.at,
      author: message.author,
      text: message.text,
      internal: message.internal,
      status: conversation.status,
    });
  }

  async function postStatus(req: IncomingMessage, res: ServerResponse, id: string) {
    if (isForm(req)) {
      const form = await readForm(req, id);
      const checked = checkStatusChange({ status: form.get('status') ?? undefined });
      if (!checked.ok) {
        const stored = await ticketOr404(id);
        return sendHtml(res, 400, renderTicketPage(stored, { csrf: csrf(), error: checked.message }));
      }
      if (!(await store.setStatus(id, checked.payload.status))) throw new HttpError(404, `No ticket ${id}`);
      return redirect(res, `/tickets/${id}/page`);
    }
    requireBearer(req);
    const checked = checkStatusChange(await decode(await readBody(req, limit), req));
    if (!checked.ok) throw new HttpError(400, checked.message, checked.field);
    const conversation = await store.setStatus(id, checked.payload.status);
    if (!conversation) throw new HttpError(404, `No ticket ${id}`);
    send(res, 200, statusDocument(conversation));
  }

  /** replyUrl: what the person adds from Mayday, stored once per Idempotency-Key. */
  async function postRequesterReply(req: IncomingMessage, res: ServerResponse, id: string) {
    requireBearer(req);
    const key = idempotencyKey(req);
    if (!key)
      throw new HttpError(
        400,
        'Idempotency-Key header is required: it keeps a retried reply from being stored twice',
        'Idempotency-Key',
      );
    const body = await readBody(req, limit);
    await requireSignature(req, body);
    const checked = checkRequesterReply(await decode(body, req));
    if (!checked.ok) throw new HttpError(400, checked.message, checked.field);
    let done;
    try {
      done = await store.addRequesterReply(id, checked.payload, key, now());
    } catch (error) {
      if (error instanceof KeyConflict) throw new HttpError(422, error.message, 'Idempotency-Key');
      if (error instanceof TicketClosed) throw new HttpError(409, error.message);
      throw error;
    }
    if (!done) throw new HttpError(404, `No ticket ${id}`);
    const { message, replayed } = done;
    send(
      res,
      201,
      { id: message.id, at: message.at, status: message.status },
      replayed ? { 'Idempotent-Replayed': 'true' } : {},
    );
  }

  async function login(req: IncomingMessage, res: ServerResponse) {
    const form = new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'));
    const next = safeNext(form.get('next'));
    if (!token) return redirect(res, next);
    if (!sameSecret(form.get('token') ?? '', token)) return sendHtml(res, 401, renderLogin(next, true));
    redirect(res, next, { 'Set-Cookie': sessionCookie(token) });
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (path === '/health') return send(res, 200, { ok: true });
    if (path === '/login' && method === 'GET')
      return sendHtml(res, 200, renderLogin(safeNext(url.searchParams.get('next')), false));
    if (path === '/login' && method === 'POST') return login(req, res);
    if (path === '/tickets' && method === 'POST') return postTicket(req, res);

    const item = /^\/tickets\/(\d{1,9})(?:\/(.*))?$/.exec(path);
    const id = item ? String(Number(item[1])) : '';
    const sub = item?.[2];
    if (item && method === 'POST') {
      if (sub === 'replies') return postTechnicianReply(req, res, id);
      if (sub === 'status') return postStatus(req, res, id);
      if (sub === 'requester-replies') return postRequesterReply(req, res, id);
    }
    if (method !== 'GET' && method !== 'HEAD') {
      requireBearer(req);
      throw new HttpError(404, 'Not found');
    }
    if (!canRead(req)) throw new Unauthorized(path === '/' || sub === 'page' ? path : undefined);

    if (path === '/') {
      const { tickets, broken } = await store.scan();
      return sendHtml(res, 200, renderIndex(tickets, broken));
    }
    if (path === '/tickets') return listTickets(req, res);
    if (!item) throw new HttpError(404, 'Not found');
    if (sub === undefined || sub === 'ticket.json') return getFile(res, join(store.folderOf(id), 'ticket.json'));
    if (sub === 'page') return sendHtml(res, 200, renderTicketPage(await ticketOr404(id), { csrf: csrf() }));
    if (sub === 'status') return send(res, 200, statusDocument((await ticketOr404(id)).conversation));
    const file = /^attachments\/([^/]+)$/.exec(sub) ?? /^requester-replies\/(\d{1,9})\/([^/]+)$/.exec(sub);
    if (file) {
      const name = decodeURIComponent(file[file.length - 1]);
      if (attachmentNameProblem(name)) throw new HttpError(404, 'No such ticket or file');
      const folder = file.length === 2 ? ['attachments'] : ['requester-replies', String(Number(file[1]))];
      return getFile(res, join(store.folderOf(id), ...folder, name));
    }
    throw new HttpError(404, 'Not found');
  }

  let closing = false;
  // Every failure is answered inside (500 at worst): the promise never rejects.
  const server = createServer((req, res) => void respond(req, res));
  async function respond(req: IncomingMessage, res: ServerResponse) {
    // During a graceful shutdown, a keep-alive connection must not outlive its last answer.
    res.on('finish', () => closing && req.socket.end());
    try {
      await route(req, res);
    } catch (thrown) {
      const error = thrown instanceof URIError ? new HttpError(404, 'No such ticket or file') : thrown;
      if (res.headersSent) return void res.destroy();
      const wantsPage = /text\/html/.test(req.headers.accept ?? '') && (req.method === 'GET' || isForm(req));
      if (error instanceof Unauthorized && wantsPage) {
        const next = error.next ?? new URL(req.url ?? '/', 'http://receiver').pathname;
        return sendHtml(res, 401, renderLogin(safeNext(next), false), { 'WWW-Authenticate': 'Bearer' });
      }
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof HttpError || error instanceof BrokenTicket ? error.message : 'Internal error';
      if (status === 500) console.error(error);
      const headers: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
      send(
        res,
        status,
        { error: message, ...(error instanceof HttpError && error.field ? { field: error.field } : {}) },
        headers,
      );
    }
  }
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  base = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  return {
    server,
    store,
    url: base,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    shutdown: () =>
      new Promise((resolve) => {
        closing = true;
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
