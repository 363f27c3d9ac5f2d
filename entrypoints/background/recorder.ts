/** The recorder's side in the background: failed requests per tab, machine facts, registration on allowed sites. */
import { browser } from 'wxt/browser';
import { registerNetworkObserver } from '@/utils/background/capture/network-observer';
import { injectRecorderIntoOpenTabs } from '@/utils/background/recorder/late-install';
import { recorderSync } from '@/utils/background/recorder/registration';
import { collectBrowserEnvironment } from '@/utils/core/capture/environment';
import { reportingAllowed } from '@/utils/core/settings/sites';
import { watchEffectiveSettings } from '@/utils/extension/settings';
import { settingsNow } from './context';

export function registerRecorder() {
  const networkObserver = registerNetworkObserver({
    webRequest: browser.webRequest,
    tabs: browser.tabs,
    storage: browser.storage.session,
  });
  // The recorder follows the organisation's blocked sites live.
  const syncRecorder = recorderSync(browser.scripting, (error) =>
    console.error('Mayday: recorder registration failed', error),
  );
  void settingsNow().then(syncRecorder);
  watchEffectiveSettings(({ settings }) => void syncRecorder(settings));

  return {
    observation: {
      networkLog: networkObserver.logOf,
      environment: () =>
        collectBrowserEnvironment(navigator, new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone),
    },
    /** Tabs open before the install or update get the recorder now, except on blocked sites. */
    onInstalled: () =>
      settingsNow()
        .then((settings) => injectRecorderIntoOpenTabs(browser, (url) => reportingAllowed(url, settings)))
        .catch(() => undefined),
  };
}
