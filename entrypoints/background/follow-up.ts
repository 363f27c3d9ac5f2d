/** The helpdesk loop: status and replies of sent reports, notifications, and added information. */
import { browser } from 'wxt/browser';
import { createFollowUpChecker, ensureFollowUpAlarm, FOLLOW_UP_ALARM, markRead } from '@/utils/background/follow-up';
import { enqueueAddition } from '@/utils/background/outbox/outbox';
import { showUnsentCount } from '@/utils/background/outbox/wiring';
import { REPLY_TEXT_MAX, type AddedInformation } from '@/utils/core/delivery/follow-up';
import { attachmentSchema } from '@/utils/core/model/ticket';
import { isAddition, type OutboxEntry } from '@/utils/core/model/outbox';
import { describeError, toStatus } from '@/utils/core/report/submit';
import { t } from '@/utils/extension/i18n';
import { onExtensionPageMessage, type Conversation } from '@/utils/extension/messaging';
import { settingsNow } from './context';
import type { OutboxService } from '@/utils/background/outbox/service';

const DAY_MS = 24 * 60 * 60_000;
const NOTIFICATION_PREFIX = 'mayday-reply|';
/** A plain square in Mayday's colour: notifications need an icon and the extension ships none. */
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAKklEQVR42mM45MhDU8QwasGoBaMWjFowasGoBaMWjFowasGoBaMWDBULACVwPD2wuxyUAAAAAElFTkSuQmCC';
/** The person's own file, as big as a screenshot may be. */
const FILE_MAX_BASE64 = Math.ceil((5 * 1024 * 1024 * 4) / 3);

export function registerFollowUp(outbox: OutboxService) {
  const store = outbox.store;
  const refreshBadge = async () => showUnsentCount(browser, await (await store).list());

  const checker = outbox.env().then((env) =>
    createFollowUpChecker(
      {
        ...env,
        retentionMs: async () => (await settingsNow()).sentReportRetentionDays * DAY_MS,
        announce: (entry, reply) => {
          const title = t('notifyReplyTitle');
          void browser.notifications.create(`${NOTIFICATION_PREFIX}${entry.id}|${reply.id}`, {
            type: 'basic',
            iconUrl: ICON,
            title,
            message: `${reply.author ? `${reply.author}: ` : ''}${reply.text.slice(0, 200)}`,
            contextMessage: entry.summary.description.slice(0, 80),
          });
        },
      },
      () => void refreshBadge(),
    ),
  );
  const check = async (ids?: string[]) => (await checker).check(ids);
  const look = async (ids?: string[]) => (await checker).look(ids);

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FOLLOW_UP_ALARM) void check();
  });
  browser.runtime.onStartup.addListener(() => void check());
  void ensureFollowUpAlarm(browser);

  // The notification opens the report's page, at its conversation.
  browser.notifications.onClicked.addListener((id) => void openFromNotification(id));
  async function openFromNotification(id: string) {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    const [, reportId] = id.split('|');
    void browser.notifications.clear(id);
    const entry = await (await store).get(reportId);
    if (!entry) return;
    await browser.tabs.create({
      url: browser.runtime.getURL(`/compose.html?draft=${encodeURIComponent(entry.draftId)}#conversation`),
    });
  }

  async function conversation(reportId: string): Promise<Conversation | null> {
    const entries = await (await store).list();
    const report = entries.find((e) => e.id === reportId && !isAddition(e));
    if (!report) return null;
    const connector = await (await outbox.env()).connector();
    const additions = entries
      .filter((e): e is OutboxEntry => isAddition(e) && e.replyTo === reportId)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((e) => ({
        id: e.id,
        text: e.summary.description,
        createdAt: e.createdAt,
        state: e.state,
        lastFailure: e.lastFailure,
        files: e.bytes > e.summary.description.length ? 1 : 0,
      }));
    const canAdd =
      report.state === 'sent' &&
      !!report.receipt &&
      !report.followUp?.closed &&
      !!connector?.followUp?.follows(report.receipt);
    return { report: toStatus(report), additions, canAdd };
  }

  onExtensionPageMessage('getConversation', async ({ data }) => {
    void look([data]);
    return conversation(data);
  });

  // Answered once the (throttled) check is done, so the popup shows a new reply at once.
  onExtensionPageMessage('checkReplies', async () => {
    await look();
  });

  onExtensionPageMessage('markRepliesRead', async ({ data }) => {
    await markRead(await store, data);
    await refreshBadge();
  });

  onExtensionPageMessage('addInformation', async ({ data }) => {
    const text = String(data.text ?? '').trim();
    const refuse = (detail: string) => ({
      ok: false as const,
      failure: { kind: 'invalid-report' as const, retryable: false as const, detail },
    });
    if (!/^[\w-]{8,200}$/.test(data.id)) return refuse('bad id');
    if (!text && !data.file) return refuse(t('conversationEmpty'));
    if (text.length > REPLY_TEXT_MAX) return refuse(t('conversationTooLong'));
    const attachments = [];
    if (data.file) {
      const file = attachmentSchema.safeParse({
        ...data.file,
        filename: data.file.filename.replace(/[^\w.-]+/g, '_').slice(-100) || 'screenshot.png',
      });
      if (
        !file.success ||
        !/^image\/(png|jpeg)$/.test(file.data.contentType) ||
        file.data.data.length > FILE_MAX_BASE64
      )
        return refuse(t('conversationBadFile'));
      attachments.push(file.data);
    }
    const parent = await (await store).get(data.reportId);
    if (!parent || isAddition(parent)) return refuse('no such report');
    // The report's requester adds it: a helpdesk that signs with its API account names them.
    const reporter = (await (await store).payload(parent.id).catch(() => undefined))?.ticket.reporter;
    const author = reporter?.name?.trim() || reporter?.email?.trim();
    const info: AddedInformation = { id: data.id, text, attachments, ...(author ? { author } : {}) };
    try {
      await enqueueAddition(await outbox.env(), parent, info);
    } catch (error) {
      return refuse(describeError(error));
    }
    await Promise.race([outbox.kick(), new Promise((r) => setTimeout(r, 3000))]);
    const next = await conversation(data.reportId);
    return next ? { ok: true, conversation: next } : refuse('no such report');
  });

  return { check, look };
}
