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
  /** An X display to run headed on (test/support/display.ts). */
  display?: string;
  /**
   * A real window of this size and device pixel ratio instead of Playwright's emulated 1280x720
   * viewport, for what captureVisibleTab sees on such a screen.
   */
  window?: { width: number; height: number; deviceScaleFactor: number };
  /** More Chromium switches, e.g. --host-resolver-rules to give a local server an intranet name. */
  args?: string[];
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

/** Chromium ships region packs for a few languages only (en-US, pt-BR…); others are bare (fr). */
const REGION_PACKS = new Set(['en-US', 'en-GB', 'es-419', 'pt-BR', 'pt-PT', 'zh-CN', 'zh-TW']);
function chromiumLocale(lang: string): string {
  return REGION_PACKS.has(lang) ? lang : lang.split('-')[0];
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'mayday-profile-')));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    viewport: options.window ? null : { width: 1280, height: 720 },
    locale: options.lang ?? 'en-US',
    // On Linux, Chromium's UI language (which picks the extension's locale) comes from LANGUAGE.
    env: {
      ...process.env,
      LANGUAGE: chromiumLocale(options.lang ?? 'en-US').replace('-', '_'),
      ...(options.display ? { DISPLAY: options.display } : {}),
    },
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      `--lang=${chromiumLocale(options.lang ?? 'en-US')}`,
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...(options.window
        ? [
            `--window-size=${options.window.width},${options.window.height}`,
            `--force-device-scale-factor=${options.window.deviceScaleFactor}`,
          ]
        : []),
      ...(options.args ?? []),
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The background registers the recorder at runtime; pages loaded before that are not recorded.
  await waitForRecorderRegistration(worker);
  let closed: Promise<void> | undefined;
  return {
    context,
    worker,
    extensionId,
    profileDir,
    currentWorker: async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')),
    pageUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    // Once: a test may close a browser sooner than the rig that launched it.
    close: () =>
      (closed ??= (async () => {
        await context.close();
        if (!options.profileDir) await rm(profileDir, { recursive: true, force: true });
      })()),
  };
}

/** Waits until the background has registered the recorder content script (a few seconds at most). */
async function waitForRecorderRegistration(worker: Worker, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ids: string[] = await worker.evaluate(async () =>
      ((await (globalThis as any).chrome.scripting.getRegisteredContentScripts()) as { id: string }[]).map((s) => s.id),
    );
    if (ids.length) return;
    if (Date.now() > deadline) throw new Error('The background never registered the recorder');
    await new Promise((r) => setTimeout(r, 100));
  }
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

/** Stops the extension's service worker the way Chrome does when it is idle or killed. */
export async function stopServiceWorker(ext: ExtensionBrowser): Promise<void> {
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  const cdp = await ext.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(ext.pageUrl('')));
  if (!worker) throw new Error('The extension has no running service worker');
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await cdp.detach();
}

/**
 * Chromium started without the extension, which `install()` then loads (DevTools
 * Extensions.loadUnpacked): for tabs that were open before Mayday was installed.
 */
export async function launchThenInstall(
  options: { extensionDir?: string } = {},
): Promise<{ context: BrowserContext; install(): Promise<ExtensionBrowser>; close(): Promise<void> }> {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  const profileDir = await mkdtemp(join(tmpdir(), 'mayday-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 720 },
    locale: 'en-US',
    // Playwright disables extensions by default; loading one over DevTools needs this switch.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--enable-unsafe-extension-debugging',
      '--lang=en-US',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    })());
  return {
    context,
    close,
    async install() {
      const session = await context.browser()!.newBrowserCDPSession();
      const { id } = (await session.send('Extensions.loadUnpacked' as never, { path: dir } as never)) as { id: string };
      const worker =
        context.serviceWorkers().find((w) => w.url().includes(id)) ?? (await context.waitForEvent('serviceworker'));
      return {
        context,
        worker,
        currentWorker: async () =>
          context.serviceWorkers().find((w) => w.url().includes(id)) ?? (await context.waitForEvent('serviceworker')),
        extensionId: id,
        profileDir,
        pageUrl: (path) => `chrome-extension://${id}/${path}`,
        close,
      };
    },
  };
}
