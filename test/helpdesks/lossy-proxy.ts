/**
 * A pass-through proxy in front of a real helpdesk that loses one reply: the first request `match`
 * accepts is forwarded (so the helpdesk acts on it) but never answered, as when a connection drops
 * on the way back.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LossyProxy {
  url: string;
  /** Requests whose reply was withheld. */
  lost: number;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function lossyProxy(
  target: string,
  match: (method: string, path: string) => boolean,
): Promise<LossyProxy> {
  let armed = true;
  const proxy: LossyProxy = { url: '', lost: 0, close: async () => {} };
  // A request that fails drops the connection: the client sees a network error, not a hang.
  const server = createServer((req, res) => void forward(req, res).catch((error: Error) => res.destroy(error)));
  async function forward(req: IncomingMessage, res: ServerResponse) {
    const body = await bodyOf(req);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
    const reply = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(body),
    });
    const payload = Buffer.from(await reply.arrayBuffer());
    if (armed && match(req.method ?? 'GET', req.url ?? '/')) {
      armed = false;
      proxy.lost++;
      return; // the helpdesk did the work; its answer never arrives
    }
    res.writeHead(reply.status, { 'Content-Type': reply.headers.get('content-type') ?? 'application/octet-stream' });
    res.end(payload);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
