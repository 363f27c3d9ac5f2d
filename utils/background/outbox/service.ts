/**
 * The outbox as the background runs it: the IndexedDB store (leases released first), one delivery
 * loop, and the browser events that wake it. Created synchronously when the service worker starts,
 * so its event listeners are registered in time to wake it.
 */
import type { browser as Browser } from 'wxt/browser';
import type { ConnectorConfig } from '../../core/delivery/config';
import { connectorFor } from '../../core/delivery/connectors';
import { makeDue, purgeSent, releaseLeases, type OutboxEnv, isUnsent } from './outbox';
import { createOutboxRunner } from './runner';
import { openOutboxStore } from './store';
import type { OutboxStore } from '../../core/model/outbox';
import { shrinkReport } from '../../core/delivery/shrink';
import { drafts, purgeDrafts } from '../drafts';
import type { Translate } from '../../core/ticket/translate';
import { reencodeImage } from '../capture/images';
import { createWakeScheduler, OUTBOX_ALARM, showUnsentCount } from './wiring';

const SEND_TIMEOUT_MS = 30_000;
const DAY_MS = 24 * 60 * 60_000;
/** Local copies are checked against the retention period at start and then this often. */
const PURGE_ALARM = 'mayday-purge';
const PURGE_EVERY_MINUTES = 60;

export interface OutboxServiceEnv {
  connectorConfig(): Promise<ConnectorConfig>;
  retentionDays(): Promise<number>;
  t: Translate;
}

export interface OutboxService {
  store: Promise<OutboxStore>;
  env(): Promise<OutboxEnv>;
  kick(): Promise<void>;
  /** Conditions may have changed (startup, online, popup opened, Retry pressed): try now. */
  retryNow(ids?: string[]): Promise<void>;
}

export function createOutboxService(api: typeof Browser, deps: OutboxServiceEnv): OutboxService {
  // Leases are released before anything else may touch the outbox, so no fresh claim is undone.
  const store = openOutboxStore().then(async (opened) => {
    await releaseLeases({ store: opened, now: Date.now });
    return opened;
  });
  const env = async (): Promise<OutboxEnv> => ({
    store: await store,
    connector: async () => connectorFor(await deps.connectorConfig()),
    fetch: (...args) => fetch(...args),
    timeoutMs: SEND_TIMEOUT_MS,
    now: Date.now,
    random: Math.random,
    shrink: (report) => shrinkReport(report, reencodeImage, deps.t),
  });
  const runner = env().then((base) =>
    createOutboxRunner({
      ...base,
      scheduleWake: createWakeScheduler(api, () => void kick(), Date.now),
      changed: (entries) => showUnsentCount(api, entries),
    }),
  );
  const kick = async () => (await runner).kick();
  const retryNow = async (ids: string[] = []) => {
    await makeDue(await env(), ids);
    await kick();
  };

  // Purging only when the service worker starts would tie the retention period to how often the
  // browser happens to stop it; the alarm bounds the delay to an hour.
  const purge = async () => {
    const ready = await env();
    const retention = (await deps.retentionDays()) * DAY_MS;
    await purgeSent(ready, retention);
    const unsent = (await ready.store.list()).filter(isUnsent).map((e) => e.id);
    await purgeDrafts(drafts, Date.now(), retention, new Set(unsent));
  };

  api.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void kick();
    if (alarm.name === PURGE_ALARM) void purge();
  });
  void api.alarms.create(PURGE_ALARM, { periodInMinutes: PURGE_EVERY_MINUTES });
  api.runtime.onStartup.addListener(() => void retryNow());
  self.addEventListener('online', () => void retryNow());
  // A failed purge must not keep the outbox from sending.
  void purge()
    .catch((error) => console.error('Mayday: purging old reports failed', error))
    .then(kick);

  return { store, env, kick, retryNow };
}
