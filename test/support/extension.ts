/** Launch Chromium with the built extension loaded, as the E2E tests and the demo need it. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { findChromium } from './chromium';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
/** Fixed by the manifest's development key (wxt.config.ts). */
export const EXTENSION_ID = 'edpgbefdgngbojdkbmjhmpdlnheedlfk';

export interface LaunchOptions {
  headless?: boolean;
  /** Reuse a profile folder (to test restarts); a fresh temporary one otherwise. */
  profileDir?: string;
  lang?: string;
  extensionDir?: string;
  /**
   * A real window of this size and device pixel ratio instead of Playwright's emulated 1280x720
   * viewport, for what captureVisibleTab sees on such a screen.
   */
  window?: { width: number; height: number; deviceScaleFactor: number };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The service worker at launch; after it is stopped and restarted, use currentWorker(). */
  worker: Worker;
  currentWorker(): Promise<Worker>;
  extensionId: string;
  profileDir: string;
  pageUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'mayday-profile-')));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    viewport: options.window ? null : { width: 1280, height: 720 },
    locale: options.lang ?? 'en-US',
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      `--lang=${options.lang ?? 'en-US'}`,
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...(options.window
        ? [`--window-size=${options.window.width},${options.window.height}`, `--force-device-scale-factor=${options.window.deviceScaleFactor}`]
        : []),
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profileDir,
    currentWorker: async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')),
    pageUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    async close() {
      await context.close();
      if (!options.profileDir) await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/** The tab id Chrome gave a Playwright page, asked of the extension's service worker. */
export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  const url = page.url();
  const worker = await ext.currentWorker();
  const id = await worker.evaluate(async (target) => {
    const tabs: { id?: number; url?: string }[] = await (globalThis as any).chrome.tabs.query({});
    return tabs.find((tab) => tab.url === target)?.id;
  }, url);
  if (id === undefined) throw new Error(`No tab found for ${url}`);
  return id;
}
