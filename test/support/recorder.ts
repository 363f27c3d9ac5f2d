/**
 * What the recorder's E2E tests share: the rig they ask for (with a browser without the extension,
 * to learn what a fixture page computes on its own); sending a report as a person would and
 * reading the ticket back; the servers' special routes.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Receiver } from '../../receiver/server';
import type { Ticket } from '../../utils/core/model/ticket';
import type { ExtensionBrowser } from './extension';
import { describeAndSend, startReport } from './flows';
import { FIXTURES, type Rig, type RigOptions } from './rig';
import type { Route } from './static-server';

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

/** Reports a problem on `page` through the popup and the report page, and returns the ticket the receiver got. */
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
const fixtureRoutes: Route[] = [
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

/** What the recorder's files ask of the rig: one browser with Mayday for the file, and one without. */
export const RECORDER_RIG: RigOptions = {
  fresh: 'file',
  routes: fixtureRoutes,
  token: 'e2e-recorder-token',
  plain: true,
};

/**
 * Opens a fixture, checks its own result against the extension-free browser, lets `interact` do
 * what a person would, and reports on it.
 */
export async function reportFixture(
  rig: Rig,
  path: string,
  description: string,
  interact?: (page: Page) => Promise<void>,
): Promise<{ ticket: Ticket; result: string }> {
  const url = `${rig.site.url}/${path}`;
  const page = await rig.ext.context.newPage();
  await page.goto(url);
  const result = await pageResultOf(page);
  expect(result).toBe(await rig.plain.pageResult(url));
  await interact?.(page);
  const ticket = await reportTicket(rig.ext, rig.receiver, page, description);
  await page.close();
  return { ticket, result };
}
