/**
 * The reference webhook receiver: what Mayday sends, and what an admin's own endpoint must answer.
 * POST /tickets stores a ticket and answers 201 {id, url}; GET /tickets lists them.
 */
import { timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { verifyWebhook } from '../utils/core/delivery/signature';
import { REPORT_CSP } from '../utils/core/ticket/report-style';
import { BodyError, decodeBody } from './decode';
import { INDEX_CSP, renderIndex } from './index-page';
import { TicketStore, type StoredReceipt } from './store';
import { checkPayload } from './validate';

export interface ReceiverOptions {
  dataDir: string;
  /** When set, POST /tickets requires `Authorization: Bearer <token>`. */
  token?: string;
  /** When set, POST /tickets requires a valid Standard Webhooks signature made with it. */
  signingSecret?: string;
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
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.zip': 'application/zip',
};
/**
 * report.html comes from a reporter's browser. Served from here it gets the CSP it declares, plus
 * a sandbox (an opaque origin, no script): even a forged one cannot act as this receiver's origin.
 */
const HTML_HEADERS = { 'Content-Security-Policy': `${REPORT_CSP}; sandbox` };

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
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

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startReceiver(options: ReceiverOptions, port = 0, host = '127.0.0.1'): Promise<Receiver> {
  const store = await TicketStore.open(options.dataDir);
  const limit = options.maxBodyBytes ?? 25 * 1024 * 1024;
  const now = options.now ?? (() => new Date());
  const inFlight = new Map<string, Promise<StoredReceipt>>();
  let base = '';
  const answer = (receipt: StoredReceipt) => ({ id: receipt.id, url: `${base}/tickets/${receipt.id}` });

  async function postTicket(req: IncomingMessage, res: ServerResponse) {
    if (options.token && !tokenMatches(req.headers.authorization, options.token)) {
      throw new HttpError(401, 'Missing or wrong bearer token');
    }
    const key =
      typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'].slice(0, 200) : null;
    const body = await readBody(req, limit);
    if (options.signingSecret) {
      const header = (name: string) => (typeof req.headers[name] === 'string' ? req.headers[name] : undefined);
      const signed = {
        id: header('webhook-id'),
        timestamp: header('webhook-timestamp'),
        signature: header('webhook-signature'),
      };
      if (!(await verifyWebhook(options.signingSecret, signed, body, Math.floor(now().getTime() / 1000)))) {
        throw new HttpError(401, 'Missing, stale or wrong webhook signature');
      }
    }
    const earlier = key ? (store.findByKey(key) ?? (await inFlight.get(key)?.catch(() => undefined))) : undefined;
    if (earlier) return send(res, 201, answer(earlier), { 'Idempotent-Replayed': 'true' });
    let json: unknown;
    try {
      json = await decodeBody(body, req.headers['content-type'] ?? '');
    } catch (error) {
      if (error instanceof BodyError) throw new HttpError(400, error.message, error.field);
      throw error;
    }
    const checked = checkPayload(json);
    if (!checked.ok) throw new HttpError(400, checked.message, checked.field);
    const saving = store.save(checked.payload.ticket, checked.payload.attachments, key, now());
    if (key) inFlight.set(key, saving);
    try {
      send(res, 201, answer(await saving));
    } finally {
      if (key) inFlight.delete(key);
    }
  }

  async function listTickets(res: ServerResponse) {
    const tickets = await store.list();
    send(
      res,
      200,
      tickets.map(({ receipt, ticket }) => ({
        ...answer(receipt),
        ticketId: ticket.id,
        receivedAt: receipt.receivedAt,
        description: ticket.description,
        page: ticket.page.url,
      })),
    );
  }

  async function indexPage(res: ServerResponse) {
    const tickets = await store.list();
    const html = renderIndex(tickets, (t) => t.files);
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': INDEX_CSP,
      'Cache-Control': 'no-store',
    });
    res.end(html);
  }

  async function getFile(res: ServerResponse, id: string, file: string) {
    const path = join(store.folderOf(id), file);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw new HttpError(404, 'No such ticket or file');
    const ext = file.slice(file.lastIndexOf('.'));
    res.writeHead(200, {
      'Content-Type': FILE_TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'X-Content-Type-Options': 'nosniff',
      // Stored files carry page-controlled text: nothing in them may run as this origin.
      ...(ext === '.html' ? HTML_HEADERS : { 'Content-Security-Policy': "default-src 'none'; sandbox" }),
    });
    createReadStream(path).pipe(res);
  }

  let closing = false;
  // Every failure is answered inside (500 at worst): the promise never rejects.
  const server = createServer((req, res) => void respond(req, res));
  async function respond(req: IncomingMessage, res: ServerResponse) {
    // During a graceful shutdown, a keep-alive connection must not outlive its last answer.
    res.on('finish', () => closing && req.socket.end());
    try {
      const path = new URL(req.url ?? '/', 'http://receiver').pathname;
      const item = /^\/tickets\/(\d{1,9})(?:\/([\w.-]+))?$/.exec(path);
      if (path === '/tickets' && req.method === 'POST') await postTicket(req, res);
      else if (path === '/tickets' && req.method === 'GET') await listTickets(res);
      else if (item && req.method === 'GET') await getFile(res, item[1], item[2] ?? 'ticket.json');
      else if (path === '/' && req.method === 'GET') await indexPage(res);
      else if (path === '/health') send(res, 200, { ok: true });
      else throw new HttpError(404, 'Not found');
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof HttpError ? error.message : 'Internal error';
      if (status === 500) console.error(error);
      const headers: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
      if (!res.headersSent)
        send(
          res,
          status,
          { error: message, ...(error instanceof HttpError && error.field ? { field: error.field } : {}) },
          headers,
        );
      else res.destroy();
    }
  }
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  base = `http://${host}:${address.port}`;
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
