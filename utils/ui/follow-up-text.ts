/** The helpdesk loop in the person's words: a ticket's status, a reply's author and time. */
import type { TicketStatus } from '@/utils/core/delivery/follow-up';
import { t } from '@/utils/extension/i18n';

const STATUS_KEYS = {
  new: 'followStatusNew',
  'in-progress': 'followStatusInProgress',
  waiting: 'followStatusWaiting',
  solved: 'followStatusSolved',
  closed: 'followStatusClosed',
} as const satisfies Record<TicketStatus, string>;

export function statusText(status: TicketStatus): string {
  return t(STATUS_KEYS[status]);
}

/** "28/11/2026 10:02" in the UI's language. */
export function timeText(iso: string | number): string {
  const date = new Date(iso);
  if (!Number.isFinite(date.getTime())) return '';
  return date.toLocaleString(t('htmlLang'), { dateStyle: 'short', timeStyle: 'short' });
}

export function replyByline(author: string, at: string): string {
  return author ? t('replyByline', author, timeText(at)) : timeText(at);
}
