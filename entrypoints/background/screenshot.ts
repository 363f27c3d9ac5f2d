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
import { BUILT_IN_MASK_SELECTORS, scanSensitiveRects } from '@/utils/page/isolated/sensitive-rects';
import { onExtensionPageMessage } from '@/utils/extension/messaging';
import { sleep } from './context';

const captureVisible = createCaptureQueue(
  (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
  Date.now,
  sleep,
);

async function scanMasks(tabId: number, settings: Settings) {
  const selectors = [...BUILT_IN_MASK_SELECTORS, ...settings.maskSelectors];
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: scanSensitiveRects,
    args: [selectors, settings.maskAllInputs],
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

  onExtensionPageMessage('captureDom', async ({ data, sender }) =>
    captureDom(data.draftId, data.mode, domCaptureEnv(browser, drafts, measureImage), sender.tab?.id),
  );
}
