/** A receiver on a temporary folder per test, and requests to it with or without the token. */
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { startReceiver, type Receiver, type ReceiverOptions } from '../../../receiver/server';

export const TOKEN = 'receiver-test-token';
export const AUTH = { Authorization: `Bearer ${TOKEN}` };

export interface Rig {
  receiver: Receiver;
  dataDir: string;
  restart(options?: Partial<ReceiverOptions>): Promise<void>;
}

export function useReceiver(options: Partial<ReceiverOptions> = {}): Rig {
  const rig = {} as Rig;
  beforeEach(async () => {
    rig.dataDir = await mkdtemp(join(tmpdir(), 'mayday-receiver-unit-'));
    rig.receiver = await startReceiver({ dataDir: rig.dataDir, token: TOKEN, maxBodyBytes: 200_000, ...options });
    rig.restart = async (more = {}) => {
      await rig.receiver.close();
      rig.receiver = await startReceiver({ dataDir: rig.dataDir, token: TOKEN, ...options, ...more });
    };
  });
  afterEach(async () => {
    await rig.receiver.close();
    await rm(rig.dataDir, { recursive: true, force: true });
  });
  return rig;
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...AUTH, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, for the headers fetch will not send as given (Host, Origin, Cookie). */
export function raw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port: Number(port), method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' };
