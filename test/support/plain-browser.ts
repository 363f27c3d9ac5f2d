/**
 * Chromium with no extension: the reference for what a fixture computes by itself. A bare
 * Chromium (bare-chromium.ts), so a page's 100,000 console calls cost what they cost.
 */
import type { CDPSession } from 'puppeteer-core';
import { evaluate, launchBare } from './bare-chromium';

export interface PlainBrowser {
  /** Opens `url`, runs `interact` (a script doing what the test does with the extension) and returns the page's result. */
  pageResult(url: string, interact?: string): Promise<string>;
  close(): Promise<void>;
}

export async function launchPlainBrowser(): Promise<PlainBrowser> {
  const bare = await launchBare();
  const settle = async (session: CDPSession, ready: (result: string | undefined) => boolean) => {
    for (const started = Date.now(); Date.now() - started < 30_000; await new Promise((r) => setTimeout(r, 50))) {
      const result = await evaluate<string | undefined>(session, 'window.__pageResult').catch(() => undefined);
      if (ready(result)) return result!;
    }
    throw new Error('The fixture never set window.__pageResult');
  };
  return {
    async pageResult(url, interact) {
      const { session } = await bare.newTab();
      try {
        await session.send('Page.navigate', { url });
        await settle(session, (result) => result !== undefined);
        if (interact) await evaluate(session, interact);
        return await settle(session, (result) => result !== undefined && result !== 'pending');
      } finally {
        await session.send('Page.close').catch(() => undefined);
      }
    },
    close: () => bare.close(),
  };
}
