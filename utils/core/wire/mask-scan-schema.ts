import { z } from 'zod';

const finite = z.number().finite();

/** The mask scan comes out of the reported page: checked and bounded before it is used. */
export const maskScanSchema = z.object({
  rects: z.array(z.object({ x: finite, y: finite, width: finite.min(0), height: finite.min(0) })).max(5000),
  viewport: z.object({ width: finite.min(0), height: finite.min(0) }),
});

export interface MaskScan {
  rects: { x: number; y: number; width: number; height: number }[];
  viewport: { width: number; height: number };
}
