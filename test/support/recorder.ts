/**
 * What the recorder's E2E tests share: a browser without the extension, to learn what a fixture
 * page computes on its own; sending a report as a person would and reading the ticket back; the
 * servers' special routes.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startReceiver, type Receiver } from '../../receiver/server';
import type { Ticket } from '../../utils/core/model/ticket';
import { launchBare } from './cdp-pipe';
import { launchWithExtension, type ExtensionBrowser } from './extension';
import { configureEndpoint, describeAndSend, startReport } from './flows';
import { serveFolder, type Route, type StaticServer } from './static-server';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

type PageResult = { __pageResult?: string };

/** The fixture's own verdict, once it has one ('pending' means it waits for the test). */
export async function pageResultOf(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const result = (window as PageResult).__pageResult;
    return result !== undefined && result !== 'pending';
  });
  return page.evaluate(() => (window as PageResult).__pageResult!);
}

/**
 * window.__pageResult read over a raw DevTools session, whose returnByValue serialisation is
 * native: for pages whose tampered built-ins break Playwright's own helpers in their world (and
 * whose tampered JSON even spoils scripting.executeScript results there).
 */
export async function pageResultOverCdp(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (const started = Date.now(); Date.now() - started < 30_000; await page.waitForTimeout(50)) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'window.__pageResult', returnByValue: true });
      if (typeof result.value === 'string' && result.value !== 'pending') return result.value;
    }
    throw new Error('The fixture never set window.__pageResult');
  } finally {
    await cdp.detach();
  }
}

export interface PlainBrowser {
  /** Opens `url`, runs `interact` (a script doing what the test does with the extension) and returns the page's result. */
  pageResult(url: string, interact?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Chromium with no extension: the reference for what a fixture computes by itself. Driven over a
 * bare DevTools pipe, so a page's 100,000 console calls cost what they cost (see cdp-pipe.ts).
 */
export async function launchPlainBrowser(): Promise<PlainBrowser> {
  const bare = await launchBare();
  const settle = async (session: string, ready: (result: string | undefined) => boolean) => {
    for (const started = Date.now(); Date.now() - started < 30_000; await new Promise((r) => setTimeout(r, 50))) {
      const result = await bare.evaluate<string | undefined>(session, 'window.__pageResult').catch(() => undefined);
      if (ready(result)) return result!;
    }
    throw new Error('The fixture never set window.__pageResult');
  };
  return {
    async pageResult(url, interact) {
      const session = await bare.openPage(url);
      try {
        await settle(session, (result) => result !== undefined);
        if (interact) await bare.evaluate(session, interact);
        return await settle(session, (result) => result !== undefined && result !== 'pending');
      } finally {
        await bare.send('Page.close', {}, session).catch(() => undefined);
      }
    },
    close: () => bare.close(),
  };
}

/** Reports a problem on `page` through the launcher and the report page, and returns the ticket the receiver got. */
export async function reportTicket(
  ext: ExtensionBrowser,
  receiver: Receiver,
  page: Page,
  description: string,
): Promise<Ticket> {
  const before = (await receiver.store.list()).length;
  const compose = await startReport(ext, page);
  const status = await describeAndSend(compose, description);
  if (!status.startsWith('Report sent')) throw new Error(`Sending failed: ${status}`);
  await compose.close();
  const tickets = await receiver.store.list();
  if (tickets.length !== before + 1) throw new Error(`Expected one new ticket, found ${tickets.length - before}`);
  return tickets[tickets.length - 1].ticket;
}

/** A port nothing listens on: requests to it fail with net::ERR_CONNECTION_REFUSED. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Fixed answers for the fixtures' API calls, and csp-header.html with its policy in a header. */
export const fixtureRoutes: Route[] = [
  (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/api/ok') {
      res.end('ok');
      return true;
    }
    // The browser asks for it on every page; a real site has one.
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return true;
    }
    if (path === '/api/xhr-fails' || path === '/api/invoices-down') {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end('{"error":"down"}');
      return true;
    }
    return false;
  },
  async (req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/csp-header.html') return false;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'self'" });
    res.end(await readFile(join(FIXTURES, 'csp-header.html')));
    return true;
  },
];

/** The console entries of a ticket as "kind/level: message", the way the tests compare them. */
export const consoleLines = (ticket: Ticket) => ticket.console.map((e) => `${e.kind}/${e.level}: ${e.message}`);

export interface RecorderSuite {
  site: StaticServer;
  receiver: Receiver;
  ext: ExtensionBrowser;
  plain: PlainBrowser;
  /**
   * Opens a fixture, checks its own result against the extension-free browser, lets `interact` do
   * what a person would, and reports on it.
   */
  reportOn(
    path: string,
    description: string,
    interact?: (page: Page) => Promise<void>,
  ): Promise<{ ticket: Ticket; result: string }>;
}

/**
 * One browser with the extension (endpoint configured), one without, the fixture site and a
 * receiver for a whole test file, started before its tests and closed after them.
 */
export function useRecorderSuite(options: { extension?: boolean } = {}): RecorderSuite {
  const token = 'e2e-recorder-token';
  let dataDir: string;
  const suite = {
    async reportOn(path, description, interact) {
      const url = `${suite.site.url}/${path}`;
      const page = await suite.ext.context.newPage();
      await page.goto(url);
      const result = await pageResultOf(page);
      expect(result).toBe(await suite.plain.pageResult(url));
      await interact?.(page);
      const ticket = await reportTicket(suite.ext, suite.receiver, page, description);
      await page.close();
      return { ticket, result };
    },
  } as RecorderSuite;
  beforeAll(async () => {
    suite.site = await serveFolder(FIXTURES, fixtureRoutes);
    dataDir = await mkdtemp(join(tmpdir(), 'mayday-receiver-'));
    suite.receiver = await startReceiver({ dataDir, token });
    suite.plain = await launchPlainBrowser();
    if (options.extension === false) return;
    suite.ext = await launchWithExtension();
    await configureEndpoint(suite.ext, `${suite.receiver.url}/tickets`, token);
  });
  afterAll(async () => {
    await Promise.all([suite.ext?.close(), suite.plain?.close()]);
    await suite.receiver?.close();
    await suite.site?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return suite;
}

/** The endpoint settings useRecorderSuite configures, for a browser it did not start. */
export const configureSuiteEndpoint = (ext: ExtensionBrowser, receiver: Receiver) =>
  configureEndpoint(ext, `${receiver.url}/tickets`, 'e2e-recorder-token');
