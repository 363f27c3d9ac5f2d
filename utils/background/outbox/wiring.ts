/**
 * The outbox's ties to the browser: a timer for short waits and an alarm (>= 30 s) that survives
 * the service worker being stopped, and the toolbar badge counting unsent reports.
 */
import type { browser as Browser } from 'wxt/browser';
import type { OutboxEntry } from '../../core/model/outbox';
import { isUnsent } from './outbox';
import { toolbarButton } from '../toolbar-button';

export const OUTBOX_ALARM = 'mayday-outbox';
const MIN_ALARM_MS = 30_000;

export function createWakeScheduler(api: typeof Browser, kick: () => void, now: () => number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (at: number | undefined) => {
    clearTimeout(timer);
    if (at === undefined) {
      void api.alarms.clear(OUTBOX_ALARM);
      return;
    }
    const wait = Math.max(0, at - now());
    timer = setTimeout(kick, wait);
    void api.alarms.create(OUTBOX_ALARM, { when: now() + Math.max(wait, MIN_ALARM_MS) });
  };
}

/** Unsent reports first (they need the person); otherwise replies not yet looked at, in blue. */
export function showUnsentCount(api: typeof Browser, entries: OutboxEntry[]) {
  const unsent = entries.filter(isUnsent).length;
  const failed = entries.some((e) => e.state === 'failed');
  const unread = entries.reduce((n, e) => n + (e.followUp?.unread ?? 0), 0);
  const button = toolbarButton(api);
  void button.setBadgeText({ text: unsent ? String(unsent) : unread ? String(unread) : '' });
  void button.setBadgeBackgroundColor({ color: failed ? '#b91c1c' : unsent ? '#c2410c' : '#1d4ed8' });
}
