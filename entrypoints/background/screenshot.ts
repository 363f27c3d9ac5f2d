/** The screenshot: the masked capture when a report starts, the person's edits, whole-page and element captures. */
import { browser } from 'wxt/browser';
import { editedScreenshotSchema, withScreenshot } from '@/utils/core/annotate/edited';
import { createCaptureQueue } from '@/utils/core/capture/screenshot';
import type { Draft } from '@/utils/core/model/draft';
import type { Settings } from '@/utils/core/settings/schema';
import { maskScanSchema } from '@/utils/core/wire/mask-scan-schema';
import { captureDom } from '@/utils/background/capture/dom-capture';
import { domCaptureEnv } from '@/utils/background/capture/dom-capture-wiring';
import { measureImage, offscreenImageOps } from '@/utils/background/capture/images';
import { takeVisibleScreenshot } from '@/utils/background/capture/visible';
import { drafts } from '@/utils/background/drafts';
import { maskSelectorList, scanSensitiveRects } from '@/utils/page/isolated/sensitive-rects';
import { onExtensionPageMessage } from '@/utils/extension/messaging';
import { settingsNow, sleep } from './context';

const captureVisible = createCaptureQueue(
  (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
  Date.now,
  sleep,
);

async function scanMasks(tabId: number, settings: Settings) {
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: scanSensitiveRects,
    args: [maskSelectorList(settings.maskSelectors, settings.maskAllInputs), settings.showForeignFrames],
  });
  return maskScanSchema.parse(result?.result);
}

/** The screenshot a new report starts with, masked as the organisation asks; 'disabled' when it collects none. */
export function screenshotFor(settings: Settings) {
  return async (tab: Parameters<typeof takeVisibleScreenshot>[0]) =>
    settings.collectScreenshot
      ? takeVisibleScreenshot(tab, {
          scanMasks: (tabId) => scanMasks(tabId, settings),
          capture: captureVisible,
          ops: offscreenImageOps,
        })
      : ('disabled' as const);
}

export function registerScreenshot() {
  onExtensionPageMessage('saveScreenshot', async ({ data }) => {
    const edited = editedScreenshotSchema.parse(data.screenshot);
    await drafts.update(data.draftId, (d: Draft) => (d.outboxId ? d : withScreenshot(d, edited)));
  });

  onExtensionPageMessage('captureDom', async ({ data, sender }) => {
    const settings = await settingsNow();
    // With screenshots off, no capture of any kind, whatever a page of the extension asks.
    if (!settings.collectScreenshot) return { ok: false, problem: 'disabled' };
    const masks = maskSelectorList(settings.maskSelectors, settings.maskAllInputs);
    return captureDom(data.draftId, data.mode, domCaptureEnv(browser, drafts, measureImage, masks), sender.tab?.id);
  });
}
