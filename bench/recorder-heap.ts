/**
 * Heap growth of a page that calls console.error 1,000,000 times with large arguments, with and
 * without the recorder. Run after `npx wxt build`:  npx tsx bench/recorder-heap.ts [calls]
 * A bare Chromium (test/support/bare-chromium.ts), not Playwright: Playwright enables the Runtime
 * domain, which turns every console call into a protocol event and keeps arguments alive. Growth is measured after garbage
 * collection and after the console's own message store is emptied, so what remains is what the
 * page (and the recorder in it) holds.
 */
import { resolve } from 'node:path';
import { measureConsoleHeap } from '../test/support/heap';
import { EXTENSION_DIR } from '../test/support/extension';
import { serveFolder } from '../test/support/static-server';

const calls = Number(process.argv[2] ?? 1_000_000);
const site = await serveFolder(resolve(import.meta.dirname, '../test/fixtures'));
try {
  for (const [label, extensionDir] of [
    ['without the recorder', undefined],
    ['with the recorder', EXTENSION_DIR],
  ] as const) {
    const { growthBytes, ms } = await measureConsoleHeap(`${site.url}/heap.html`, calls, extensionDir);
    console.log(
      `${label}: ${calls.toLocaleString('en')} calls in ${(ms / 1000).toFixed(1)} s, heap growth ${(growthBytes / 1024).toFixed(0)} KB`,
    );
  }
} finally {
  await site.close();
}
