/** How much a page's JavaScript heap grows over a burst of console.error calls (see bench/recorder-heap.ts). */
import { evaluate, launchBare, type BareChromium } from './bare-chromium';

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}
/** Runtime.getHeapUsage's reply as the page's bytes: typed arrays keep theirs outside the V8 heap (backingStorageSize). */
export const heapBytes = (usage: HeapUsage) => usage.usedSize + (usage.backingStorageSize ?? 0);

async function waitForRegistration(browser: BareChromium, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { targetInfos } = await browser.connection.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker');
    if (worker) {
      const session = await browser.attach(worker.targetId);
      // A worker that is still starting may not have chrome.scripting yet: ask again later.
      const ids = await evaluate<string[]>(
        session,
        'chrome.scripting.getRegisteredContentScripts().then((s) => s.map((x) => x.id))',
      ).catch(() => [] as string[]);
      await session.detach().catch(() => undefined);
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
    const { session: page } = await browser.newTab();
    await page.send('Page.navigate', { url });
    for (let i = 0; (await evaluate(page, 'window.__pageResult').catch(() => undefined)) !== 'ready'; i++) {
      if (i > 200) throw new Error(`${url} never got ready`);
      await new Promise((r) => setTimeout(r, 50));
    }
    // Whether the recorder answers its channel's event (docs/recorder.md, "Channel").
    const recorder = await evaluate<boolean>(
      page,
      `(() => { const e = new FocusEvent('mayday.v3/pull'); dispatchEvent(e); return Object.hasOwn(e, 'r'); })()`,
    );
    const settledHeap = async () => {
      // The console keeps recent messages for DevTools, recorder or not: empty it, then collect twice.
      await page.send('Runtime.discardConsoleEntries');
      await page.send('HeapProfiler.collectGarbage');
      await page.send('HeapProfiler.collectGarbage');
      return heapBytes(await page.send('Runtime.getHeapUsage'));
    };
    // From before the first call: the growth includes filling the recorder's buffers.
    const before = await settledHeap();
    const started = Date.now();
    await evaluate(page, `window.__run(${calls})`);
    const ms = Date.now() - started;
    return { growthBytes: (await settledHeap()) - before, ms, recorder };
  } finally {
    await browser.close();
  }
}
