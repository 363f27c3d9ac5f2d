/** How much a page's JavaScript heap grows over a burst of console.error calls (see bench/recorder-heap.ts). */
import { launchBare } from './cdp-pipe';

export async function measureConsoleHeap(url: string, calls: number, extensionDir?: string): Promise<{ growthBytes: number; ms: number; recorder: boolean }> {
  const browser = await launchBare({ extensionDir });
  try {
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
      return (await browser.send<{ usedSize: number }>('Runtime.getHeapUsage', {}, page)).usedSize;
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
