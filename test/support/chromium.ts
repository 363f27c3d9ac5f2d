import { existsSync } from 'node:fs';

/** Debian's Chromium, or $CHROMIUM_PATH. Playwright's own browser download does not work here. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidate = env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(candidate)) return candidate;
  throw new Error(
    `Chromium not found at ${candidate}: install it with "sudo apt-get install -y chromium" or set CHROMIUM_PATH.`,
  );
}
