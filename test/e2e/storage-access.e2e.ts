/**
 * The page's isolated world, where the bridge and the DOM capture run, reads nothing of the
 * extension's storage: not the token, not a draft. Tested from a script injected there as the
 * bridge is.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, tabIdOf, type ExtensionBrowser } from '../support/extension';
import { configureEndpoint } from '../support/flows';
import { serveFolder, type StaticServer } from '../support/static-server';

const TOKEN = 'isolated-world-must-not-read-this';
let site: StaticServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  site = await serveFolder(resolve(import.meta.dirname, '../fixtures'));
  ext = await launchWithExtension();
  await configureEndpoint(ext, 'https://helpdesk.example/tickets', TOKEN);
});
afterAll(async () => {
  await ext.close();
  await site.close();
});

describe("extension storage from the page's isolated world", () => {
  it('is refused: local storage (the token, drafts) and session storage alike', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${site.url}/broken-page.html`);
    const tabId = await tabIdOf(ext, page);
    const worker = await ext.currentWorker();
    // The worker itself still reads the token: the restriction is on the page's side only.
    expect(
      await worker.evaluate(async () => JSON.stringify(await (globalThis as any).chrome.storage.local.get(null))),
    ).toContain(TOKEN);
    const seen = await worker.evaluate(async (tabId) => {
      const [result] = await (globalThis as any).chrome.scripting.executeScript({
        target: { tabId },
        func: async () => {
          const read = async (area: string) => {
            try {
              return JSON.stringify(await (globalThis as any).chrome.storage[area].get(null));
            } catch (error) {
              return `refused: ${(error as Error).message}`;
            }
          };
          return { local: await read('local'), session: await read('session') };
        },
      });
      return result.result as { local: string; session: string };
    }, tabId);
    expect(seen.local).toMatch(/^refused: /);
    expect(seen.session).toMatch(/^refused: /);
    expect(JSON.stringify(seen)).not.toContain(TOKEN);
  });
});
