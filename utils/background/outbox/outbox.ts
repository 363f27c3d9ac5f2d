/**
 * The outbox: every report is stored durably before any network attempt, then sent until the
 * endpoint confirms it. Sending is at-least-once with the same Idempotency-Key every time, so the
 * endpoint stores it exactly once. Nothing unsent is ever dropped.
 */
import type { Connector, OutgoingReport, SendContext } from '../../core/delivery/connector';
import type { DeliveryFailure } from '../../core/delivery/errors';
import { isAddition, type OutboxEntry, type OutboxStore } from '../../core/model/outbox';
import type { AddedInformation } from '../../core/delivery/follow-up';
import { toStatus, type ReportStatus } from '../../core/report/submit';

export const OUTBOX_LIMITS = {
  firstRetryMs: 5_000,
  maxRetryMs: 60 * 60_000,
  /** Longer than any send can take (the send timeout is 30 s), so a live attempt keeps its claim. */
  leaseMs: 90_000,
  entries: 200,
  bytes: 100 * 1024 * 1024,
};

export class OutboxFullError extends Error {
  constructor(
    readonly entries: number,
    readonly bytes: number,
  ) {
    super(`The outbox holds ${entries} unsent reports (${Math.round(bytes / 1048576)} MB) and cannot take more`);
  }
}

export interface OutboxEnv {
  store: OutboxStore;
  /** The connector for the current settings, or null when no endpoint is configured. */
  connector: () => Promise<Connector | null>;
  fetch: typeof fetch;
  timeoutMs: number;
  now: () => number;
  random: () => number;
  /** Re-encodes the screenshot smaller after a 413; null when there is nothing to shrink. */
  shrink: (report: OutgoingReport) => Promise<OutgoingReport | null>;
}

/** Exponential backoff from 5 s to 1 h, with jitter so that many browsers do not retry in step. */
export function backoffMs(attempt: number, random: () => number): number {
  const base = Math.min(OUTBOX_LIMITS.maxRetryMs, OUTBOX_LIMITS.firstRetryMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + random() * 0.25));
}

function reportBytes(report: OutgoingReport): number {
  return report.attachments.reduce((n, a) => n + a.data.length, 0) + JSON.stringify(report.ticket).length;
}

export function isUnsent(entry: OutboxEntry): boolean {
  return entry.state !== 'sent';
}

/** How many reports the popup lists, newest first. */
const POPUP_REPORTS = 20;
/** Share of the outbox's limits past which the popup warns that it is nearly full. */
const NEARLY_FULL = 0.8;

/** What the popup shows of the outbox: the newest reports, and whether unsent ones nearly fill it. */
export function outboxOverview(entries: OutboxEntry[]): { reports: ReportStatus[]; nearlyFull: boolean } {
  const unsent = entries.filter(isUnsent);
  const bytes = unsent.reduce((n, e) => n + e.bytes, 0);
  return {
    reports: entries
      .filter((e) => !isAddition(e))
      .slice(0, POPUP_REPORTS)
      .map(toStatus),
    nearlyFull: unsent.length >= OUTBOX_LIMITS.entries * NEARLY_FULL || bytes >= OUTBOX_LIMITS.bytes * NEARLY_FULL,
  };
}

/** Stores a report for delivery. Sent copies past their time make room; unsent ones never do. */
export async function enqueue(env: OutboxEnv, report: OutgoingReport, draftId: string): Promise<OutboxEntry> {
  const existing = await env.store.get(report.ticket.id);
  if (existing) return existing;
  const entry = await queued(env, report.ticket.id, draftId, reportBytes(report), {
    description: report.ticket.description,
    pageUrl: report.ticket.page.url,
    pageTitle: report.ticket.page.title,
  });
  await env.store.add(entry, report);
  return entry;
}

/**
 * Stores information the person adds to a sent report, for delivery by the same loop: durable
 * before any attempt, its id the Idempotency-Key of every attempt. The same id again is a no-op.
 */
export async function enqueueAddition(
  env: OutboxEnv,
  parent: OutboxEntry,
  info: AddedInformation,
): Promise<OutboxEntry> {
  const existing = await env.store.get(info.id);
  if (existing) return existing;
  const bytes = info.attachments.reduce((n, a) => n + a.data.length, 0) + info.text.length;
  const entry: OutboxEntry = {
    ...(await queued(env, info.id, parent.draftId, bytes, { ...parent.summary, description: info.text })),
    kind: 'addition',
    replyTo: parent.id,
  };
  await env.store.add(entry, info);
  return entry;
}

