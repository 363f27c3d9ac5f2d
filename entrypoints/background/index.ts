import { browser } from 'wxt/browser';
import { restrictStorage } from '@/utils/background/storage-access';
import { registerWaysIn } from '@/utils/background/ways-in';
import { t } from '@/utils/extension/i18n';
import { registerFollowUp } from './follow-up';
import { registerOutbox } from './outbox';
import { registerRecorder } from './recorder';
import { registerReport } from './report';
import { registerScreenshot } from './screenshot';
import { registerSettings } from './settings';

// Every listener is registered synchronously here, so an event that wakes the service worker finds it.
export default defineBackground(() => {
  // First: the page's isolated world (bridge, DOM capture) must never read the token or drafts.
  void restrictStorage(browser.storage);
  const recorder = registerRecorder();
  const settings = registerSettings();
  const outbox = registerOutbox();
  registerFollowUp(outbox);
  const report = registerReport(outbox, recorder.observation);
  registerScreenshot();
  const waysIn = registerWaysIn(browser, report.beginReport, t);

  browser.runtime.onInstalled.addListener((details) => {
    void recorder.onInstalled();
    void settings.onInstalled(details);
    void waysIn.createMenu();
  });
});
