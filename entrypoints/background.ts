import { browser } from 'wxt/browser';
import { collectBrowserEnvironment } from '@/utils/capture/environment';
import { registerNetworkObserver } from '@/utils/capture/network-observer';
import { maskScanSchema } from '@/utils/capture/mask-scan-schema';
import { createCaptureQueue } from '@/utils/capture/screenshot';
import { BUILT_IN_MASK_SELECTORS, scanSensitiveRects } from '@/utils/capture/sensitive-rects';
import { takeVisibleScreenshot } from '@/utils/capture/visible';
import { connectorConfig } from '@/utils/delivery/config';
import { enqueue, isUnsent, OUTBOX_LIMITS } from '@/utils/delivery/outbox';
import { t } from '@/utils/i18n';
import { onMessage, type StartResult } from '@/utils/messaging/extension';
import { checkEdited, editedScreenshotSchema, withScreenshot } from '@/utils/annotate/edited';
import { captureDom } from '@/utils/capture/dom-capture';
import { domCaptureEnv } from '@/utils/capture/dom-capture-wiring';
import { isExtensionPage } from '@/utils/messaging/sender';
import { compileAdminPatterns, DEFAULT_RULES } from '@/utils/privacy';
import { measureImage, offscreenImageOps } from '@/utils/platform/images';
import { createOutboxService } from '@/utils/platform/outbox-service';
import { registerWaysIn } from '@/utils/platform/ways-in';
import { injectRecorderIntoOpenTabs } from '@/utils/recorder/late-install';
import { drafts } from '@/utils/report/draft';
import { exclusionsSchema } from '@/utils/report/exclusions';
import { previewDraft, previewStored } from '@/utils/report/preview';
import { exportFilename, zipReport } from '@/utils/report/export';
import { startReport } from '@/utils/report/start';
import { describeError, submitDraft, toStatus } from '@/utils/report/submit';
import { testConnection } from '@/utils/settings/connection-test';
import {
  applyPolicy,
  getConnectorConfig,
  getEffectiveSettings,
  watchEffectiveSettings,
} from '@/utils/settings/effective';
import { removeV1Items } from '@/utils/settings/items';
import { recorderSync } from '@/utils/settings/recorder-registration';
import { keepReportChoices, reportForm } from '@/utils/settings/report-form';
import { secretsSchema, settingsSchema, type Settings } from '@/utils/settings/schema';
import { reportingAllowed } from '@/utils/settings/sites';
import { bytesToBase64 } from '@/utils/ticket/attachments';
import { buildTicket } from '@/utils/ticket/build';

const TEST_TIMEOUT_MS = 10_000;
/** How long Send report waits for the first attempt before the page follows the outbox instead. */
const FIRST_ATTEMPT_WAIT_MS = 3_000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const settingsNow = async () => (await getEffectiveSettings()).settings;
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

async function injectBridge(tabId: number): Promise<unknown> {
  const [result] = await browser.scripting.executeScript({ target: { tabId }, files: ['/bridge.js'] });
  return result?.result;
}

/** How tickets are built now: the admin's redaction patterns run after the default rules. */
async function buildContext() {
  const { redactionPatterns } = await settingsNow();
  const rules = [...DEFAULT_RULES, ...compileAdminPatterns(redactionPatterns).rules];
  return () => ({
    now: Date.now(),
    extensionVersion: browser.runtime.getManifest().version,
    fallbackUserAgent: navigator.userAgent,
    fallbackLanguage: navigator.language,
    rules,
  });
}

