/**
 * Finds the on-screen rectangles of sensitive elements in the reported page, so the background can
 * paint them over before the screenshot is stored or shown. Injected with
 * scripting.executeScript({ func, args }) into the isolated world right before the capture, so it
 * must be self-contained: no imports, no closures.
 */
import type { MaskScan } from '../../core/wire/mask-scan-schema';

/** Always masked, whatever the settings say: the one list every capture path uses. */
export { SENSITIVE_SELECTORS as BUILT_IN_MASK_SELECTORS } from './sensitive';

export function scanSensitiveRects(selectors: string[], maskAllInputs: boolean): MaskScan {
  const all = maskAllInputs
    ? [
        ...selectors,
        'input:not([type="hidden"]):not([type="button"]):not([type="submit"])',
        'textarea',
        'select',
        '[contenteditable=""]',
        '[contenteditable="true"]',
      ]
    : selectors;
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  const rects: MaskScan['rects'] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const selector of all) {
      let found: NodeListOf<Element>;
      try {
        found = root.querySelectorAll(selector);
      } catch {
        continue; // an admin selector the browser cannot parse masks nothing rather than everything
      }
      for (const element of found) {
        const r = element.getBoundingClientRect();
        const x = Math.max(0, r.left);
        const y = Math.max(0, r.top);
        const right = Math.min(viewport.width, r.right);
        const bottom = Math.min(viewport.height, r.bottom);
        if (right > x && bottom > y) rects.push({ x, y, width: right - x, height: bottom - y });
      }
    }
    // Open shadow roots hide their elements from querySelectorAll: walk into each.
    for (const host of root.querySelectorAll('*')) if (host.shadowRoot) visit(host.shadowRoot);
  };
  visit(document);
  return { rects, viewport };
}