/** A new entry, due now, once room is made for its bytes. */
async function queued(
  env: OutboxEnv,
  id: string,
  draftId: string,
  bytes: number,
  summary: OutboxEntry['summary'],
): Promise<OutboxEntry> {
  await makeRoom(env, bytes);
  const now = env.now();
  return {
    id,
    draftId,
    createdAt: now,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: now,
    progress: {},
    bytes,
    summary,
  };
}

async function makeRoom(env: OutboxEnv, bytes: number): Promise<void> {
  const entries = await env.store.list();
  const sent = entries.filter((e) => !isUnsent(e)).sort((a, b) => (a.sentAt ?? 0) - (b.sentAt ?? 0));
  let count = entries.length;
  let total = entries.reduce((n, e) => n + e.bytes, 0);
  const evict: string[] = [];
  while ((count >= OUTBOX_LIMITS.entries || total + bytes > OUTBOX_LIMITS.bytes) && sent.length) {
    const oldest = sent.shift()!;
    evict.push(oldest.id);
    count--;
    total -= oldest.bytes;
  }
  if (count >= OUTBOX_LIMITS.entries || total + bytes > OUTBOX_LIMITS.bytes) throw new OutboxFullError(count, total);
  if (evict.length) await env.store.remove(evict);
}

function afterFailure(entry: OutboxEntry, failure: DeliveryFailure, now: number, random: () => number): OutboxEntry {
  const base = { ...entry, leaseUntil: undefined, lastFailure: failure };
  if (!failure.retryable) return { ...base, state: 'failed' };
  const retryAfter = failure.kind === 'server' ? (failure.retryAfterMs ?? 0) : 0;
  const wait = Math.max(backoffMs(entry.attempts, random), retryAfter);
  return { ...base, state: 'queued', nextAttemptAt: now + wait, notBefore: now + retryAfter };
}

/** What a connector gets for one attempt: the outbox's clock and fetch, and the entry's recorded progress. */
function sendContext(env: OutboxEnv, entry: OutboxEntry): SendContext {
  return {
    fetch: env.fetch,
    timeoutMs: env.timeoutMs,
    now: env.now,
    progress: entry.progress,
    saveProgress: async (progress) => {
      await env.store.update(entry.id, (e) => ({ ...e, progress }));
    },
  };
}

/** An addition goes to its report's ticket, through the connector's follow-up. */
async function attemptAddition(env: OutboxEnv, entry: OutboxEntry): Promise<OutboxEntry | undefined> {
  const connector = await env.connector();
  const parent = entry.replyTo ? await env.store.get(entry.replyTo) : undefined;
  const info = await env.store.addition(entry.id);
  let failure: DeliveryFailure | undefined;
  if (!connector) failure = { kind: 'no-endpoint', retryable: false };
  else if (!info) failure = { kind: 'invalid-report', retryable: false, detail: 'the stored information is missing' };
  else if (!parent?.receipt || !connector.followUp?.follows(parent.receipt))
    failure = { kind: 'invalid-report', retryable: false, detail: 'the report it adds to cannot take information' };
  if (failure) {
    const final = failure;
    return env.store.update(entry.id, (e) => ({ ...e, state: 'failed', leaseUntil: undefined, lastFailure: final }));
  }
  const result = await connector!.followUp!.addInformation(parent!.receipt!, info!, sendContext(env, entry));
  const now = env.now();
  if (result.ok)
    return env.store.update(entry.id, (e) => ({
      ...e,
      state: 'sent',
      receipt: result.receipt,
      sentAt: now,
      leaseUntil: undefined,
      lastFailure: undefined,
    }));
  return env.store.update(entry.id, (e) => afterFailure(e, result.failure, now, env.random));
}

