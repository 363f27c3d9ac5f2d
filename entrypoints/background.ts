import { browser } from 'wxt/browser';
import { collectBrowserEnvironment } from '@/utils/capture/environment';
import { registerNetworkObserver } from '@/utils/capture/network-observer';
import { onMessage } from '@/utils/messaging/extension';
import { isExtensionPage } from '@/utils/messaging/sender';
import { injectRecorderIntoOpenTabs } from '@/utils/recorder/late-install';
import { drafts } from '@/utils/report/draft';
import { startReport } from '@/utils/report/start';
import { submitDraft } from '@/utils/report/submit';
import { endpointSettings, endpointToken } from '@/utils/settings/items';

const SEND_TIMEOUT_MS = 30_000;

async function injectBridge(tabId: number): Promise<unknown> {
  const [result] = await browser.scripting.executeScript({ target: { tabId }, files: ['/bridge.js'] });
  return result?.result;
}

async function measureImage(dataUrl: string) {
  const bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

export default defineBackground(() => {
  // --- Recorder (issue 3): the tab's failed requests, machine facts, tabs open before install ---
  const networkObserver = registerNetworkObserver({ webRequest: browser.webRequest, tabs: browser.tabs, storage: browser.storage.session });
  browser.runtime.onInstalled.addListener(() => void injectRecorderIntoOpenTabs(browser).catch(() => undefined));
  const observation = {
    networkLog: networkObserver.logOf,
    environment: () => collectBrowserEnvironment(navigator, new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone),
  };
  // --- end recorder ---

  const origin = browser.runtime.getURL('/');
  const trusted = (sender: Parameters<typeof isExtensionPage>[0]) => {
    if (!isExtensionPage(sender, origin)) throw new Error('Not allowed from this context');
  };

  onMessage('startReport', async ({ data, sender }) => {
    trusted(sender);
    try {
      const draft = await startReport(data.tabId, {
        tabs: browser.tabs,
        injectBridge,
        ...observation,
        measureImage,
        drafts,
        composeUrl: (id) => browser.runtime.getURL(`/compose.html?draft=${encodeURIComponent(id)}`),
        now: Date.now,
        randomId: () => crypto.randomUUID(),
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      });
      return { ok: true, draftId: draft.id };
    } catch (error) {
      return { ok: false, problem: 'internal', detail: String((error as Error)?.message ?? error) };
    }
  });

  onMessage('getDraft', async ({ data, sender }) => {
    trusted(sender);
    return drafts.get(data);
  });

  onMessage('saveDescription', async ({ data, sender }) => {
    trusted(sender);
    await drafts.update(data.draftId, (d) => (d.sent ? d : { ...d, description: data.description }));
  });

  onMessage('submitReport', async ({ data, sender }) => {
    trusted(sender);
    return submitDraft(data.draftId, data.description, {
      drafts,
      endpoint: async () => ({ url: (await endpointSettings.getValue()).url, token: await endpointToken.getValue() }),
      fetch: (...args) => fetch(...args),
      timeoutMs: SEND_TIMEOUT_MS,
      context: () => ({
        now: Date.now(),
        extensionVersion: browser.runtime.getManifest().version,
        fallbackUserAgent: navigator.userAgent,
        fallbackLanguage: navigator.language,
      }),
    });
  });
});
