/** The browser behind captureDom: scripting, tabs, windows, image measuring and the hint's words. */
import type { browser as Browser } from 'wxt/browser';
import { DOM_CAPTURE_KEY } from '../../page/isolated/dom-capture-page';
import { callOperation, DOM_CAPTURE_TIMEOUT_MS, PICK_TIMEOUT_MS, type DomCaptureEnv } from './dom-capture';
import type { DraftStore } from '../../core/model/draft';

export function domCaptureEnv(
  browser: typeof Browser,
  drafts: DraftStore,
  measureImage: DomCaptureEnv['measureImage'],
  maskSelectors: string[],
): DomCaptureEnv {
  return {
    drafts,
    tabs: browser.tabs,
    focusWindow: (id) => browser.windows.update(id, { focused: true }),
    inject: async (tabId) =>
      void (await browser.scripting.executeScript({ target: { tabId }, files: ['/dom-capture.js'] })),
    call: async (tabId, op, arg) => {
      const [result] = await browser.scripting.executeScript({
        target: { tabId },
        func: callOperation,
        args: [DOM_CAPTURE_KEY, op, arg],
      });
      return result?.result;
    },
    measureImage,
    pickerHint: browser.i18n.getMessage('pickerHint'),
    maskSelectors,
    timeoutMs: DOM_CAPTURE_TIMEOUT_MS,
    pickTimeoutMs: PICK_TIMEOUT_MS,
  };
}
