/** The helpdesk loop: status and replies of sent reports, notifications, and added information. */
import { browser } from 'wxt/browser';
import { createFollowUpChecker, ensureFollowUpAlarm, FOLLOW_UP_ALARM, markRead } from '@/utils/background/follow-up';
import { addInformation, conversation } from '@/utils/background/conversation';
import { showUnsentCount } from '@/utils/background/outbox/wiring';
import { t } from '@/utils/extension/i18n';
import { onExtensionPageMessage } from '@/utils/extension/messaging';
import { settingsNow } from './context';
import type { OutboxService } from '@/utils/background/outbox/service';

const DAY_MS = 24 * 60 * 60_000;
const NOTIFICATION_PREFIX = 'mayday-reply|';
/** A plain square in Mayday's colour: notifications need an icon and the extension ships none. */
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAKklEQVR42mM45MhDU8QwasGoBaMWjFowasGoBaMWjFowasGoBaMWDBULACVwPD2wuxyUAAAAAElFTkSuQmCC';

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

  onExtensionPageMessage('getConversation', async ({ data }) => {
    void look([data]);
    return conversation(await outbox.env(), data);
  });

  // Answered once the (throttled) check is done, so the popup shows a new reply at once.
  onExtensionPageMessage('checkReplies', async () => {
    await look();
  });

  onExtensionPageMessage('markRepliesRead', async ({ data }) => {
    await markRead(await store, data);
    await refreshBadge();
  });

  onExtensionPageMessage('addInformation', async ({ data }) =>
    addInformation({ outbox: await outbox.env(), t, kick: () => outbox.kick() }, data),
  );

  return { check, look };
}
