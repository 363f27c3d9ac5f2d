import { browser } from 'wxt/browser';
import type { ConnectorConfig } from '@/utils/delivery/config';
import { connectorFor } from '@/utils/delivery/connectors';
import { enqueue, isUnsent, makeDue, OUTBOX_LIMITS, purgeSent, releaseLeases, type OutboxEnv } from '@/utils/delivery/outbox';
import { createOutboxRunner } from '@/utils/delivery/outbox-runner';
import { openOutboxStore } from '@/utils/delivery/outbox-store';
import { shrinkReport } from '@/utils/delivery/shrink';
import { checkEdited, editedScreenshotSchema, withScreenshot } from '@/utils/annotate/edited';
import { captureDom } from '@/utils/capture/dom-capture';
import { domCaptureEnv } from '@/utils/capture/dom-capture-wiring';
import { onMessage } from '@/utils/messaging/extension';
import { isExtensionPage } from '@/utils/messaging/sender';
import { measureImage, reencodeImage } from '@/utils/platform/images';
import { createWakeScheduler, OUTBOX_ALARM, showUnsentCount } from '@/utils/platform/outbox-wiring';
import { drafts, purgeDrafts, type Draft } from '@/utils/report/draft';
import { bytesToBase64, exportFilename, zipReport } from '@/utils/report/export';
import { startReport } from '@/utils/report/start';
import { describeError, submitDraft, toStatus } from '@/utils/report/submit';
import { buildTicket } from '@/utils/ticket/build';
import { withReportFiles } from '@/utils/ticket/files';
import { endpointSettings, endpointToken } from '@/utils/settings/items';

const SEND_TIMEOUT_MS = 30_000;
/** How long Send report waits for the first attempt before the page follows the outbox instead. */
const FIRST_ATTEMPT_WAIT_MS = 3_000;
const RETENTION_MS = 7 * 24 * 60 * 60_000;

async function currentConnector(): Promise<ConnectorConfig> {
  const url = (await endpointSettings.getValue()).url;
  if (!url) return { type: 'none' };
  return { type: 'webhook', url, token: await endpointToken.getValue(), format: 'json', signingSecret: '' };
}

async function injectBridge(tabId: number): Promise<unknown> {
  const [result] = await browser.scripting.executeScript({ target: { tabId }, files: ['/bridge.js'] });
  return result?.result;
}

const buildContext = () => ({
  now: Date.now(),
  extensionVersion: browser.runtime.getManifest().version,
  fallbackUserAgent: navigator.userAgent,
  fallbackLanguage: navigator.language,
});

export default defineBackground(() => {
  const origin = browser.runtime.getURL('/');
  const trusted = (sender: { url?: string }) => {
    if (!isExtensionPage(sender, origin)) throw new Error('Not allowed from this context');
  };

  // Leases are released before anything else may touch the outbox, so no fresh claim is undone.
  const storeReady = openOutboxStore().then(async (store) => {
    await releaseLeases({ store, now: Date.now });
    return store;
  });
  const outboxEnv = async (): Promise<OutboxEnv> => ({
    store: await storeReady,
    connector: async () => connectorFor(await currentConnector()),
    fetch: (...args) => fetch(...args),
    timeoutMs: SEND_TIMEOUT_MS,
    now: Date.now,
    random: Math.random,
    shrink: (report) => shrinkReport(report, reencodeImage),
  });
  const runner = storeReady.then(async (store) =>
    createOutboxRunner({
      ...(await outboxEnv()),
      store,
      scheduleWake: createWakeScheduler(browser, () => void kick(), Date.now),
      changed: (entries) => showUnsentCount(browser, entries),
    }),
  );
  const kick = async () => (await runner).kick();
  /** Retry triggers that mean "conditions may have changed": startup, back online, popup opened. */
  const retryNow = async (ids: string[] = []) => {
    await makeDue(await outboxEnv(), ids);
    await kick();
  };

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void kick();
  });
  browser.runtime.onStartup.addListener(() => void retryNow());
  self.addEventListener('online', () => void retryNow());
  void (async () => {
    const env = await outboxEnv();
    await purgeSent(env, RETENTION_MS);
    const unsent = (await env.store.list()).filter(isUnsent).map((e) => e.id);
    await purgeDrafts(drafts, Date.now() - RETENTION_MS, new Set(unsent));
    await kick();
  })();

  const reportFromDraft = (draft: Draft, description: string) => withReportFiles(buildTicket(draft, description, buildContext()));

  onMessage('startReport', async ({ data, sender }) => {
    trusted(sender);
    try {
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
      return { ok: false, problem: 'internal', detail: describeError(error) };
    }
  });

  onMessage('getCompose', async ({ data, sender }) => {
    trusted(sender);
    const draft = await drafts.get(data);
    if (!draft) return null;
    const entry = draft.outboxId ? await (await storeReady).get(draft.outboxId) : undefined;
    return { draft, status: entry ? toStatus(entry) : null, canSend: (await currentConnector()).type !== 'none' };
  });

  onMessage('saveDescription', async ({ data, sender }) => {
    trusted(sender);
    await drafts.update(data.draftId, (d) => (d.outboxId ? d : { ...d, description: data.description }));
  });

  onMessage('submitReport', async ({ data, sender }) => {
    trusted(sender);
    const store = await storeReady;
    return submitDraft(data.draftId, data.description, {
      drafts,
      context: buildContext,
      finish: async (payload) => withReportFiles(payload),
      enqueue: async (report, draftId) => enqueue(await outboxEnv(), report, draftId),
      deliver: async (id) => {
        await Promise.race([kick(), new Promise((r) => setTimeout(r, FIRST_ATTEMPT_WAIT_MS))]);
        return store.get(id);
      },
      status: (id) => store.get(id),
    }, data.screenshot);
  });

  onMessage('reportStatus', async ({ data, sender }) => {
    trusted(sender);
    const entry = await (await storeReady).get(data);
    return entry ? toStatus(entry) : null;
  });

  onMessage('listReports', async ({ sender }) => {
    trusted(sender);
    void retryNow();
    const entries = await (await storeReady).list();
    const unsent = entries.filter(isUnsent);
    const bytes = unsent.reduce((n, e) => n + e.bytes, 0);
    return {
      reports: entries.slice(0, 20).map(toStatus),
      nearlyFull: unsent.length >= OUTBOX_LIMITS.entries * 0.8 || bytes >= OUTBOX_LIMITS.bytes * 0.8,
    };
  });

  onMessage('retryReport', async ({ data, sender }) => {
    trusted(sender);
    await retryNow([data]);
    const entry = await (await storeReady).get(data);
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
      const stored = draft.outboxId ? await (await storeReady).payload(draft.outboxId) : undefined;
      const report = stored ?? reportFromDraft(draft, data.description);
      return { ok: true, filename: exportFilename(report), base64: bytesToBase64(zipReport(report)) };
    } catch (error) {
      return { ok: false, failure: { kind: 'invalid-report', retryable: false, detail: describeError(error) } };
    }
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
