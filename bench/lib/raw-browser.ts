/**
 * Chromium driven over a bare CDP pipe, launched twice with identical flags: once with Mayday
 * loaded ("mayday") and once with nothing loaded ("baseline"). Neither gets Playwright's
 * --disable-extensions: with it the baseline would skip the extension system that every real
 * browser runs, and look cheaper than it is.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../../test/support/chromium';
import { EXTENSION_DIR } from '../../test/support/extension';
import { launchOverPipe, type CdpConnection } from './cdp';

export type Side = 'mayday' | 'baseline';
export const SIDES: readonly Side[] = ['mayday', 'baseline'];

export interface Tab {
  readonly sessionId: string;
  /** Navigates and resolves once the load event fired. */
  load(url: string): Promise<void>;
  evaluate<T>(expression: string): Promise<T>;
  /** Runs `source` in every new document of this tab before the page's own scripts. */
  beforeEveryDocument(source: string): Promise<void>;
  close(): Promise<void>;
}

export interface RawBrowser {
  readonly side: Side;
  readonly cdp: CdpConnection;
  /** The tab Chromium opened at launch: the foreground one. */
  firstTab(): Promise<Tab>;
  newTab(): Promise<Tab>;
  /** Freezes every process of this browser, so that it takes no CPU while the other side is measured. */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

const sharedFlags = (profileDir: string) => [
  '--headless',
  `--user-data-dir=${profileDir}`,
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  // Tabs in the background must not be throttled while they are measured.
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--window-size=1280,720',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

export async function launchRaw(side: Side): Promise<RawBrowser> {
  const profileDir = await mkdtemp(join(tmpdir(), `mayday-bench-${side}-`));
  const extension =
    side === 'mayday' ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : [];
  const cdp = launchOverPipe(findChromium(), [...sharedFlags(profileDir), ...extension, 'about:blank']);

  async function attach(targetId: string): Promise<Tab> {
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    // Page events only: Runtime is never enabled, so console calls are not reported to us.
    await cdp.send('Page.enable', {}, sessionId);
    return {
      sessionId,
      async load(url) {
        const loaded = cdp.once('Page.loadEventFired', sessionId);
        const { errorText } = await cdp.send<{ errorText?: string }>('Page.navigate', { url }, sessionId);
        if (errorText) throw new Error(`${url}: ${errorText}`);
        await loaded;
      },
      async evaluate<T>(expression: string) {
        const reply = await cdp.send<{
          result: { value?: T };
          exceptionDetails?: { text: string; exception?: { description?: string } };
        }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
        if (reply.exceptionDetails)
          throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
        return reply.result.value as T;
      },
      async beforeEveryDocument(source) {
        await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source }, sessionId);
      },
      async close() {
        await cdp.send('Target.closeTarget', { targetId });
      },
    };
  }

  let first: Promise<Tab> | undefined;
  async function findFirstTab(): Promise<Tab> {
    for (let tries = 0; tries < 50; tries++) {
      const { targetInfos } = await cdp.send<{ targetInfos: { targetId: string; type: string }[] }>(
        'Target.getTargets',
      );
      const page = targetInfos.find((t) => t.type === 'page');
      if (page) return attach(page.targetId);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${side}: Chromium opened no tab`);
  }

  return {
    side,
    cdp,
    firstTab: () => (first ??= findFirstTab()),
    async newTab() {
      const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
      return attach(targetId);
    },
    pause: () => cdp.signal('SIGSTOP'),
    resume: () => cdp.signal('SIGCONT'),
    async close() {
      await cdp.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
