/**
 * From the raw visible-tab capture to the image that may leave the browser: sensitive regions
 * painted solid, width capped, encoded as whichever of PNG and JPEG is smaller within budget.
 * The pixel work is passed in (OffscreenCanvas in the background, fakes in tests).
 */
import type { MaskScan } from '../wire/mask-scan-schema';
import type { Rect } from '../annotate/shapes';
import { base64ToBytes, bytesToBase64 } from '../encoding';

export const SCREENSHOT_LIMITS = { maxWidth: 2560, budgetBytes: 400 * 1024, jpegQualities: [0.85, 0.75, 0.6, 0.45] };

export interface Encoded {
  type: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
}

export interface ImageOps<Canvas> {
  decode(dataUrl: string): Promise<Canvas>;
  size(canvas: Canvas): { width: number; height: number };
  /** A copy scaled by `factor` (only ever < 1 here). */
  scale(canvas: Canvas, factor: number): Canvas;
  fill(canvas: Canvas, rects: Rect[]): void;
  encode(canvas: Canvas, type: Encoded['type'], quality?: number): Promise<Uint8Array>;
}

export interface ProcessedShot {
  dataUrl: string;
  width: number;
  height: number;
  type: Encoded['type'];
  size: number;
  masks: number;
}

/**
 * CSS-pixel rectangles of the viewport -> image pixels. The ratio of image width to viewport
 * width folds device pixel ratio and page zoom into one factor; edges round outward so no
 * sliver of a masked field survives.
 */
export function mapRects(
  rects: Rect[],
  viewport: { width: number; height: number },
  image: { width: number; height: number },
): Rect[] {
  if (!viewport.width || !viewport.height) return [];
  const sx = image.width / viewport.width;
  const sy = image.height / viewport.height;
  return rects
    .map((r) => {
      const x = Math.max(0, Math.floor(r.x * sx));
      const y = Math.max(0, Math.floor(r.y * sy));
      const right = Math.min(image.width, Math.ceil((r.x + r.width) * sx));
      const bottom = Math.min(image.height, Math.ceil((r.y + r.height) * sy));
      return { x, y, width: right - x, height: bottom - y };
    })
    .filter((r) => r.width > 0 && r.height > 0);
}

/**
 * PNG keeps text crisp, so it wins while it fits the budget and is not much larger than the
 * JPEG (photos, gradients); otherwise the best-quality JPEG that fits.
 */
export function pickEncoding(png: Encoded, jpegs: Encoded[], budget: number): Encoded {
  const fitting = jpegs.filter((j) => j.bytes.length <= budget);
  const bestJpeg = fitting[0] ?? jpegs[jpegs.length - 1];
  if (png.bytes.length <= budget && (!bestJpeg || png.bytes.length <= bestJpeg.bytes.length * 1.5)) return png;
  return bestJpeg ?? png;
}

function toDataUrl(encoded: Encoded): string {
  return `data:${encoded.type};base64,${bytesToBase64(encoded.bytes)}`;
}

export async function processScreenshot<Canvas>(
  raw: string,
  scan: MaskScan | null,
  ops: ImageOps<Canvas>,
): Promise<ProcessedShot> {
  let canvas: Canvas = await ops.decode(raw);
  const original = ops.size(canvas);
  // Masks are painted at full resolution, before anything else can see the pixels.
  const rects = scan ? mapRects(scan.rects, scan.viewport, original) : [];
  ops.fill(canvas, rects);
  const scaled = original.width > SCREENSHOT_LIMITS.maxWidth;
  if (scaled) canvas = ops.scale(canvas, SCREENSHOT_LIMITS.maxWidth / original.width);
  // Untouched pixels keep the browser's own PNG, about half the size of a canvas re-encode.
  const untouched = !rects.length && !scaled && raw.startsWith('data:image/png;base64,');
  const pngBytes = untouched
    ? base64ToBytes(raw.slice('data:image/png;base64,'.length))
    : await ops.encode(canvas, 'image/png');
  const png: Encoded = { type: 'image/png', bytes: pngBytes };
  const jpegs: Encoded[] = [];
  for (const quality of SCREENSHOT_LIMITS.jpegQualities) {
    jpegs.push({ type: 'image/jpeg', bytes: await ops.encode(canvas, 'image/jpeg', quality) });
    // PNG already fits and the first JPEG is no big saving: stop encoding.
    if (png.bytes.length <= SCREENSHOT_LIMITS.budgetBytes && jpegs.length === 1) break;
    if (jpegs[jpegs.length - 1].bytes.length <= SCREENSHOT_LIMITS.budgetBytes) break;
  }
  let chosen = pickEncoding(png, jpegs, SCREENSHOT_LIMITS.budgetBytes);
  // Still over budget at the lowest quality (dense text at DPR 2): fewer pixels, not worse ones.
  while (chosen.bytes.length > SCREENSHOT_LIMITS.budgetBytes && ops.size(canvas).width > 640) {
    canvas = ops.scale(canvas, 0.75);
    chosen = { type: 'image/jpeg', bytes: await ops.encode(canvas, 'image/jpeg', SCREENSHOT_LIMITS.jpegQualities[1]) };
  }
  const { width, height } = ops.size(canvas);
  return {
    dataUrl: toDataUrl(chosen),
    width,
    height,
    type: chosen.type,
    size: chosen.bytes.length,
    masks: rects.length,
  };
}

/**
 * Chrome allows two captureVisibleTab calls a second per extension: space them out, and wait
 * and try again once if the browser still says the quota is spent.
 */
export function createCaptureQueue(
  capture: (windowId: number) => Promise<string>,
  now: () => number,
  sleep: (ms: number) => Promise<void>,
  minGapMs = 550,
) {
  let last = -Infinity;
  let chain: Promise<unknown> = Promise.resolve();
  const once = async (windowId: number) => {
    const wait = last + minGapMs - now();
    if (wait > 0) await sleep(wait);
    last = now();
    return capture(windowId);
  };
  return (windowId: number): Promise<string> => {
    const run = chain.then(async () => {
      try {
        return await once(windowId);
      } catch (error) {
        if (!/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(String((error as Error)?.message))) throw error;
        await sleep(1000);
        return once(windowId);
      }
    });
    chain = run.catch(() => undefined);
    return run;
  };
}
