/** Image work in the service worker, where there is no DOM: createImageBitmap + OffscreenCanvas. */
import type { ImageOps } from '../../core/capture/screenshot';
import { base64ToBytes, bytesToBase64 } from '../../core/encoding';
import type { Reencoded } from '../../core/delivery/shrink';

export async function measureImage(dataUrl: string): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

export async function reencodeImage(base64: string, type: string, scale: number): Promise<Reencoded> {
  const bitmap = await createImageBitmap(new Blob([base64ToBytes(base64) as BlobPart], { type }));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return { base64: bytesToBase64(bytes), type: 'image/jpeg', width, height, size: bytes.length };
}

/** The pixel operations processScreenshot needs, on OffscreenCanvas. */
export const offscreenImageOps: ImageOps<OffscreenCanvas> = {
  async decode(dataUrl) {
    const bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    bitmap.close();
    return canvas;
  },
  size: (canvas) => ({ width: canvas.width, height: canvas.height }),
  scale(canvas, factor) {
    const scaled = new OffscreenCanvas(Math.round(canvas.width * factor), Math.round(canvas.height * factor));
    const ctx = scaled.getContext('2d')!;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(canvas, 0, 0, scaled.width, scaled.height);
    return scaled;
  },
  fill(canvas, rects) {
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#1f2933';
    for (const r of rects) ctx.fillRect(r.x, r.y, r.width, r.height);
  },
  async encode(canvas, type, quality) {
    return new Uint8Array(await (await canvas.convertToBlob({ type, quality })).arrayBuffer());
  },
};
