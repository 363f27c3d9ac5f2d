/**
 * The page's isolated world, where the bridge and the DOM capture run, reads nothing of the
 * extension's storage: not the token, not a draft. Tested from a script injected there as the
 * bridge is.
 */
import { describe, expect, it } from 'vitest';
import { tabIdOf } from '../support/extension';
import { useRig } from '../support/rig';

const TOKEN = 'isolated-world-must-not-read-this';
// Mayday configured with the token, as an organisation has it.
const rig = useRig({ fresh: 'file', token: TOKEN });

describe("extension storage from the page's isolated world", () => {
  it('is refused: local storage (the token, drafts) and session storage alike', async () => {
    const { ext } = rig;
    const page = await ext.context.newPage();
    await page.goto(`${rig.site.url}/broken-page.html`);
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
