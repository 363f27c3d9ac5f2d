/**
 * The recorder's memory bound: 1,000,000 console.error calls with large arguments (a 200-item
 * object, a 5,000-character string and an Error, a different message each time so nothing
 * collapses) must not grow the page's heap by more than ~2 MB. Measured in a bare Chromium, with
 * no console subscription (see test/support/heap.ts); bench/recorder-heap.ts compares with no
 * recorder at all.
 */
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../support/extension';
import { measureConsoleHeap } from '../support/heap';
import { useRig } from '../support/rig';

const MB = 1024 * 1024;
const rig = useRig({ receiver: false, browser: false });

describe('the recorder on a page that logs a million errors', () => {
  it('keeps the page heap growth under 2 MB', { timeout: 300_000 }, async () => {
    const { growthBytes, ms, recorder } = await measureConsoleHeap(
      `${rig.site.url}/heap.html`,
      1_000_000,
      EXTENSION_DIR,
    );
    console.log(
      `1,000,000 console.error calls with the recorder: ${(ms / 1000).toFixed(1)} s, heap growth ${(growthBytes / 1024).toFixed(0)} KB`,
    );
    expect(recorder).toBe(true);
    expect(growthBytes).toBeLessThan(2 * MB);
  });
});
