/**
 * Rendering the page (or one element of it) from the DOM, in the reported tab. Sensitive fields
 * are handled twice: their values are emptied and their boxes blacked in html2canvas's clone, so
 * their text is never drawn; then their boxes are painted black on the result, so a page style
 * that outwits the clone's (a pseudo-element, an odd stacking) still shows nothing.
 */
import type html2canvas from 'html2canvas';

type Html2Canvas = typeof html2canvas;

export type RenderOutcome =
  | { ok: true; dataUrl: string; width: number; height: number; masks: number }
  | { ok: false; reason: 'failed'; detail: string };

/** Past these, Chrome refuses the canvas or the PNG becomes unsendable: render smaller instead. */
export const MAX_SIDE = 16_384;
export const MAX_AREA = 40_000_000;
/** html2canvas waits up to 15 s for each image by default: far past the capture's own limit. */
const IMAGE_TIMEOUT_MS = 3_000;

/** Elements matching any of `selectors`; one the browser cannot parse (an admin's) matches nothing. */
function matching(root: Document, selectors: readonly string[]): Set<Element> {
  const found = new Set<Element>();
  for (const selector of selectors) {
    try {
      for (const el of root.querySelectorAll(selector)) found.add(el);
    } catch {
      /* skipped: see above */
    }
  }
  return found;
}

/** The device pixel ratio, lowered only as far as needed to stay within the canvas limits. */
export function fitScale(dpr: number, width: number, height: number): number {
  if (width <= 0 || height <= 0) return dpr;
  return Math.min(dpr, MAX_SIDE / Math.max(width, height), Math.sqrt(MAX_AREA / (width * height)));
}

/** Empties and blacks out every masked field of html2canvas's copy of the document. */
export function maskClone(clone: Document, selectors: readonly string[]): void {
  for (const el of matching(clone, selectors) as Set<HTMLElement>) {
    // By tag, not instanceof: the clone lives in html2canvas's iframe, another realm.
    if (el.localName === 'input' || el.localName === 'textarea') {
      (el as HTMLInputElement).value = '';
      el.setAttribute('value', '');
      if (el.localName === 'textarea') el.textContent = '';
    } else if (el.localName === 'select') {
      (el as HTMLSelectElement).selectedIndex = -1;
    }
    el.style.setProperty('color', 'transparent', 'important');
    el.style.setProperty('background', '#000', 'important');
    for (const inner of el.querySelectorAll<HTMLElement>('*'))
      inner.style.setProperty('visibility', 'hidden', 'important');
  }
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Sensitive boxes in the rendered image's pixels: document position minus the origin, scaled. */
export function maskBoxes(
  doc: Document,
  origin: { x: number; y: number },
  scroll: { x: number; y: number },
  scale: number,
  selectors: readonly string[],
): Box[] {
  const boxes: Box[] = [];
  for (const el of matching(doc, selectors)) {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) continue;
    // A pixel of margin each side: antialiased edges must not keep a trace of the text.
    const x = Math.floor((r.left + scroll.x - origin.x) * scale) - 1;
    const y = Math.floor((r.top + scroll.y - origin.y) * scale) - 1;
    boxes.push({ x, y, width: Math.ceil(r.width * scale) + 2, height: Math.ceil(r.height * scale) + 2 });
  }
  return boxes;
}

export interface RenderEnv {
  html2canvas: Html2Canvas;
  win: Window;
  doc: Document;
}

/** The whole page when `target` is null, else that element. */
export async function renderDom(
  env: RenderEnv,
  target: Element | null,
  masks: readonly string[],
): Promise<RenderOutcome> {
  const { win, doc } = env;
  const element = (target ?? doc.documentElement) as HTMLElement;
  const scroll = { x: win.scrollX, y: win.scrollY };
  const box = target ? target.getBoundingClientRect() : null;
  const origin = box ? { x: box.left + scroll.x, y: box.top + scroll.y } : { x: 0, y: 0 };
  const width = box ? box.width : Math.max(doc.documentElement.scrollWidth, doc.body?.scrollWidth ?? 0);
  const height = box ? box.height : Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0);
  const scale = fitScale(win.devicePixelRatio || 1, width, height);
  try {
    const canvas = await env.html2canvas(element, {
      scale,
      logging: false,
      useCORS: false,
      allowTaint: false,
      imageTimeout: IMAGE_TIMEOUT_MS,
      onclone: (clone) => maskClone(clone, masks),
    });
    const boxes = maskBoxes(doc, origin, scroll, scale, masks).filter(
      (b) => b.x < canvas.width && b.y < canvas.height && b.x + b.width > 0 && b.y + b.height > 0,
    );
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#000';
    for (const b of boxes) ctx.fillRect(b.x, b.y, b.width, b.height);
    return {
      ok: true,
      dataUrl: canvas.toDataURL('image/png'),
      width: canvas.width,
      height: canvas.height,
      masks: boxes.length,
    };
  } catch (error) {
    return { ok: false, reason: 'failed', detail: String((error as Error)?.message ?? error).slice(0, 300) };
  }
}
