/**
 * The outbox on disk (IndexedDB). Entry metadata and payloads live in two stores so that listing
 * 200 reports does not read 200 screenshots; both are written in one transaction, so an entry
 * never exists without its payload.
 */
import type { Receipt } from '../report/draft';
import type { OutgoingReport } from './connector';
import type { DeliveryFailure } from './errors';
import { openDatabase, requestResult, transaction } from './idb';

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed';

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
  /** Connector progress kept between attempts (see SendContext.progress). */
  progress: Record<string, unknown>;
  /** The screenshot was already re-encoded smaller after a 413. */
  shrunk?: boolean;
  bytes: number;
  summary: { description: string; pageUrl: string; pageTitle: string };
}

const DB_NAME = 'mayday';
const ENTRIES = 'outbox';
const PAYLOADS = 'payloads';

export interface OutboxStore {
  add(entry: OutboxEntry, report: OutgoingReport): Promise<void>;
  get(id: string): Promise<OutboxEntry | undefined>;
  payload(id: string): Promise<OutgoingReport | undefined>;
  list(): Promise<OutboxEntry[]>;
  /** Atomically marks the oldest due entry as sending (with a lease) and returns it. */
  claimNext(now: number, leaseMs: number): Promise<OutboxEntry | undefined>;
  update(id: string, change: (entry: OutboxEntry) => OutboxEntry): Promise<OutboxEntry | undefined>;
  replacePayload(id: string, report: OutgoingReport): Promise<void>;
  remove(ids: string[]): Promise<void>;
}

export function isDue(entry: OutboxEntry, now: number): boolean {
  if (entry.state === 'queued') return entry.nextAttemptAt <= now;
  return entry.state === 'sending' && (entry.leaseUntil ?? 0) <= now;
}

export async function openOutboxStore(factory: IDBFactory = indexedDB): Promise<OutboxStore> {
  const db = await openDatabase(factory, DB_NAME, 1, (upgrade) => {
    upgrade.createObjectStore(ENTRIES, { keyPath: 'id' });
    upgrade.createObjectStore(PAYLOADS);
  });
  const all = (tx: IDBTransaction) => requestResult(tx.objectStore(ENTRIES).getAll() as IDBRequest<OutboxEntry[]>);

  return {
    add: (entry, report) =>
      transaction(db, [ENTRIES, PAYLOADS], 'readwrite', (tx) => {
        tx.objectStore(ENTRIES).add(entry);
        tx.objectStore(PAYLOADS).put(report, entry.id);
      }),
    get: (id) =>
      transaction(db, [ENTRIES], 'readonly', (tx) =>
        requestResult(tx.objectStore(ENTRIES).get(id) as IDBRequest<OutboxEntry | undefined>),
      ),
    payload: (id) =>
      transaction(db, [PAYLOADS], 'readonly', (tx) =>
        requestResult(tx.objectStore(PAYLOADS).get(id) as IDBRequest<OutgoingReport | undefined>),
      ),
    list: async () => (await transaction(db, [ENTRIES], 'readonly', all)).sort((a, b) => b.createdAt - a.createdAt),
    claimNext: (now, leaseMs) =>
      transaction(db, [ENTRIES], 'readwrite', async (tx) => {
        const due = (await all(tx))
          .filter((e) => isDue(e, now))
          .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
        if (!due.length) return undefined;
        const next = { ...due[0], state: 'sending' as const, leaseUntil: now + leaseMs, attempts: due[0].attempts + 1 };
        tx.objectStore(ENTRIES).put(next);
        return next;
      }),
    update: (id, change) =>
      transaction(db, [ENTRIES], 'readwrite', async (tx) => {
        const entry = await requestResult(tx.objectStore(ENTRIES).get(id) as IDBRequest<OutboxEntry | undefined>);
        if (!entry) return undefined;
        const next = change(entry);
        tx.objectStore(ENTRIES).put(next);
        return next;
      }),
    replacePayload: (id, report) =>
      transaction(db, [PAYLOADS], 'readwrite', (tx) => {
        tx.objectStore(PAYLOADS).put(report, id);
      }),
    remove: (ids) =>
      transaction(db, [ENTRIES, PAYLOADS], 'readwrite', (tx) => {
        for (const id of ids) {
          tx.objectStore(ENTRIES).delete(id);
          tx.objectStore(PAYLOADS).delete(id);
        }
      }),
  };
}
