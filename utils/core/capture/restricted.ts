/**
 * Pages an extension may not script or capture, and why, in words the report page can show.
 * The report itself still works there, without a screenshot.
 */
export type CaptureProblem =
  | 'browser-page'
  | 'store'
  | 'extension-page'
  | 'pdf'
  | 'view-source'
  | 'file'
  | 'policy'
  | 'unscannable'
  | 'disabled'
  | 'other';

const STORES = [
  /^https:\/\/chromewebstore\.google\.com\//,
  /^https:\/\/chrome\.google\.com\/webstore/,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/,
  /^https:\/\/addons\.mozilla\.org\//,
];

/** What the URL alone tells before trying; null when capture may work. */
export function restrictionOfUrl(url: string): CaptureProblem | null {
  if (/^view-source:/i.test(url)) return 'view-source';
  if (/^(chrome|edge|brave|opera|vivaldi|about|devtools|chrome-search|chrome-untrusted):/i.test(url))
    return 'browser-page';
  if (/^(chrome-extension|moz-extension|extension):/i.test(url)) return 'extension-page';
  if (STORES.some((store) => store.test(url))) return 'store';
  return null;
}

/** Why a capture failed, from the URL and the browser's error message. */
export function classifyCaptureError(url: string, message: string): CaptureProblem {
  const fromUrl = restrictionOfUrl(url);
  if (fromUrl) return fromUrl;
  if (/disabled|DisableScreenshots|policy/i.test(message)) return 'policy';
  if (/^file:/i.test(url)) return 'file';
  if (/\.pdf([?#]|$)/i.test(url) || /pdf/i.test(message)) return 'pdf';
  return 'other';
}