/** One attempt for a claimed entry; its outcome is written back before returning. */
async function attempt(env: OutboxEnv, entry: OutboxEntry): Promise<OutboxEntry | undefined> {
  if (isAddition(entry)) return attemptAddition(env, entry);
  const connector = await env.connector();
  const report = await env.store.payload(entry.id);
  if (!connector || !report) {
    const failure: DeliveryFailure = connector
      ? { kind: 'invalid-report', retryable: false, detail: 'the stored report is missing' }
      : { kind: 'no-endpoint', retryable: false };
    return env.store.update(entry.id, (e) => ({ ...e, state: 'failed', leaseUntil: undefined, lastFailure: failure }));
  }
  const result = await connector.send(report, sendContext(env, entry));
  const now = env.now();
  // How this attempt travelled, for the report's status: over plain http: only by the admin's exception.
  const unencrypted = connector.unencrypted ? true : undefined;
  if (result.ok) {
    return env.store.update(entry.id, (e) => ({
      ...e,
      unencrypted,
      state: 'sent',
      receipt: result.receipt,
      sentAt: now,
      leaseUntil: undefined,
      lastFailure: undefined,
    }));
  }
  if (result.failure.kind === 'too-large' && !entry.shrunk) {
    const smaller = await env.shrink(report);
    if (smaller) {
      await env.store.replacePayload(entry.id, smaller);
      return env.store.update(entry.id, (e) => ({
        ...e,
        unencrypted,
        state: 'queued',
        shrunk: true,
        nextAttemptAt: now,
        leaseUntil: undefined,
        bytes: reportBytes(smaller),
      }));
    }
  }
  return env.store.update(entry.id, (e) => ({ ...afterFailure(e, result.failure, now, env.random), unencrypted }));
}

/**
 * Sends what is due, oldest first, one at a time. When the endpoint fails in a way that time may
 * cure (down, overloaded, hanging), the rest of the queue waits with the failed report instead of
 * each report probing the same broken endpoint in turn.
 */
export async function deliverDue(env: OutboxEnv): Promise<void> {
  for (;;) {
    const entry = await env.store.claimNext(env.now(), OUTBOX_LIMITS.leaseMs);
    if (!entry) return;
    const after = await attempt(env, entry);
    if (after?.state === 'queued' && after.lastFailure?.retryable) {
      await holdQueue(env, after.nextAttemptAt);
      return;
    }
  }
}

async function holdQueue(env: OutboxEnv, until: number): Promise<void> {
  for (const e of await env.store.list()) {
    if (e.state === 'queued' && e.nextAttemptAt < until)
      await env.store.update(e.id, (x) => ({ ...x, nextAttemptAt: until }));
  }
}

/**
 * A service worker that has just started has no attempt in flight: whatever says "sending" was
 * cut off when the previous one stopped, so it is due again now rather than when its lease ends.
 */
export async function releaseLeases(env: Pick<OutboxEnv, 'store' | 'now'>): Promise<void> {
  const now = env.now();
  for (const e of await env.store.list()) {
    if (e.state === 'sending')
      await env.store.update(e.id, (x) => ({ ...x, state: 'queued', leaseUntil: undefined, nextAttemptAt: now }));
  }
}

/**
 * Makes queued reports due now (the person opened the popup, the browser came back online or
 * restarted), except where the endpoint itself asked to wait (Retry-After). With `ids`, also
 * re-queues those failed reports (the person pressed Retry, perhaps after fixing the token).
 */
export async function makeDue(env: OutboxEnv, ids: string[] = []): Promise<void> {
  const now = env.now();
  for (const entry of await env.store.list()) {
    const retryFailed = entry.state === 'failed' && ids.includes(entry.id);
    if (entry.state !== 'queued' && !retryFailed) continue;
    await env.store.update(entry.id, (e) => ({
      ...e,
      state: 'queued',
      nextAttemptAt: Math.max(now, e.notBefore ?? 0),
    }));
  }
}

/** When the outbox next needs to wake up; undefined when nothing is waiting. */
export function nextWakeAt(entries: OutboxEntry[]): number | undefined {
  let next: number | undefined;
  for (const e of entries) {
    const at = e.state === 'queued' ? e.nextAttemptAt : e.state === 'sending' ? (e.leaseUntil ?? 0) : undefined;
    if (at !== undefined && (next === undefined || at < next)) next = at;
  }
  return next;
}

/** Drops local copies of reports sent more than `retentionMs` ago. */
export async function purgeSent(env: Pick<OutboxEnv, 'store' | 'now'>, retentionMs: number): Promise<string[]> {
  const cutoff = env.now() - retentionMs;
  const old = (await env.store.list()).filter((e) => e.state === 'sent' && (e.sentAt ?? 0) < cutoff).map((e) => e.id);
  if (old.length) await env.store.remove(old);
  return old;
}
