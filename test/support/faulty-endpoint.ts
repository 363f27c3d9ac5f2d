/**
 * A front for the receiver that misbehaves on command, on a fixed port of 127.0.0.1:
 * refuse (nothing listens), 500, 429 with Retry-After: 2, hang (never answers), swallow
 * (forwards, so the ticket is stored, but never answers: the reply is lost), pass.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'refuse' | '500' | '429' | 'hang' | 'swallow' | 'pass';

export interface FaultyEndpoint {
  url: string;
  /** Requests that reached the front, by fault in force when they arrived. */
  seen: Record<Fault, number>;
  /** The body of every request, byte for byte, in order. */
  bodies: Buffer[];
  set(fault: Fault): Promise<void>;
  close(): Promise<void>;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function faultyEndpoint(target: string, initial: Fault = 'pass'): Promise<FaultyEndpoint> {
  let fault: Fault = initial;
  const seen: Record<Fault, number> = { refuse: 0, '500': 0, '429': 0, hang: 0, swallow: 0, pass: 0 };
  const bodies: Buffer[] = [];
  const forward = async (req: IncomingMessage, body: Buffer) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
    return fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' ? undefined : new Uint8Array(body),
    });
  };
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const now = fault;
    seen[now]++;
    const body = await readAll(req);
    bodies.push(body);
    if (now === 'hang') return;
    if (now === '500') return void res.writeHead(500, { 'Content-Type': 'text/plain' }).end('injected failure');
    if (now === '429')
      return void res.writeHead(429, { 'Retry-After': '2', 'Content-Type': 'text/plain' }).end('slow down');
    const reply = await forward(req, body);
    if (now === 'swallow') return;
    res.writeHead(reply.status, { 'Content-Type': reply.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await reply.arrayBuffer()));
  };
  // A receiver that fails to answer still fails the test: the rejection stays unhandled.
  const server: Server = createServer((req, res) => void answer(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const stopListening = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  if (initial === 'refuse') await stopListening();
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    bodies,
    async set(next) {
      if (next === 'refuse' && server.listening) await stopListening();
      if (next !== 'refuse' && !server.listening)
        await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      fault = next;
    },
    close: () => (server.listening ? stopListening() : Promise.resolve()),
  };
}
