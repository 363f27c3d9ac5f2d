/**
 * Firefox ESR with Mayday installed, headed on a virtual display, for what a test can do there only
 * as a person does it: Firefox's WebDriver BiDi will not show a test any extension page, so the
 * person's steps are real X events (the address bar, Alt+Shift+M, clicks and typing), and the test
 * reads Mayday's pages (where a field is, what the status line says) over the Remote Debugging
 * Protocol (test/support/firefox-rdp.ts). puppeteer-core installs the add-on and loads web pages.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { programPath } from '../../scripts/system-deps.mjs';
import { FIREFOX_ADDON_ID } from '../../utils/core/settings/transfer';
import { FirefoxRdp, type RdpConsole, type RdpTab } from './firefox-rdp';
import { RECORDER_PRESENT } from './recorder-probe';
import type { VirtualDisplay } from './display';
import { freePort } from './static-server';

/** Firefox ESR, or $FIREFOX_PATH. */
export function findFirefox(): string {
  return programPath('firefox-esr');
}

const FIREFOX_BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv2');

export interface FirefoxWithMayday {
  browser: Browser;
  rdp: FirefoxRdp;
  /** moz-extension://<uuid>/<path>: the uuid is fixed for this profile before Firefox starts. */
  pageUrl(path: string): string;
  /** Opens a web page in a new tab and waits until Mayday's recorder runs in it. */
  openRecordedPage(url: string): Promise<Page>;
  /** Gives the Firefox window the keyboard (there is no window manager on the virtual display). */
  focus(): void;
  /** Types an address into the address bar and goes there, as a person does. */
  goToAddress(url: string): void;
  /** The tab showing a Mayday page whose URL contains `path`, once it has loaded. */
  extensionTab(path: string): Promise<MaydayTab>;
  close(): Promise<void>;
}

