/**
 * Mayday driven as a person uses it (Playwright, the built extension, the reference receiver on
 * loopback), with the moments that matter stamped inside the pages themselves: the click, the
 * screenshot's load event, the outbox entry, the receiver's receipt. All are Date.now() of one
 * machine, so differences between pages, the service worker and the receiver hold.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser } from 'webextension-polyfill';
import { startReceiver, type Receiver } from '../../receiver/server';
import { launchWithExtension, type ExtensionBrowser, type LaunchOptions } from '../../test/support/extension';
import { configureEndpoint, describeAndSend, openPopup } from '../../test/support/flows';
import { freePort } from '../../test/support/static-server';

const TOKEN = 'bench-token';
export const SCREENSHOT_ALT = 'Screenshot of the reported page';

/**
 * Stamps the last click, and the moment the report page's screenshot has loaded, in every page.
 * The load event is caught on the document; an image that finished loading before it was
 * attached never sends it there, so each frame of the report page also checks (a frame later
 * at most).
 */
const STAMPS = `
window.__benchStamping = true;
addEventListener('click', () => { window.__benchClickAt = Date.now(); }, true);
// The report page shows the screenshot as an <img>, or inside the editor as a labelled canvas.
const isShot = (el) => (el instanceof HTMLImageElement && el.alt === ${JSON.stringify(SCREENSHOT_ALT)} && el.complete && el.naturalWidth > 0)
  || (el instanceof HTMLCanvasElement && el.getAttribute('aria-label') === ${JSON.stringify(SCREENSHOT_ALT)} && el.width > 0);
document.addEventListener('load', (event) => { if (isShot(event.target)) window.__benchShotAt ??= Date.now(); }, true);
if (location.pathname.endsWith('/compose.html')) {
  requestAnimationFrame(function check() {
    if ([...document.images, ...document.querySelectorAll('canvas')].some(isShot)) window.__benchShotAt ??= Date.now();
    else requestAnimationFrame(check);
  });
}`;

export interface ReportSession {
  ext: ExtensionBrowser;
  receiver: Receiver;
  close(): Promise<void>;
}

export async function openReportSession(options: LaunchOptions = {}): Promise<ReportSession> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mayday-bench-receiver-'));
  const receiver = await startReceiver({ dataDir, token: TOKEN });
  const ext = await launchWithExtension(options);
  await ext.context.addInitScript(STAMPS);
  await configureEndpoint(ext, `${receiver.url}/tickets`, TOKEN);
  return {
    ext,
    receiver,
    async close() {
      await ext.close();
      await receiver.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ReportTiming {
  /** Click on Report a problem -> the report page's screenshot loaded. */
  openMs: number;
  /** ...of which: click -> draft saved (page read, screenshot taken and encoded). */
  captureMs: number;
  /** ...draft saved -> report page starts loading. */
  tabMs: number;
  /** ...report page starts -> screenshot loaded. */
  renderMs: number;
  /** Click on Send report -> the outbox entry's createdAt. */
  durableMs: number;
  /** Click on Send report -> the receiver's receivedAt. */
  deliveredMs: number;
}

const stamp = (page: Page, name: '__benchClickAt' | '__benchShotAt') =>
  page.evaluate((key) => (window as unknown as Record<string, number | undefined>)[key], name);

async function outboxEntryOf(ext: ExtensionBrowser, draftId: string): Promise<{ id: string; createdAt: number }> {
  const worker = await ext.currentWorker();
  const entry = await worker.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('mayday');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
    });
    const all = await new Promise<{ id: string; draftId: string; createdAt: number }[]>((resolve, reject) => {
      const req = db.transaction('outbox').objectStore('outbox').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('outbox.getAll failed'));
    });
    db.close();
    return all.find((e) => e.draftId === id);
  }, draftId);
  if (!entry) throw new Error(`No outbox entry for draft ${draftId}`);
  return entry;
}

async function draftCreatedAt(ext: ExtensionBrowser, draftId: string): Promise<number> {
  const worker = await ext.currentWorker();
  const key = `draft:${draftId}`;
  return worker.evaluate(async (k) => {
    const { storage } = (globalThis as unknown as { chrome: Browser }).chrome;
    return ((await storage.local.get(k))[k] as { createdAt: number }).createdAt;
  }, key);
}

/** One report from `target`: open it, describe, send, and read when each step happened. */
async function timeReport(session: ReportSession, target: Page): Promise<ReportTiming> {
  const { ext, receiver } = session;
  const popup = await openPopup(ext, target);
  const composeOpened = ext.context.waitForEvent('page', (p) => p.url().includes('/compose.html'));
  await popup.getByRole('button', { name: 'Report a problem' }).click();
  const compose = await composeOpened;
  await compose
    .waitForFunction(() => (window as unknown as { __benchShotAt?: number }).__benchShotAt, undefined, {
      timeout: 15_000,
    })
    .catch(async (error: Error) => {
      const shown = await compose.evaluate(() => ({
        stamping: '__benchStamping' in window,
        images: [...document.images].map((i) => `${i.alt} ${i.naturalWidth}px`),
        text: document.body.innerText.slice(0, 120),
      }));
      // stamping false: Playwright attached its init script too late to this page.
      throw new Error(`${error.message.split('\n')[0]}; the report page: ${JSON.stringify(shown)}`);
    });
  const clickAt = (await stamp(popup, '__benchClickAt'))!;
  const shotAt = (await stamp(compose, '__benchShotAt'))!;
  const draftId = new URL(compose.url()).searchParams.get('draft')!;
  const savedAt = await draftCreatedAt(ext, draftId);
  const composeStart = await compose.evaluate(() => performance.timeOrigin);

  const status = await describeAndSend(compose, 'Bench report');
  if (!/Report sent/.test(status)) throw new Error(`Send report ended with: ${status}`);
  const sendAt = (await stamp(compose, '__benchClickAt'))!;
  const entry = await outboxEntryOf(ext, draftId);
  const stored = (await receiver.store.list()).find((t) => t.receipt.ticketId === entry.id);
  if (!stored) throw new Error(`Ticket ${entry.id} did not reach the receiver`);
  await compose.close();
  await popup.close();
  return {
    openMs: shotAt - clickAt,
    captureMs: savedAt - clickAt,
    tabMs: composeStart - savedAt,
    renderMs: shotAt - composeStart,
    durableMs: entry.createdAt - sendAt,
    deliveredMs: Date.parse(stored.receipt.receivedAt) - sendAt,
  };
}

