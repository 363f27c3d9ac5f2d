import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@/utils/core/capture/network-log';
import { registerNetworkObserver, type ObserverEnv } from '@/utils/background/capture/network-observer';

/** An event source tests can fire. */
function source<L extends (...args: any[]) => void>() {
  const listeners: L[] = [];
  return {
    addListener: (l: L) => void listeners.push(l),
    fire: (...args: Parameters<L>) => listeners.forEach((l) => l(...args)),
  };
}

/** storage.session as a Map, slow enough that concurrent writes would race. */
function sessionStorage(items = new Map<string, unknown>()) {
  const tick = () => new Promise((r) => setTimeout(r, 1));
  return {
    items,
    async get(key: string | null) {
      await tick();
      return key === null
        ? Object.fromEntries(items)
        : items.has(key)
          ? { [key]: structuredClone(items.get(key)) }
          : {};
    },
    async set(values: Record<string, unknown>) {
      await tick();
      for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
    },
    async remove(keys: string | string[]) {
      for (const k of [keys].flat()) items.delete(k);
    },
  };
}

function browserFake(storage = sessionStorage(), openTabs = [7, 8]) {
  const completed = source<(d: RequestEvent) => void>();
  const failed = source<(d: RequestEvent) => void>();
  const removed = source<(tabId: number) => void>();
  const env: ObserverEnv = {
    webRequest: { onCompleted: completed, onErrorOccurred: failed },
    tabs: { onRemoved: removed, query: async () => openTabs.map((id) => ({ id })) },
    storage,
  };
  return { env, completed, failed, removed, storage };
}

const request = (over: Partial<RequestEvent>): RequestEvent => ({
  tabId: 7,
  method: 'GET',
  url: 'https://app.test/x',
  type: 'image',
  timeStamp: 1,
  ...over,
});

describe('the network observer', () => {
  it("keeps each tab's failures, in order, without losing any to concurrent writes", async () => {
    const fake = browserFake();
    const observer = registerNetworkObserver(fake.env);
    for (let i = 0; i < 20; i++) fake.completed.fire(request({ url: `https://app.test/${i}`, statusCode: 404 }));
    fake.failed.fire(request({ tabId: 8, error: 'net::ERR_CONNECTION_REFUSED', type: 'xmlhttprequest' }));
    fake.completed.fire(request({ statusCode: 200 }));
    const log = await observer.logOf(7);
    expect(log.entries.map((e) => e.url)).toEqual(Array.from({ length: 20 }, (_, i) => `https://app.test/${i}`));
    expect((await observer.logOf(8)).entries[0].error).toBe('net::ERR_CONNECTION_REFUSED');
  });

  it('survives a service-worker restart: a new observer reads what the last one stored', async () => {
    const storage = sessionStorage();
    const before = browserFake(storage);
    const first = registerNetworkObserver(before.env);
    before.completed.fire(request({ statusCode: 500 }));
    await first.logOf(7);
    const after = browserFake(storage);
    const second = registerNetworkObserver(after.env);
    after.completed.fire(request({ statusCode: 502 }));
    expect((await second.logOf(7)).entries.map((e) => e.status)).toEqual([500, 502]);
  });

  it('forgets a tab when it closes, and tabs closed while it was not running', async () => {
    const storage = sessionStorage(
      new Map<string, unknown>([
        ['network:99', { entries: [], dropped: 0 }],
        ['other-feature', 1],
      ]),
    );
    const fake = browserFake(storage);
    const observer = registerNetworkObserver(fake.env);
    fake.completed.fire(request({ statusCode: 500 }));
    await observer.logOf(7);
    fake.removed.fire(7);
    await new Promise((r) => setTimeout(r, 10));
    expect([...storage.items.keys()]).toEqual(['other-feature']);
    expect((await observer.logOf(7)).entries).toEqual([]);
  });
});
