/**
 * The image that is sent: the original and the marks painted into one layer of pixels. A PNG
 * carries no layers, so nothing under a black-out survives in it.
 */
import { paintAll, type Painter } from './paint';
import type { Shape, Size } from './shapes';

export interface FlatCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): Painter | null;
  toDataURL(type: 'image/png'): string;
}

export interface Flattened {
  dataUrl: string;
  width: number;
  height: number;
}

/** `original` is returned as it came when there is nothing to paint: no needless re-encoding. */
export function flatten(
  makeCanvas: () => FlatCanvas,
  image: CanvasImageSource,
  original: Flattened,
  shapes: readonly Shape[],
): Flattened {
  if (!shapes.length) return original;
  const size = { width: original.width, height: original.height } satisfies Size;
  const canvas = makeCanvas();
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas to flatten the screenshot');
  paintAll(ctx, image, shapes, size);
  return { dataUrl: canvas.toDataURL('image/png'), ...size };
}
