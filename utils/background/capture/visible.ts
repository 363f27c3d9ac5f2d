/**
 * The default screenshot: what is on screen, exactly as the browser painted it, with sensitive
 * fields painted over before the image is stored or shown. Or, where capture is impossible, why.
 */
import type { DraftScreenshot } from '../../core/model/draft';
import { classifyCaptureError, restrictionOfUrl, type CaptureProblem } from '../../core/capture/restricted';
import { processScreenshot, type ImageOps } from '../../core/capture/screenshot';
import type { MaskScan } from '../../core/wire/mask-scan-schema';

export interface VisibleShotEnv<Canvas> {
  /** Rectangles to mask in the tab; null when the page could not be scanned. */
  scanMasks(tabId: number): Promise<MaskScan | null>;
  capture(windowId: number): Promise<string>;
  ops: ImageOps<Canvas>;
}

export async function takeVisibleScreenshot<Canvas>(
  tab: { id: number; windowId: number; url: string },
  env: VisibleShotEnv<Canvas>,
): Promise<DraftScreenshot | CaptureProblem> {
  const restricted = restrictionOfUrl(tab.url);
  if (restricted) return restricted;
  const scan = await env.scanMasks(tab.id).catch(() => null);
  // Without knowing where the sensitive fields are, no image may leave: say so instead.
  if (!scan) return 'unscannable';
  let raw: string;
  try {
    raw = await env.capture(tab.windowId);
  } catch (error) {
    return classifyCaptureError(tab.url, String((error as Error)?.message ?? error));
  }
  const shot = await processScreenshot(raw, scan, env.ops);
  return { dataUrl: shot.dataUrl, width: shot.width, height: shot.height, masks: shot.masks, mode: 'visible' };
}
