/**
 * The outbox on disk (IndexedDB). Entry metadata and payloads live in two stores so that listing
 * 200 reports does not read 200 screenshots; both are written in one transaction, so an entry
 * never exists without its payload.
 */
import { isDue, type OutboxEntry, type OutboxStore } from '../../core/model/outbox';
import type { OutgoingReport } from '../../core/delivery/connector';
import { openDatabase, requestResult, transaction } from './idb';
import type { AddedInformation } from '../../core/delivery/follow-up';

const DB_NAME = 'mayday';
const ENTRIES = 'outbox';
const PAYLOADS = 'payloads';

export async function openOutboxStore(factory: IDBFactory = indexedDB): Promise<OutboxStore> {
  const db = await openDatabase(factory, DB_NAME, 1, (upgrade) => {
    upgrade.createObjectStore(ENTRIES, { keyPath: 'id' });
    upgrade.createObjectStore(PAYLOADS);
  });
  const all = (tx: IDBTransaction) => requestResult(tx.objectStore(ENTRIES).getAll() as IDBRequest<OutboxEntry[]>);

  return {
    add: (entry, payload) =>
      transaction(db, [ENTRIES, PAYLOADS], 'readwrite', (tx) => {
        tx.objectStore(ENTRIES).add(entry);
        tx.objectStore(PAYLOADS).put(payload, entry.id);
      }),
    get: (id) =>
      transaction(db, [ENTRIES], 'readonly', (tx) =>
        requestResult(tx.objectStore(ENTRIES).get(id) as IDBRequest<OutboxEntry | undefined>),
      ),
    payload: (id) =>
      transaction(db, [PAYLOADS], 'readonly', (tx) =>
        requestResult(tx.objectStore(PAYLOADS).get(id) as IDBRequest<OutgoingReport | undefined>),
      ),
    addition: (id) =>
      transaction(db, [PAYLOADS], 'readonly', (tx) =>
        requestResult(tx.objectStore(PAYLOADS).get(id) as IDBRequest<AddedInformation | undefined>),
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
