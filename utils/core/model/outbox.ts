/** A report in the outbox: what the popup and the report page show of its fate. */
import type { OutgoingReport } from '../delivery/connector';
import type { DeliveryFailure } from '../delivery/errors';
import type { Receipt } from './draft';
import type { AddedInformation, FollowUp } from '../delivery/follow-up';

/** What Mayday knows of a sent ticket's life in the helpdesk (checked by utils/background/follow-up.ts). */
interface FollowUpRecord extends FollowUp {
  checkedAt: number;
  /** Replies already announced (notification, badge), so each is announced once. */
  announced: string[];
  /** Replies the person has not looked at yet: the badge counts them. */
  unread: number;
}

type OutboxState = 'queued' | 'sending' | 'sent' | 'failed';

export interface OutboxEntry {
  /** The ticket id, which is also the Idempotency-Key of every attempt. */
  id: string;
  draftId: string;
  createdAt: number;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  /** Not before this time, whatever triggers a retry: the endpoint asked to wait (Retry-After). */
  notBefore?: number;
  /** While sending: after this time the attempt is presumed dead (service worker stopped). */
  leaseUntil?: number;
  lastFailure?: DeliveryFailure;
  receipt?: Receipt;
  sentAt?: number;
  /** The last attempt went over plain http: to another machine (the admin's exception, plainHttpHosts). */
  unencrypted?: boolean;
  /** Connector progress kept between attempts (see SendContext.progress). */
  progress: Record<string, unknown>;
  /** The screenshot was already re-encoded smaller after a 413. */
  shrunk?: boolean;
  bytes: number;
  summary: { description: string; pageUrl: string; pageTitle: string };
  /**
   * 'addition': information the person added to the sent report `replyTo`, delivered by the same
   * loop, with its own id as the Idempotency-Key. Absent: a report.
   */
  kind?: 'report' | 'addition';
  replyTo?: string;
  /** A sent report's status and replies in the helpdesk. */
  followUp?: FollowUpRecord;
}

export interface OutboxStore {
  add(entry: OutboxEntry, payload: OutgoingReport | AddedInformation): Promise<void>;
  get(id: string): Promise<OutboxEntry | undefined>;
  payload(id: string): Promise<OutgoingReport | undefined>;
  /** An addition's text and files. */
  addition(id: string): Promise<AddedInformation | undefined>;
  list(): Promise<OutboxEntry[]>;
  /** Atomically marks the oldest due entry as sending (with a lease) and returns it. */
  claimNext(now: number, leaseMs: number): Promise<OutboxEntry | undefined>;
  update(id: string, change: (entry: OutboxEntry) => OutboxEntry): Promise<OutboxEntry | undefined>;
  replacePayload(id: string, report: OutgoingReport): Promise<void>;
  remove(ids: string[]): Promise<void>;
}

export const isAddition = (entry: OutboxEntry) => entry.kind === 'addition';

export function isDue(entry: OutboxEntry, now: number): boolean {
  if (entry.state === 'queued') return entry.nextAttemptAt <= now;
  return entry.state === 'sending' && (entry.leaseUntil ?? 0) <= now;
}
