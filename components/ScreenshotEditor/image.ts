/** The page-side half of flattening: a real image element and a real canvas. */
import { flatten, type Flattened } from '@/utils/core/annotate/flatten';
import type { Shape } from '@/utils/core/annotate/shapes';

export function loadImage(dataUrl: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = dataUrl;
  return img.decode().then(() => img);
}

export function flattenOnPage(img: HTMLImageElement, original: Flattened, shapes: readonly Shape[]): Flattened {
  return flatten(() => img.ownerDocument.createElement('canvas'), img, original, shapes);
}
