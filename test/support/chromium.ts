import { programPath } from '../../scripts/system-deps.mjs';

/** Debian's Chromium, or $CHROMIUM_PATH. Playwright's own browser download does not work here. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  return programPath('chromium', env);
}
