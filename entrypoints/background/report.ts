/** One report from start to send: the draft, what the person writes and leaves out, preview, send, save as file. */
import { browser } from 'wxt/browser';
import { enqueue } from '@/utils/background/outbox/outbox';
import { drafts } from '@/utils/background/drafts';
import { startReport } from '@/utils/background/report/start';
import type { Draft } from '@/utils/core/model/draft';
import { exclusionsSchema } from '@/utils/core/report/exclusions';
import { exportReport } from '@/utils/core/report/export';
import { previewDraft, previewStored } from '@/utils/core/report/preview';
import { keepReportChoices, reportForm } from '@/utils/core/report/report-form';
import { describeError, submitDraft, toStatus } from '@/utils/core/report/submit';
import { checkRequester, draftRequester, requesterForm } from '@/utils/core/report/requester';
import { profileEmail, rememberedRequester } from '@/utils/background/requester';
import { t } from '@/utils/extension/i18n';
import { onExtensionPageMessage, type StartResult } from '@/utils/extension/messaging';
import { BRIDGE_MASKS_KEY } from '@/utils/page/isolated/page-context';
import { paintedFrame } from '@/utils/page/isolated/paint';
import { getConnectorConfig } from '@/utils/extension/settings';
import { buildContext, settingsNow, sleep, tabAllowed } from './context';
import type { OutboxService } from '@/utils/background/outbox/service';
import type { registerRecorder } from './recorder';
import { screenshotFor } from './screenshot';

/** How long Send report waits for the first attempt before the page follows the outbox instead. */
const FIRST_ATTEMPT_WAIT_MS = 3_000;

type Observation = ReturnType<typeof registerRecorder>['observation'];

export function registerReport(outbox: OutboxService, observation: Observation) {
  const choiceRequired = (field: 'category' | 'urgency') =>
    t(field === 'category' ? 'composeCategoryRequired' : 'composeUrgencyRequired');

  /** Every way in (popup, shortcut, context menu) starts a report here. */
  const beginReport = async (tabId: number): Promise<StartResult> => {
    try {
      // Nothing is collected on a site the organisation blocked.
      if (!(await tabAllowed(tabId))) return { ok: false, problem: 'blocked-site' };
      const settings = await settingsNow();
      const draft = await startReport(tabId, {
        tabs: browser.tabs,
        injectBridge: async (tabId) => {
          // The admin's mask selectors first, in the isolated world the bridge runs in next.
          await browser.scripting.executeScript({
            target: { tabId },
            func: (key: string, masks: string[]) => void ((globalThis as Record<string, unknown>)[key] = masks),
            args: [BRIDGE_MASKS_KEY, settings.maskSelectors],
          });
          const [result] = await browser.scripting.executeScript({ target: { tabId }, files: ['/bridge.js'] });
          return result?.result;
        },
        waitForPaint: async (tabId) =>
          void (await browser.scripting.executeScript({ target: { tabId }, func: paintedFrame, args: [1000] })),
        takeScreenshot: screenshotFor(settings),
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

  onExtensionPageMessage('startReport', async ({ data }) => beginReport(data.tabId));

  onExtensionPageMessage('getCompose', async ({ data }) => {
    const draft = await drafts.get(data);
    if (!draft) return null;
    const entry = draft.outboxId ? await (await outbox.store).get(draft.outboxId) : undefined;
    return { draft, status: entry ? toStatus(entry) : null, canSend: (await getConnectorConfig()).type !== 'none' };
  });

  onExtensionPageMessage('saveDescription', async ({ data }) => {
    await drafts.update(data.draftId, (d: Draft) => (d.outboxId ? d : { ...d, description: data.description }));
  });

  onExtensionPageMessage('previewReport', async ({ data }) => {
    const draft = await drafts.get(data.draftId);
    if (!draft) return { ok: false, detail: 'draft-missing' };
    try {
      const stored = draft.outboxId ? await (await outbox.store).payload(draft.outboxId) : undefined;
      return {
        ok: true,
        preview: stored
          ? previewStored(stored, draft)
          : previewDraft(
              data.requester ? { ...draft, reporter: draftRequester(data.requester) } : draft,
              data.description,
              (await buildContext())(),
            ),
      };
    } catch (error) {
      return { ok: false, detail: describeError(error) };
    }
  });

  onExtensionPageMessage('setExclusions', async ({ data }) => {
    const exclusions = exclusionsSchema.parse(data.exclusions);
    await drafts.update(data.draftId, (d: Draft) => (d.outboxId ? d : { ...d, exclusions }));
  });

  const currentRequesterForm = async () =>
    requesterForm(await settingsNow(), await rememberedRequester.getValue(), await profileEmail(browser));

  onExtensionPageMessage('getRequester', () => currentRequesterForm());

  onExtensionPageMessage('saveRequester', async ({ data }) => {
    const reporter = draftRequester(data.requester);
    await drafts.update(data.draftId, (d: Draft) => (d.outboxId ? d : { ...d, reporter }));
  });

  onExtensionPageMessage('submitReport', async ({ data }) => {
    const requester = checkRequester(data.requester, await currentRequesterForm());
    if (!requester.ok)
      return {
        ok: false,
        failure: {
          kind: 'invalid-report',
          retryable: false,
          detail: t(requester.problem === 'email-required' ? 'composeEmailRequired' : 'composeEmailInvalid'),
        },
      };
    const queued = await drafts.update(data.draftId, (d: Draft) =>
      d.outboxId ? d : { ...d, reporter: requester.reporter },
    );
    if (queued && !queued.outboxId && requester.reporter)
      await rememberedRequester.setValue({
        email: requester.reporter.email ?? '',
        name: requester.reporter.name ?? '',
      });
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

  onExtensionPageMessage('exportReport', async ({ data }) =>
    exportReport(data, {
      drafts,
      stored: async (id) => (await outbox.store).payload(id),
      context: await buildContext(),
    }),
  );

  return { beginReport };
}