export async function launchFirefoxWithMayday(display: VirtualDisplay): Promise<FirefoxWithMayday> {
  const uuid = randomUUID();
  const rdpPort = await freePort();
  const profileDir = await mkdtemp(join(tmpdir(), 'mayday-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: false,
    // The window's own size, not an emulated 800x600 viewport: what the person sees is captured.
    defaultViewport: null,
    userDataDir: profileDir,
    env: { ...process.env, DISPLAY: display.name },
    args: ['--start-debugger-server', String(rdpPort)],
    extraPrefsFirefox: {
      // The add-on's moz-extension:// host, chosen here so the test knows its pages' addresses.
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: uuid }),
      // The devtools server, without the prompt that asks the person to accept each connection.
      'devtools.debugger.remote-enabled': true,
      'devtools.chrome.enabled': true,
      'devtools.debugger.prompt-connection': false,
      // Errors of the background page and the add-on's pages on Firefox's stdout (dumpio shows it).
      'devtools.console.stdout.chrome': true,
    },
    dumpio: process.env.MAYDAY_FIREFOX_DUMPIO === '1',
  });
  let connected: FirefoxRdp | undefined;
  try {
    connected = await FirefoxRdp.connect(rdpPort);
    const id = await browser.installExtension(FIREFOX_BUILD);
    if (id !== FIREFOX_ADDON_ID) throw new Error(`Firefox installed the add-on as ${id}, not ${FIREFOX_ADDON_ID}`);
  } catch (error) {
    connected?.close();
    await browser.close();
    await rm(profileDir, { recursive: true, force: true });
    throw error;
  }
  const rdp = connected;
  const focus = () => display.focusWindow('firefox');
  return {
    browser,
    rdp,
    pageUrl: (path) => `moz-extension://${uuid}/${path}`,
    async openRecordedPage(url) {
      const page = await browser.newPage();
      // The recorder is registered at runtime by the background: the first load may beat it.
      for (let i = 0; i < 20; i++) {
        await page.goto(url);
        if ((await page.evaluate(RECORDER_PRESENT)) === true) return page;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`Mayday's recorder never ran in ${url}`);
    },
    focus,
    goToAddress(url) {
      focus();
      display.key('ctrl+l');
      display.type(url);
      display.key('Return');
    },
    async extensionTab(path) {
      const tab = await rdp.waitForTab((url) => url.startsWith(`moz-extension://${uuid}/`) && url.includes(path));
      const page = new MaydayTab(tab, await rdp.console(tab), display);
      await page.waitFor(() => document.readyState === 'complete' && document.querySelector('main, form') !== null);
      return page;
    },
    async close() {
      rdp.close();
      await browser.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Finds elements the way assistive technology names them, simplified: a form control by the text
 * of its <label> (or aria-label / aria-labelledby), a button by its text. Runs in the page (it
 * travels as source text).
 */
function locate(
  kind: 'label' | 'button',
  name: string,
): { x: number; y: number; hit: boolean; disabled: boolean } | null {
  const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const accessibleName = (el: Element) => {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy)
      return labelledBy
        .split(/\s+/)
        .map((id) => text(document.getElementById(id)))
        .join(' ');
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    const labels = (el as HTMLInputElement).labels;
    if (labels?.length) return [...labels].map(text).join(' ');
    return kind === 'button' ? text(el) : '';
  };
  const candidates = {
    label: 'input, textarea, select',
    button: 'button, [role="button"], input[type="submit"], input[type="button"]',
  }[kind];
  const visible = [...document.querySelectorAll(candidates)].filter((el) => (el as HTMLElement).offsetParent !== null);
  const found = visible.find((el) => accessibleName(el) === name);
  if (!found) return null;
  found.scrollIntoView({ block: 'center', behavior: 'instant' });
  const box = found.getBoundingClientRect();
  const [cx, cy] = [box.left + box.width / 2, box.top + box.height / 2];
  const scale = window.devicePixelRatio;
  const screen = window as unknown as { mozInnerScreenX: number; mozInnerScreenY: number };
  return {
    x: Math.round((screen.mozInnerScreenX + cx) * scale),
    y: Math.round((screen.mozInnerScreenY + cy) * scale),
    // What a click there would reach: the element itself, not something over it.
    hit: found.contains(document.elementFromPoint(cx, cy)),
    disabled: (found as HTMLButtonElement).disabled === true,
  };
}

/** One of Mayday's pages in a Firefox tab: read over the devtools protocol, used with X events. */
class MaydayTab {
  constructor(
    readonly tab: RdpTab,
    readonly console: RdpConsole,
    private display: VirtualDisplay,
  ) {}

  async waitFor(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.console.run(condition))) {
      if (Date.now() > deadline)
        throw new Error(`${this.tab.url}: still not ${condition.toString()} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * Where to click: the element, enabled, not covered, and at the same place twice in a row (the
   * report page still grows while its review loads).
   */
  private async find(kind: 'label' | 'button', name: string) {
    const deadline = Date.now() + 15_000;
    let previous: { x: number; y: number } | undefined;
    for (;;) {
      const found = await this.console.run(locate, kind, name);
      if (found?.hit && !found.disabled && found.x === previous?.x && found.y === previous?.y) return found;
      previous = found ?? undefined;
      if (Date.now() > deadline)
        throw new Error(`${this.tab.url}: no usable ${kind === 'label' ? 'field labelled' : 'button named'} "${name}"`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Clicks into the field with this label and types the text, with real X events. */
  async fill(label: string, value: string): Promise<void> {
    const field = await this.find('label', label);
    this.display.click(field.x, field.y);
    this.display.key('ctrl+a');
    this.display.type(value);
  }

  /** Clicks the button with this name with the real mouse. */
  async click(name: string): Promise<void> {
    const button = await this.find('button', name);
    this.display.click(button.x, button.y);
  }

  /** The text of the page's first status line (role="status") that matches `pattern`, once one does. */
  async status(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const texts = await this.console.run(() =>
        [...document.querySelectorAll('[role="status"]')].map((el) =>
          (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      );
      const text = texts.find((t) => pattern.test(t));
      if (text !== undefined) return text;
      if (Date.now() > deadline)
        throw new Error(`${this.tab.url}: no status line matches ${pattern}; they say ${JSON.stringify(texts)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
