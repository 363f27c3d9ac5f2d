/**
 * Following sent tickets: asks the helpdesk for the status and public replies of each sent report
 * that is not closed and younger than the retention period, keeps them on the outbox entry (so
 * they survive restarts), and announces each new reply once. Runs from an alarm every 15 minutes,
 * when the browser starts, and when the popup or a report page looks (at most every 5 s).
 */
import type { browser as Browser } from 'wxt/browser';
import type { Connector } from '../core/delivery/connector';
import type { TechnicianReply } from '../core/delivery/follow-up';
import { isAddition, type OutboxEntry, type OutboxStore } from '../core/model/outbox';

export const FOLLOW_UP_ALARM = 'mayday-follow-up';
const FOLLOW_UP_EVERY_MINUTES = 15;
/** A page looking at the reports triggers a check no more often than this. */
const LOOK_THROTTLE_MS = 5_000;

export interface FollowUpEnv {
  store: OutboxStore;
  connector(): Promise<Connector | null>;
  fetch: typeof fetch;
  timeoutMs: number;
  now(): number;
  retentionMs(): Promise<number>;
  /** A reply the person has not been told about yet. */
  announce(entry: OutboxEntry, reply: TechnicianReply): void;
}

/** The sent reports worth asking about now. */
function followed(entries: OutboxEntry[], now: number, retentionMs: number): OutboxEntry[] {
  return entries.filter(
    (e) =>
      !isAddition(e) &&
      e.state === 'sent' &&
      e.receipt !== undefined &&
      !e.followUp?.closed &&
      now - (e.sentAt ?? e.createdAt) <= retentionMs,
  );
}

/** One round: every followed ticket (or those in `ids`), one after the other. Returns how many replies were new. */
export async function checkFollowUps(env: FollowUpEnv, ids?: string[]): Promise<number> {
  const connector = await env.connector();
  const followUp = connector?.followUp;
  if (!followUp) return 0;
  const due = followed(await env.store.list(), env.now(), await env.retentionMs()).filter(
    (e) => (!ids || ids.includes(e.id)) && followUp.follows(e.receipt!),
  );
  let fresh = 0;
  for (const entry of due) {
    const result = await followUp.status(entry.receipt!, {
      fetch: env.fetch,
      timeoutMs: env.timeoutMs,
      now: () => env.now(),
    });
    // A failed check changes nothing: the last known status stays, the next round asks again.
    if (!result.ok) continue;
    const now = env.now();
    let news: TechnicianReply[] = [];
    const updated = await env.store.update(entry.id, (e) => {
      const announced = new Set(e.followUp?.announced ?? []);
      news = result.followUp.replies.filter((r) => !announced.has(r.id));
      for (const r of news) announced.add(r.id);
      return {
        ...e,
        followUp: {
          ...result.followUp,
          checkedAt: now,
          announced: [...announced].slice(-200),
          unread: (e.followUp?.unread ?? 0) + news.length,
        },
      };
    });
    if (!updated) continue;
    fresh += news.length;
    for (const reply of news) env.announce(updated, reply);
  }
  return fresh;
}

/** The person looked at these reports' replies: they no longer count as new. */
export async function markRead(store: OutboxStore, ids: string[]): Promise<void> {
  for (const id of ids)
    await store.update(id, (e) => (e.followUp?.unread ? { ...e, followUp: { ...e.followUp, unread: 0 } } : e));
}

/**
 * One check at a time: a trigger while one runs waits for it instead of asking the helpdesk
 * twice. `look` is the throttled trigger of pages that poll.
 */
export function createFollowUpChecker(env: FollowUpEnv, onChecked: () => void) {
  let running: Promise<number> | null = null;
  let lastLook = 0;
  const check = (ids?: string[]) => {
    if (running) return running;
    running = checkFollowUps(env, ids)
      .catch((error) => {
        console.error('Mayday: checking replies failed', error);
        return 0;
      })
      .finally(() => {
        running = null;
        onChecked();
      });
    return running;
  };
  return {
    check,
    look(ids?: string[]) {
      const now = env.now();
      if (now - lastLook < LOOK_THROTTLE_MS) return running ?? Promise.resolve(0);
      lastLook = now;
      return check(ids);
    },
  };
}

/** The alarm survives browser restarts; re-creating it each start would push it back for ever. */
export async function ensureFollowUpAlarm(api: typeof Browser): Promise<void> {
  if (!(await api.alarms.get(FOLLOW_UP_ALARM)))
    await api.alarms.create(FOLLOW_UP_ALARM, { periodInMinutes: FOLLOW_UP_EVERY_MINUTES });
}
