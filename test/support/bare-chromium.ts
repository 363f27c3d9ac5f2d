/**
 * Chromium for measuring, driven through puppeteer-core's CDP connection with Puppeteer attached to
 * no page. Playwright, and Puppeteer on the pages it drives, enable the Runtime domain on every
 * page, so that each console call becomes a protocol event that keeps its arguments alive. Told to
 * attach to no target (`targetFilter`), Puppeteer leaves the pages alone: the caller attaches a
 * session to each page it measures and enables only what it asks for (Page events at most, never
 * Runtime), so a page's console calls cost what they cost for a person. Measured here (100,000
 * `console.error('Request failed', i, o)`, median of 9 runs, load average ~16): 66 µs a call this
 * way, 64 µs over a hand-written pipe client with nothing enabled, 258 µs in a Playwright page.
 * No Playwright flag either (--disable-extensions among them): a page here runs the extension
 * system a real browser runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type CDPSession, type Connection } from 'puppeteer-core';
import { findChromium } from './chromium';

export interface BareChromium {
  /** The browser's own connection: Target, Tracing, IO and the events they send. */
  readonly connection: Connection;
  /** A session of our own with a target (Puppeteer keeps none). */
  attach(targetId: string): Promise<CDPSession>;
  /** A new tab on about:blank, and our session with it. */
  newTab(): Promise<{ targetId: string; session: CDPSession }>;
  /** Stops or continues every process of this browser (it runs in its own process group). */
  signal(name: 'SIGSTOP' | 'SIGCONT'): void;
  close(): Promise<void>;
}

interface BareOptions {
  /** An unpacked extension to load, as a person's browser would have it. */
  extensionDir?: string;
  /** Flags beyond the few every bare Chromium here runs with. */
  flags?: string[];
}

export async function launchBare(options: BareOptions = {}): Promise<BareChromium> {
  const profileDir = await mkdtemp(join(tmpdir(), 'mayday-bare-'));
  const extension = options.extensionDir
    ? [`--disable-extensions-except=${options.extensionDir}`, `--load-extension=${options.extensionDir}`]
    : [];
  const browser = await puppeteer
    .launch({
      executablePath: findChromium(),
      pipe: true,
      // Exactly these flags (Puppeteer adds --remote-debugging-pipe only).
      ignoreDefaultArgs: true,
      args: [
        '--headless',
        `--user-data-dir=${profileDir}`,
        '--no-first-run',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        ...(options.flags ?? []),
        ...extension,
        'about:blank',
      ],
      targetFilter: () => false,
      waitForInitialPage: false,
      defaultViewport: null,
      // No limit per command: a million console calls in one evaluation take minutes here.
      protocolTimeout: 0,
    })
    .catch(async (error) => {
      await rm(profileDir, { recursive: true, force: true });
      throw error;
    });
  const connection = (await browser.target().createCDPSession()).connection()!;
  const group = browser.process()!.pid!;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-group, name);
    } catch {
      /* already gone */
    }
  };
  const attach = async (targetId: string) =>
    connection.createSession((await connection.send('Target.getTargetInfo', { targetId })).targetInfo);
  let closed: Promise<void> | undefined;
  return {
    connection,
    attach,
    async newTab() {
      const { targetId } = await connection.send('Target.createTarget', { url: 'about:blank' });
      return { targetId, session: await attach(targetId) };
    },
    signal,
    close: () =>
      (closed ??= (async () => {
        signal('SIGCONT'); // a frozen browser could not close
        const killer = setTimeout(() => signal('SIGKILL'), 5000);
        await browser.close().catch(() => signal('SIGKILL'));
        clearTimeout(killer);
        await rm(profileDir, { recursive: true, force: true });
      })()),
  };
}

/** The value of `expression` in the session's page (promises awaited), or its exception as an error. */
export async function evaluate<T = unknown>(session: CDPSession, expression: string): Promise<T> {
  const reply = await session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (reply.exceptionDetails)
    throw new Error(`${expression}: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
  return reply.result.value as T;
}
