/**
 * Chromium driven over a bare DevTools pipe, for measurements Playwright would distort: Playwright
 * enables the Runtime domain on every page, so each console call becomes a protocol event (100,000
 * console.error calls take ~10 s and keep their arguments alive). Here nothing is enabled unless
 * asked, so a page's console calls cost what they cost for a person.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { findChromium } from './chromium';

export interface BareBrowser {
  send<T = any>(method: string, params?: object, sessionId?: string): Promise<T>;
  /** Opens `url` in a new tab and returns the session attached to it. */
  openPage(url: string): Promise<string>;
  /** The value of `expression` in the page of `session` (promises awaited). */
  evaluate<T = unknown>(session: string, expression: string): Promise<T>;
  close(): Promise<void>;
}

export async function launchBare(options: { extensionDir?: string } = {}): Promise<BareBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'mayday-bare-'));
  const extension = options.extensionDir
    ? [`--disable-extensions-except=${options.extensionDir}`, `--load-extension=${options.extensionDir}`]
    : [];
  const child: ChildProcess = spawn(
    findChromium(),
    [
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ...extension,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  let buffered = '';
  output.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let end: number;
    // Messages are NUL-terminated JSON.
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      const waiter = message.id !== undefined ? pending.get(message.id) : undefined;
      if (!waiter) continue;
      pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`${message.error.message} (${message.error.code})`));
      else waiter.resolve(message.result);
    }
  });
  const send = <T>(method: string, params: object = {}, sessionId?: string) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      input.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });
  return {
    send,
    async openPage(url) {
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
      await send('Page.navigate', { url }, sessionId);
      return sessionId;
    },
    async evaluate(session, expression) {
      const reply = await send<{
        result: { value: any };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, session);
      if (reply.exceptionDetails)
        throw new Error(
          `${expression}: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`,
        );
      return reply.result.value;
    },
    async close() {
      await send('Browser.close').catch(() => undefined);
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      await rm(profile, { recursive: true, force: true });
    },
  };
}
