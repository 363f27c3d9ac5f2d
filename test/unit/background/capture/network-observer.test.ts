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
    writes: 0,
    async set(values: Record<string, unknown>) {
      this.writes++;
      await tick();
      for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
    },
    async remove(keys: string | string[]) {
      for (const k of [keys].flat()) items.delete(k);
    },
  };
}

function browserFake(storage = sessionStorage(), openTabs = [7, 8]) {
  const failed = source<(d: RequestEvent) => void>();
  const removed = source<(tabId: number) => void>();
  const env: ObserverEnv = {
    webRequest: { onErrorOccurred: failed },
    tabs: { onRemoved: removed, query: async () => openTabs.map((id) => ({ id })) },
    storage,
    later: (run) => void setTimeout(run, 5),
  };
  return { env, failed, removed, storage };
}

const request = (over: Partial<RequestEvent>): RequestEvent => ({
  tabId: 7,
  frameId: 0,
  documentId: 'doc-1',
  method: 'GET',
  url: 'https://app.test/x',
  type: 'image',
  timeStamp: 1,
  error: 'net::ERR_CONNECTION_REFUSED',
  ...over,
});
const settle = () => new Promise((r) => setTimeout(r, 30));

describe('the network observer', () => {
  it("keeps each tab's failures in order and leaves aborted requests out", async () => {
    const fake = browserFake();
    const observer = registerNetworkObserver(fake.env);
    for (let i = 0; i < 20; i++) fake.failed.fire(request({ url: `https://app.test/${i}` }));
    fake.failed.fire(request({ tabId: 8, error: 'net::ERR_NAME_NOT_RESOLVED', type: 'xmlhttprequest' }));
    fake.failed.fire(request({ url: 'https://app.test/cancelled', error: 'net::ERR_ABORTED' }));
    const log = await observer.logOf(7);
    expect(log.entries.map((e) => e.url)).toEqual(Array.from({ length: 20 }, (_, i) => `https://app.test/${i}`));
    expect((await observer.logOf(8)).entries[0].error).toBe('net::ERR_NAME_NOT_RESOLVED');
  });

  it('writes a burst of failures in a few batches, not once per request', async () => {
    const fake = browserFake();
    const observer = registerNetworkObserver(fake.env);
    for (let i = 0; i < 3000; i++) fake.failed.fire(request({ url: `https://app.test/${i}` }));
    await settle();
    const log = await observer.logOf(7);
    expect(log.entries).toHaveLength(100);
    expect(log.dropped).toBe(2900);
    await settle();
    expect(fake.storage.writes).toBeLessThanOrEqual(2);
    expect((fake.storage.items.get('network:7') as typeof log).entries.at(-1)?.url).toBe('https://app.test/2999');
  });

  it('starts over when the tab shows another top-level document', async () => {
    const fake = browserFake();
    const observer = registerNetworkObserver(fake.env);
    fake.failed.fire(request({ url: 'https://hr.test/api/employee/4711/salary' }));
    fake.failed.fire(request({ url: 'https://app.test/frame-font.woff', frameId: 3, documentId: 'frame-doc' }));
    fake.failed.fire(request({ url: 'https://app.test/next.js', documentId: 'doc-2' }));
    expect((await observer.logOf(7)).entries.map((e) => e.url)).toEqual(['https://app.test/next.js']);
    // Without document ids (Firefox), a failed top-level load is a new page too.
    fake.failed.fire(request({ url: 'https://down.test/', type: 'main_frame', documentId: undefined }));
    expect((await observer.logOf(7)).entries.map((e) => e.url)).toEqual(['https://down.test/']);
  });

  it('survives a service-worker restart: a new observer reads what the last one stored', async () => {
    const storage = sessionStorage();
    const before = browserFake(storage);
    const first = registerNetworkObserver(before.env);
    before.failed.fire(request({ error: 'net::ERR_CERT_AUTHORITY_INVALID' }));
    await first.logOf(7);
    await settle();
    const after = browserFake(storage);
    const second = registerNetworkObserver(after.env);
    after.failed.fire(request({ error: 'net::ERR_TIMED_OUT' }));
    expect((await second.logOf(7)).entries.map((e) => e.error)).toEqual([
      'net::ERR_CERT_AUTHORITY_INVALID',
      'net::ERR_TIMED_OUT',
    ]);
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
    fake.failed.fire(request({}));
    await observer.logOf(7);
    await settle();
    fake.removed.fire(7);
    await settle();
    expect([...storage.items.keys()]).toEqual(['other-feature']);
    expect((await observer.logOf(7)).entries).toEqual([]);
  });
});
