/**
 * Page-load cost guards on the built extension: the always-on MAIN-world recorder and the
 * on-demand bridge stay within their size budgets (minified, not gzipped; in KB of 1,024 bytes, as
 * bench/budgets.json counts them), and the recorder is the only script the manifest puts on every page.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../support/extension';
import { useRig } from '../support/rig';

const rig = useRig({ receiver: false, browser: false });
const KB = 1024;
// 8 KB, as issue 19 allows the invisible, inert recorder: it measured 8,190 bytes; see docs/recorder.md.
const RECORDER_BUDGET = 8 * KB;
const BRIDGE_BUDGET = 12 * KB;

const sizeOf = async (file: string) => (await stat(join(EXTENSION_DIR, file))).size;

describe('the page-load budget', () => {
  it(`keeps the recorder within ${RECORDER_BUDGET / KB} KB and the bridge within ${BRIDGE_BUDGET / KB} KB`, async () => {
    const [recorder, bridge] = await Promise.all([sizeOf('content-scripts/recorder.js'), sizeOf('bridge.js')]);
    console.log(
      `recorder.js ${recorder} B (budget ${RECORDER_BUDGET}), bridge.js ${bridge} B (budget ${BRIDGE_BUDGET})`,
    );
    expect(recorder).toBeLessThanOrEqual(RECORDER_BUDGET);
    expect(bridge).toBeLessThanOrEqual(BRIDGE_BUDGET);
  });

  it('puts only the recorder on every page, in the MAIN world, at document_start', async () => {
    // The manifest declares none: the background registers the recorder (blocked sites excluded).
    const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.content_scripts ?? []).toEqual([]);
    const ext = await rig.launch();
    const registered = await ext.worker.evaluate(() =>
      (globalThis as any).chrome.scripting.getRegisteredContentScripts(),
    );
    expect(registered).toEqual([
      expect.objectContaining({
        js: ['content-scripts/recorder.js'],
        matches: ['<all_urls>'],
        world: 'MAIN',
        runAt: 'document_start',
        allFrames: true,
        matchOriginAsFallback: true,
      }),
    ]);
  });

  it('names the recorder in stack traces, so its console calls stay cheap in Chromium', async () => {
    expect(await readFile(join(EXTENSION_DIR, 'content-scripts/recorder.js'), 'utf8')).toMatch(
      /\n\/\/# sourceURL=mayday-recorder\.js\n$/,
    );
  });
});
