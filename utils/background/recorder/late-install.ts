/**
 * Content scripts declared in the manifest reach only pages loaded after the extension was
 * installed or updated. On those events the background injects the recorder into the tabs
 * already open (all frames), so they are recorded from then on; their reports say the recorder
 * started late. Runs in the background, never in a page.
 */
import type { browser } from 'wxt/browser';

export const RECORDER_FILE = '/content-scripts/recorder.js';

export interface LateInstallEnv {
  tabs: Pick<typeof browser.tabs, 'query'>;
  scripting: Pick<typeof browser.scripting, 'executeScript'>;
}

export async function injectRecorderIntoOpenTabs(
  env: LateInstallEnv,
  allowed: (url: string | undefined) => boolean = () => true,
): Promise<number> {
  const tabs = (await env.tabs.query({ url: ['http://*/*', 'https://*/*'] })).filter((tab) => allowed(tab.url));
  const results = await Promise.all(
    tabs.map((tab) =>
      env.scripting
        .executeScript({
          target: { tabId: tab.id!, allFrames: true },
          files: [RECORDER_FILE],
          world: 'MAIN',
          injectImmediately: true,
        })
        .then(
          () => true,
          () => false,
        ),
    ),
  );
  return results.filter(Boolean).length;
}
