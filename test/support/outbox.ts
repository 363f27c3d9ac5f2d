/** An outbox for unit tests: a fresh in-memory IndexedDB, no network, a fixed random. */
import { IDBFactory } from 'fake-indexeddb';
import type { OutboxEnv } from '../../utils/background/outbox/outbox';
import { openOutboxStore } from '../../utils/background/outbox/store';

export async function memoryOutbox(
  connector: OutboxEnv['connector'],
  now: () => number,
  shrink: OutboxEnv['shrink'] = async () => null,
): Promise<OutboxEnv> {
  return {
    store: await openOutboxStore(new IDBFactory()),
    connector,
    fetch: globalThis.fetch,
    timeoutMs: 1000,
    now,
    random: () => 0.5,
    shrink,
  };
}
