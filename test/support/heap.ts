/** How much a page's JavaScript heap grows over a burst of console.error calls (see bench/recorder-heap.ts). */
import { launchBare, type BareBrowser } from './cdp-pipe';

export interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}
/** Runtime.getHeapUsage's reply as the page's bytes: typed arrays keep theirs outside the V8 heap (backingStorageSize). */
export const heapBytes = (usage: HeapUsage) => usage.usedSize + (usage.backingStorageSize ?? 0);

async function waitForRegistration(browser: BareBrowser, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { targetInfos } = await browser.send<{ targetInfos: { type: string; targetId: string }[] }>(
      'Target.getTargets',
    );
    const worker = targetInfos.find((t) => t.type === 'service_worker');
    if (worker) {
      const { sessionId } = await browser.send<{ sessionId: string }>('Target.attachToTarget', {
        targetId: worker.targetId,
        flatten: true,
      });
      // A worker that is still starting may not have chrome.scripting yet: ask again later.
      const ids = await browser
        .evaluate<string[]>(sessionId, 'chrome.scripting.getRegisteredContentScripts().then((s) => s.map((x) => x.id))')
        .catch(() => [] as string[]);
      await browser.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      if (ids.length) return;
    }
    if (Date.now() > deadline) throw new Error('The background never registered the recorder');
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function measureConsoleHeap(
  url: string,
  calls: number,
  extensionDir?: string,
): Promise<{ growthBytes: number; ms: number; recorder: boolean }> {
  const browser = await launchBare({ extensionDir });
  try {
    // The background registers the recorder at runtime, seconds after launch: wait for it.
    if (extensionDir) await waitForRegistration(browser);
    const page = await browser.openPage(url);
    for (let i = 0; (await browser.evaluate(page, 'window.__pageResult').catch(() => undefined)) !== 'ready'; i++) {
      if (i > 200) throw new Error(`${url} never got ready`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const recorder = await browser.evaluate<boolean>(page, '!!window[Symbol.for("mayday.recorder")]');
    const settledHeap = async () => {
      // The console keeps recent messages for DevTools, recorder or not: empty it, then collect twice.
      await browser.send('Runtime.discardConsoleEntries', {}, page);
      await browser.send('HeapProfiler.collectGarbage', {}, page);
      await browser.send('HeapProfiler.collectGarbage', {}, page);
      return heapBytes(await browser.send<HeapUsage>('Runtime.getHeapUsage', {}, page));
    };
    // From before the first call: the growth includes filling the recorder's buffers.
    const before = await settledHeap();
    const started = Date.now();
    await browser.evaluate(page, `window.__run(${calls})`);
    const ms = Date.now() - started;
    return { growthBytes: (await settledHeap()) - before, ms, recorder };
  } finally {
    await browser.close();
  }
}
