/**
 * The toolbar button: `action` in the Manifest V3 build (Chromium), `browserAction` in Firefox's
 * Manifest V2 build, where `action` does not exist (docs/firefox.md).
 */
import type { browser as Browser } from 'wxt/browser';

export function toolbarButton(api: typeof Browser): typeof Browser.action {
  return api.action ?? api.browserAction;
}