/**
 * What item 5's budget is relative to, measured in the same session between reports: the
 * browser's own capture of the visible tab, and an extension page (the viewer, empty) opened in a
 * new tab up to its load. Both from the service worker, as Mayday does them. Machines of this
 * kind differ by about 2× in speed; the ratio to these holds where milliseconds do not.
 */
interface ReferenceTiming {
  captureMs: number;
  extensionPageMs: number;
}

/** A string, not a function: tsx would wrap inner functions in a helper the worker does not have. */
const TIME_REFERENCE = (pageUrl: string) => `(async () => {
  let t = performance.now();
  await chrome.tabs.captureVisibleTab({ format: 'png' });
  const captureMs = performance.now() - t;
  // Listening before the tab exists: a light page can finish before create() answers.
  const complete = new Set();
  const waiting = new Map();
  const listener = (id, info) => {
    if (info.status !== 'complete') return;
    complete.add(id);
    waiting.get(id)?.();
  };
  chrome.tabs.onUpdated.addListener(listener);
  t = performance.now();
  const tab = await chrome.tabs.create({ url: ${JSON.stringify(pageUrl)}, active: true });
  if (!complete.has(tab.id)) await new Promise((resolve) => waiting.set(tab.id, resolve));
  const extensionPageMs = performance.now() - t;
  chrome.tabs.onUpdated.removeListener(listener);
  await chrome.tabs.remove(tab.id);
  return { captureMs, extensionPageMs };
})()`;

async function timeReference(ext: ExtensionBrowser, target: Page): Promise<ReferenceTiming> {
  await target.bringToFront();
  const worker = await ext.currentWorker();
  return worker.evaluate<ReferenceTiming>(TIME_REFERENCE(ext.pageUrl('viewer.html')));
}

export interface ReportRuns {
  timings: ReportTiming[];
  references: ReferenceTiming[];
  /** Why the reports that did not complete failed: a figure says how many. */
  failures: string[];
}

/** `count` reports from the page at `url`, after one that is not counted (first compile, first read of settings). */
export async function timeReports(url: string, count: number, progress: (line: string) => void): Promise<ReportRuns> {
  const session = await openReportSession();
  try {
    const target = await session.ext.context.newPage();
    await target.goto(url);
    const runs: ReportRuns = { timings: [], references: [], failures: [] };
    await timeReport(session, target).catch((error: unknown) =>
      progress(
        `  the report that warms up failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
      ),
    );
    for (let i = 1; i <= count; i++) {
      // Chrome allows two captures a second: a report right after another would wait for its turn.
      await target.waitForTimeout(1100);
      try {
        runs.references.push(await timeReference(session.ext, target));
        await target.waitForTimeout(1100);
        const timing = await timeReport(session, target);
        runs.timings.push(timing);
        progress(
          `  report ${i}/${count}: shown in ${timing.openMs} ms, durable in ${timing.durableMs} ms, delivered in ${timing.deliveredMs} ms`,
        );
      } catch (error) {
        runs.failures.push(String((error as Error)?.message ?? error).split('\n')[0]);
        progress(`  report ${i}/${count} failed: ${runs.failures[runs.failures.length - 1]}`);
        for (const page of session.ext.context.pages()) if (page !== target) await page.close();
      }
    }
    if (!runs.timings.length) throw new Error(`every report failed; the first: ${runs.failures[0]}`);
    return runs;
  } finally {
    await session.close();
  }
}

/**
 * Issue 19's hostile page: one that made 3,000 failing requests (refused connections, each a
 * webRequest error event for Mayday's observer) before the person reports it. Then one report's
 * open time, after one that warms up, as timeReport measures it.
 */
export async function timeReportAfterFailures(
  url: string,
  failures: number,
  progress: (line: string) => void,
): Promise<ReportTiming> {
  const session = await openReportSession();
  try {
    // Nothing listens there: connections are refused at once.
    const closed = await freePort();
    const target = await session.ext.context.newPage();
    await target.goto(url);
    await timeReport(session, target).catch(() => undefined);
    // A string, not a function: tsx would wrap inner functions in a helper the page does not have.
    // In batches: thousands at once would mostly wait in the browser's own connection queue.
    const failed = await target.evaluate<number>(`(async () => {
      let n = 0;
      for (let i = 0; i < ${failures}; i += 100) {
        const batch = [];
        for (let k = i; k < Math.min(i + 100, ${failures}); k++)
          batch.push(fetch('http://127.0.0.1:${closed}/api/' + k).then(() => 0, () => 1));
        for (const one of await Promise.all(batch)) n += one;
      }
      return n;
    })()`);
    if (failed !== failures) throw new Error(`only ${failed} of ${failures} requests failed`);
    progress(`  ${failed} requests failed in the tab`);
    await target.waitForTimeout(1100);
    return await timeReport(session, target);
  } finally {
    await session.close();
  }
}

export const failureNote = (failures: string[]) =>
  failures.length ? `${failures.length} report(s) failed and are not counted; the first: ${failures[0]}` : undefined;
