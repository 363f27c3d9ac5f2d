/**
 * Chromium launched twice with identical flags, driven without Playwright (test/support/bare-chromium.ts:
 * no Runtime domain on any page): once with Mayday loaded ("mayday") and once with nothing loaded
 * ("baseline"). Neither gets Playwright's --disable-extensions: with it the baseline would skip the
 * extension system that every real browser runs, and look cheaper than it is.
 */
import type { CDPSession, Connection } from 'puppeteer-core';
import { evaluate, launchBare } from '../../test/support/bare-chromium';
import { EXTENSION_DIR } from '../../test/support/extension';

export type Side = 'mayday' | 'baseline';
export const SIDES: readonly Side[] = ['mayday', 'baseline'];

export interface Tab {
  readonly session: CDPSession;
  /** Navigates and resolves once the load event fired. */
  load(url: string): Promise<void>;
  evaluate<T>(expression: string): Promise<T>;
  /** Runs `source` in every new document of this tab before the page's own scripts. */
  beforeEveryDocument(source: string): Promise<void>;
  close(): Promise<void>;
}

export interface RawBrowser {
  readonly side: Side;
  /** The browser's own CDP connection (tracing). */
  readonly connection: Connection;
  /** The tab Chromium opened at launch: the foreground one. */
  firstTab(): Promise<Tab>;
  newTab(): Promise<Tab>;
  /** Freezes every process of this browser, so that it takes no CPU while the other side is measured. */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

const benchFlags = [
  '--no-default-browser-check',
  '--disable-quic',
  // Tabs in the background must not be throttled while they are measured.
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--window-size=1280,720',
];

export async function launchRaw(side: Side): Promise<RawBrowser> {
  const browser = await launchBare({
    flags: benchFlags,
    extensionDir: side === 'mayday' ? EXTENSION_DIR : undefined,
  });
  const { connection } = browser;

  async function tab(targetId: string, session: CDPSession): Promise<Tab> {
    // Page events only: Runtime is never enabled, so console calls are not reported to us.
    await session.send('Page.enable');
    return {
      session,
      async load(url) {
        const loaded = new Promise((resolve) => session.once('Page.loadEventFired', resolve));
        const { errorText } = await session.send('Page.navigate', { url });
        if (errorText) throw new Error(`${url}: ${errorText}`);
        await loaded;
      },
      evaluate: (expression) => evaluate(session, expression),
      async beforeEveryDocument(source) {
        await session.send('Page.addScriptToEvaluateOnNewDocument', { source });
      },
      async close() {
        await connection.send('Target.closeTarget', { targetId });
      },
    };
  }

  let first: Promise<Tab> | undefined;
  async function findFirstTab(): Promise<Tab> {
    for (let tries = 0; tries < 50; tries++) {
      const { targetInfos } = await connection.send('Target.getTargets');
      const page = targetInfos.find((t) => t.type === 'page');
      if (page) return tab(page.targetId, await browser.attach(page.targetId));
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${side}: Chromium opened no tab`);
  }

  return {
    side,
    connection,
    firstTab: () => (first ??= findFirstTab()),
    async newTab() {
      const { targetId, session } = await browser.newTab();
      return tab(targetId, session);
    },
    pause: () => browser.signal('SIGSTOP'),
    resume: () => browser.signal('SIGCONT'),
    close: () => browser.close(),
  };
}
