/**
 * Item 4: the built size of each script that can run in every page, as the production build
 * minifies it. The recorder runs in every page; the bridge in every reported one.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../../test/support/extension';
import { RECORDER_FILE } from '../../utils/background/recorder/registration';
import type { BudgetKey, Figure } from '../lib/figures';

const SCRIPTS: { label: string; file: string; budget: BudgetKey }[] = [
  { label: 'Recorder script (MAIN world, every page), minified', file: RECORDER_FILE, budget: 'recorder-size' },
  {
    label: 'Bridge script (isolated world, injected when a report starts), minified',
    file: 'bridge.js',
    budget: 'bridge-size',
  },
];

export async function measureScriptSizes(): Promise<Figure[]> {
  return Promise.all(
    SCRIPTS.map(async ({ label, file, budget }) => {
      const bytes = await readFile(join(EXTENSION_DIR, file));
      const gzipped = gzipSync(bytes, { level: 9 }).length;
      return {
        item: 4,
        label,
        value: Math.round((bytes.length / 1024) * 100) / 100,
        unit: 'KB',
        digits: 2,
        budget,
        how: `.output/chrome-mv3/${file} after wxt build: ${bytes.length.toLocaleString('en-US')} bytes, ${gzipped.toLocaleString('en-US')} gzipped.`,
        detail: { bytes: bytes.length, gzipBytes: gzipped },
      };
    }),
  );
}
