/**
 * Finds the on-screen rectangles of sensitive elements in the reported page, so the background can
 * paint them over before the screenshot is stored or shown. Injected with
 * scripting.executeScript({ func, args }) into the isolated world right before the capture, so it
 * must be self-contained: no imports, no closures.
 */
import type { MaskScan } from '../../core/wire/mask-scan-schema';

export { maskSelectorList } from './sensitive';

/**
 * `selectors` (maskSelectorList) in the top document, its open shadow roots and its same-origin
 * frames at any depth, in the top frame's viewport coordinates. A frame whose document cannot be
 * read (another origin) is painted over whole unless `showForeignFrames`: its fields cannot be
 * checked, and its content cannot be placed reliably from inside it.
 */
export function scanSensitiveRects(selectors: string[], showForeignFrames: boolean): MaskScan {
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  const rects: MaskScan['rects'] = [];
  const add = (left: number, top: number, right: number, bottom: number, clip: MaskScan['rects'][number]) => {
    const x = Math.max(clip.x, left);
    const y = Math.max(clip.y, top);
    const r = Math.min(clip.x + clip.width, right);
    const b = Math.min(clip.y + clip.height, bottom);
    if (r > x && b > y) rects.push({ x, y, width: r - x, height: b - y });
  };
  // `dx, dy`: where this root's viewport sits in the top one; `clip`: what of it is visible there.
  const visit = (root: Document | ShadowRoot, dx: number, dy: number, clip: MaskScan['rects'][number]) => {
    for (const selector of selectors) {
      let found: NodeListOf<Element>;
      try {
        found = root.querySelectorAll(selector);
      } catch {
        continue; // an admin selector the browser cannot parse masks nothing rather than everything
      }
      for (const element of found) {
        const r = element.getBoundingClientRect();
        add(r.left + dx, r.top + dy, r.right + dx, r.bottom + dy, clip);
      }
    }
    for (const element of root.querySelectorAll('*')) {
      // Open shadow roots hide their elements from querySelectorAll: walk into each.
      if (element.shadowRoot) visit(element.shadowRoot, dx, dy, clip);
      if (element.localName !== 'iframe' && element.localName !== 'frame') continue;
      const frame = element as HTMLIFrameElement;
      const box = frame.getBoundingClientRect();
      if (box.width <= 0 || box.height <= 0) continue;
      let inner: Document | null;
      try {
        inner = frame.contentDocument;
      } catch {
        inner = null;
      }
      if (!inner) {
        if (!showForeignFrames) add(box.left + dx, box.top + dy, box.right + dx, box.bottom + dy, clip);
        continue;
      }
      // The frame's own viewport starts inside its border and padding.
      const style = getComputedStyle(frame);
      const left = box.left + dx + frame.clientLeft + parseFloat(style.paddingLeft || '0');
      const top = box.top + dy + frame.clientTop + parseFloat(style.paddingTop || '0');
      const inside = { x: left, y: top, width: frame.clientWidth, height: frame.clientHeight };
      const x = Math.max(clip.x, inside.x);
      const y = Math.max(clip.y, inside.y);
      const width = Math.min(clip.x + clip.width, inside.x + inside.width) - x;
      const height = Math.min(clip.y + clip.height, inside.y + inside.height) - y;
      if (width > 0 && height > 0) visit(inner, left, top, { x, y, width, height });
    }
  };
  visit(document, 0, 0, { x: 0, y: 0, ...viewport });
  return { rects, viewport };
}
