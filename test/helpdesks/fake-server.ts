/**
 * The small HTTP server under the GLPI and Zammad contract fakes: records every request, answers
 * through a handler, and injects one-off faults (answer something else, or do the work and then drop
 * the connection, as when a reply is lost on the way).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Reply {
  status: number;
  /** Sent as JSON unless `text` is given. */
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

type Fault = Reply | 'drop-after';

export interface FakeServer {
  url: string;
  seen: Seen[];
  /** The next request that `match` accepts meets `fault` instead of the normal answer. */
  faultOnce(match: (seen: Seen) => boolean, fault: Fault): void;
  close(): Promise<void>;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  body,
  headers,
});

/** A multipart or urlencoded body read the way a server framework would. */
/** A request's JSON value as the helpdesk's PHP reads it into a text field (objects and arrays: nothing). */
export function fieldText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

export function formOf(seen: Seen): Promise<FormData> {
  return new Request('http://fake/', {
    method: 'POST',
    headers: { 'content-type': String(seen.headers['content-type']) },
    body: new Uint8Array(seen.body),
  }).formData();
}

export async function startFakeServer(handle: (seen: Seen) => Reply | Promise<Reply>): Promise<FakeServer> {
  const seen: Seen[] = [];
  const faults: { match: (s: Seen) => boolean; fault: Fault }[] = [];
  // A handler that throws drops the connection: the client sees a network error, not a hang.
  const server = createServer((req, res) => void serve(req, res).catch((error: Error) => res.destroy(error)));
  async function serve(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: Seen = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    seen.push(request);
    const at = faults.findIndex((f) => f.match(request));
    const fault = at >= 0 ? faults.splice(at, 1)[0].fault : undefined;
    if (fault && fault !== 'drop-after') return send(fault);
    const reply = await handle(request);
    if (fault === 'drop-after') return void res.socket?.destroy();
    send(reply);

    function send(reply: Reply) {
      const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
      const type = reply.text === undefined ? 'application/json; charset=utf-8' : 'text/html';
      res.writeHead(reply.status, { 'Content-Type': type, ...reply.headers });
      res.end(text);
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    faultOnce: (match, fault) => void faults.push({ match, fault }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
