import { browser } from 'wxt/browser';
import { connectorConfig } from '@/utils/delivery/config';
import { t } from '@/utils/i18n';
import { onMessage } from '@/utils/messaging/extension';
import { isExtensionPage } from '@/utils/messaging/sender';
import { drafts } from '@/utils/report/draft';
import { startReport } from '@/utils/report/start';
import { submitDraft } from '@/utils/report/submit';
import { testConnection } from '@/utils/settings/connection-test';
import { applyPolicy, getConnectorConfig, getEffectiveSettings, watchEffectiveSettings } from '@/utils/settings/effective';
import { removeV1Items } from '@/utils/settings/items';
import { recorderSync } from '@/utils/settings/recorder-registration';
import { keepReportChoices, reportForm } from '@/utils/settings/report-form';
import { secretsSchema, settingsSchema } from '@/utils/settings/schema';
import { reportingAllowed } from '@/utils/settings/sites';

const SEND_TIMEOUT_MS = 30_000;
const TEST_TIMEOUT_MS = 10_000;

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
  const origin = browser.runtime.getURL('/');
  const trusted = (sender: Parameters<typeof isExtensionPage>[0]) => {
    if (!isExtensionPage(sender, origin)) throw new Error('Not allowed from this context');
  };

  // ---- Admin settings (utils/settings): recorder registration, blocked sites, test connection ----
  const syncRecorder = recorderSync(browser.scripting, (error) => console.error('Mayday: recorder registration failed', error));
  void getEffectiveSettings().then(({ settings }) => syncRecorder(settings));
  watchEffectiveSettings(({ settings }) => syncRecorder(settings));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update') void removeV1Items();
  });
  const tabAllowed = async (tabId: number) =>
    reportingAllowed((await browser.tabs.get(tabId)).url, (await getEffectiveSettings()).settings);

  onMessage('siteStatus', async ({ data, sender }) => {
    trusted(sender);
    return { reportingAllowed: await tabAllowed(data.tabId) };
  });

  onMessage('getReportForm', async ({ sender }) => {
    trusted(sender);
    return reportForm((await getEffectiveSettings()).settings);
  });

  onMessage('testConnection', async ({ data, sender }) => {
    trusted(sender);
    const settings = settingsSchema.safeParse(data.settings);
    const secrets = secretsSchema.safeParse(data.secrets);
    if (!settings.success || !secrets.success) return { kind: 'not-configured' };
    const applied = await applyPolicy(settings.data, secrets.data);
    return testConnection(connectorConfig(applied.settings, applied.secrets), { fetch: (...args) => fetch(...args), timeoutMs: TEST_TIMEOUT_MS });
  });

  const choiceRequired = (field: 'category' | 'urgency') => t(field === 'category' ? 'composeCategoryRequired' : 'composeUrgencyRequired');
  // ---- end of admin settings ----

  onMessage('startReport', async ({ data, sender }) => {
    trusted(sender);
    try {
      // Admin settings: nothing is collected on a site the organisation blocked.
      if (!(await tabAllowed(data.tabId))) return { ok: false, problem: 'blocked-site' };
      const draft = await startReport(data.tabId, {
        tabs: browser.tabs,
        injectBridge,
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
    // Admin settings: category and urgency from the organisation's lists.
    const form = reportForm((await getEffectiveSettings()).settings);
    const refused = await keepReportChoices(data, { form, drafts, requiredText: choiceRequired });
    if (refused) return refused;
    return submitDraft(data.draftId, data.description, {
      drafts,
      // Until the outbox and its connectors arrive, only the webhook connector sends.
      endpoint: async () => {
        const config = await getConnectorConfig();
        return config.type === 'webhook' ? { url: config.url, token: config.token } : { url: '', token: '' };
      },
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
