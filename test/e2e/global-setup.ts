import { execFileSync } from 'node:child_process';
import { findChromium } from '../support/chromium';

/** Build the extension once for the whole E2E run (MAYDAY_SKIP_BUILD=1 reuses .output/). */
export default function setup() {
  findChromium();
  if (process.env.MAYDAY_SKIP_BUILD === '1') return;
  const started = Date.now();
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`extension built in ${Date.now() - started} ms`);
}