export default defineBackground(() => {
  // --- Recorder (issue 3): the tab's failed requests, machine facts, tabs open before install ---
  const networkObserver = registerNetworkObserver({
    webRequest: browser.webRequest,
    tabs: browser.tabs,
    storage: browser.storage.session,
  });
  // Tabs open before the install or update get the recorder now, except on blocked sites.
  browser.runtime.onInstalled.addListener(
    () =>
      void settingsNow()
        .then((settings) => injectRecorderIntoOpenTabs(browser, (url) => reportingAllowed(url, settings)))
        .catch(() => undefined),
  );
  const observation = {
    networkLog: networkObserver.logOf,
    environment: () =>
      collectBrowserEnvironment(navigator, new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone),
  };
  // --- end recorder ---

  const origin = browser.runtime.getURL('/');
  const trusted = (sender: { url?: string }) => {
    if (!isExtensionPage(sender, origin)) throw new Error('Not allowed from this context');
  };

  const outbox = createOutboxService(browser, {
    connectorConfig: getConnectorConfig,
    retentionDays: async () => (await settingsNow()).sentReportRetentionDays,
    t,
  });

  // Admin settings: the recorder follows blocked sites live; v1 settings keys go after an update.
  const syncRecorder = recorderSync(browser.scripting, (error) =>
    console.error('Mayday: recorder registration failed', error),
  );
  void settingsNow().then(syncRecorder);
  watchEffectiveSettings(({ settings }) => syncRecorder(settings));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update') void removeV1Items();
  });
  const tabAllowed = async (tabId: number) =>
    reportingAllowed((await browser.tabs.get(tabId)).url, await settingsNow());
  const choiceRequired = (field: 'category' | 'urgency') =>
    t(field === 'category' ? 'composeCategoryRequired' : 'composeUrgencyRequired');

  const beginReport = async (tabId: number): Promise<StartResult> => {
    try {
      // Nothing is collected on a site the organisation blocked.
      if (!(await tabAllowed(tabId))) return { ok: false, problem: 'blocked-site' };
      const settings = await settingsNow();
      const draft = await startReport(tabId, {
        tabs: browser.tabs,
        injectBridge,
        takeScreenshot: async (tab) =>
          settings.collectScreenshot
            ? takeVisibleScreenshot(tab, {
                scanMasks: (tabId) => scanMasks(tabId, settings),
                capture: captureVisible,
                ops: offscreenImageOps,
              })
            : 'disabled',
        ...observation,
        drafts,
        collection: settings,
        composeUrl: (id) => browser.runtime.getURL(`/compose.html?draft=${encodeURIComponent(id)}`),
        now: Date.now,
        randomId: () => crypto.randomUUID(),
        sleep,
      });
      return { ok: true, draftId: draft.id };
    } catch (error) {
      return { ok: false, problem: 'internal', detail: describeError(error) };
    }
  };
  registerWaysIn(browser, beginReport, t);

  onMessage('startReport', async ({ data, sender }) => {
    trusted(sender);
    return beginReport(data.tabId);
  });

  onMessage('siteStatus', async ({ data, sender }) => {
    trusted(sender);
    return { reportingAllowed: await tabAllowed(data.tabId) };
  });

  onMessage('getReportForm', async ({ sender }) => {
    trusted(sender);
    return reportForm(await settingsNow());
  });

  onMessage('getCompose', async ({ data, sender }) => {
    trusted(sender);
    const draft = await drafts.get(data);
    if (!draft) return null;
    const entry = draft.outboxId ? await (await outbox.store).get(draft.outboxId) : undefined;
    return { draft, status: entry ? toStatus(entry) : null, canSend: (await getConnectorConfig()).type !== 'none' };
  });

  onMessage('saveDescription', async ({ data, sender }) => {
    trusted(sender);
    await drafts.update(data.draftId, (d) => (d.outboxId ? d : { ...d, description: data.description }));
  });

  onMessage('previewReport', async ({ data, sender }) => {
    trusted(sender);
    const draft = await drafts.get(data.draftId);
    if (!draft) return { ok: false, detail: 'draft-missing' };
    try {
      const stored = draft.outboxId ? await (await outbox.store).payload(draft.outboxId) : undefined;
      return {
        ok: true,
        preview: stored
          ? previewStored(stored, draft)
          : previewDraft(draft, data.description, (await buildContext())()),
      };
    } catch (error) {
      return { ok: false, detail: describeError(error) };
    }
  });

  onMessage('setExclusions', async ({ data, sender }) => {
    trusted(sender);
    const exclusions = exclusionsSchema.parse(data.exclusions);
    await drafts.update(data.draftId, (d) => (d.outboxId ? d : { ...d, exclusions }));
  });

  onMessage('submitReport', async ({ data, sender }) => {
    trusted(sender);
    const refused = await keepReportChoices(data, {
      form: reportForm(await settingsNow()),
      drafts,
      requiredText: choiceRequired,
    });
    if (refused) return refused;
    const store = await outbox.store;
    return submitDraft(
      data.draftId,
      data.description,
      {
        drafts,
        context: await buildContext(),
        enqueue: async (report, draftId) => enqueue(await outbox.env(), report, draftId),
        deliver: async (id) => {
          await Promise.race([outbox.kick(), sleep(FIRST_ATTEMPT_WAIT_MS)]);
          return store.get(id);
        },
        status: (id) => store.get(id),
      },
      data.screenshot,
    );
  });

  onMessage('reportStatus', async ({ data, sender }) => {
    trusted(sender);
    const entry = await (await outbox.store).get(data);
    return entry ? toStatus(entry) : null;
  });

  onMessage('listReports', async ({ sender }) => {
    trusted(sender);
    void outbox.retryNow();
    const entries = await (await outbox.store).list();
    const unsent = entries.filter(isUnsent);
    const bytes = unsent.reduce((n, e) => n + e.bytes, 0);
    return {
      reports: entries.slice(0, 20).map(toStatus),
      nearlyFull: unsent.length >= OUTBOX_LIMITS.entries * 0.8 || bytes >= OUTBOX_LIMITS.bytes * 0.8,
    };
  });

  onMessage('retryReport', async ({ data, sender }) => {
    trusted(sender);
    await outbox.retryNow([data]);
    const entry = await (await outbox.store).get(data);
    return entry ? toStatus(entry) : null;
  });

  onMessage('exportReport', async ({ data, sender }) => {
    trusted(sender);
    // --- screenshot editor: export what the person sees, not the unedited original ---
    const edited = checkEdited(data.screenshot);
    if (!edited.ok) return edited;
    const saved = await drafts.get(data.draftId);
    const draft = saved && !saved.outboxId ? edited.apply(saved) : saved;
    // --- end screenshot editor ---
    if (!draft) return { ok: false, failure: { kind: 'draft-missing', retryable: false } };
    try {
      const stored = draft.outboxId ? await (await outbox.store).payload(draft.outboxId) : undefined;
      const report =
        stored ??
        buildTicket(
          { ...draft, category: data.category, urgency: data.urgency },
          data.description,
          (await buildContext())(),
        );
      return { ok: true, filename: exportFilename(report), base64: bytesToBase64(zipReport(report)) };
    } catch (error) {
      return { ok: false, failure: { kind: 'invalid-report', retryable: false, detail: describeError(error) } };
    }
  });

  onMessage('testConnection', async ({ data, sender }) => {
    trusted(sender);
    const settings = settingsSchema.safeParse(data.settings);
    const secrets = secretsSchema.safeParse(data.secrets);
    if (!settings.success || !secrets.success) return { kind: 'not-configured' };
    const applied = await applyPolicy(settings.data, secrets.data);
    return testConnection(connectorConfig(applied.settings, applied.secrets), {
      fetch: (...args) => fetch(...args),
      timeoutMs: TEST_TIMEOUT_MS,
    });
  });

  // --- screenshot editor & DOM capture (issue 4) ---
  onMessage('saveScreenshot', async ({ data, sender }) => {
    trusted(sender);
    const edited = editedScreenshotSchema.parse(data.screenshot);
    await drafts.update(data.draftId, (d) => (d.outboxId ? d : withScreenshot(d, edited)));
  });

  onMessage('captureDom', async ({ data, sender }) => {
    trusted(sender);
    return captureDom(data.draftId, data.mode, domCaptureEnv(browser, drafts, measureImage), sender.tab?.id);
  });
  // --- end screenshot editor & DOM capture ---
});
