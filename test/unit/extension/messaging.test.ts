import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EXTENSION_MESSAGES, isExtensionPage, onExtensionPageMessage } from '../../../utils/extension/messaging';

const ROOT = join(import.meta.dirname, '../../..');
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

describe('the extension protocol guard', () => {
  it('runs a handler only for the extension’s own pages', async () => {
    const listen = vi.fn();
    const handler = vi.fn(async () => ({ reportingAllowed: true }));
    onExtensionPageMessage('siteStatus', handler, ORIGIN, listen);
    const guarded = listen.mock.calls[0][1];
    const message = (url: string | undefined) => ({ data: { tabId: 1 }, sender: { url } });

    await expect(guarded(message(`${ORIGIN}popup.html`))).resolves.toEqual({ reportingAllowed: true });
    expect(() => guarded(message('https://intranet.example/page'))).toThrow('Not allowed from this context');
    expect(() => guarded(message(undefined))).toThrow('Not allowed from this context');
    expect(() => guarded(message('chrome-extension://another-extension-id/popup.html'))).toThrow();
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('tells the extension’s pages from web pages and other extensions', () => {
    expect(isExtensionPage({ url: `${ORIGIN}compose.html?draft=1` }, ORIGIN)).toBe(true);
    expect(isExtensionPage({ url: 'https://example.org/' }, ORIGIN)).toBe(false);
    expect(isExtensionPage({}, ORIGIN)).toBe(false);
  });

  it('is the only way the background registers a handler, once for every message of the protocol', () => {
    const registered: string[] = [];
    for (const file of [...sources('entrypoints'), ...sources('utils'), ...sources('components')]) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      if (file !== 'utils/extension/messaging.ts') {
        // Nobody else builds a messaging channel or listens on one without the guard.
        expect(text, file).not.toMatch(/defineExtensionMessaging|\bonMessage\s*\(|runtime\.onMessage\b/);
      }
      for (const match of text.matchAll(/onExtensionPageMessage\(\s*'(\w+)'/g)) registered.push(match[1]);
    }
    expect(registered.toSorted()).toEqual([...EXTENSION_MESSAGES].toSorted());
  });
});
