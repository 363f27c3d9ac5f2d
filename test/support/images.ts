/** Decodes an image in the browser itself, so PNG and JPEG need no extra decoder in Node. */
import type { BrowserContext } from 'playwright-core';

export interface DecodedImage {
  width: number;
  height: number;
  pixel(x: number, y: number): [number, number, number];
}

export async function decodeImage(context: BrowserContext, bytes: Buffer, type: string): Promise<DecodedImage> {
  const page = await context.newPage();
  try {
    const decoded = await page.evaluate(
      async ({ b64, type }) => {
        const blob = await (await fetch(`data:${type};base64,${b64}`)).blob();
        const bitmap = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
        // Base64 crosses the protocol far faster than a JSON array of millions of numbers.
        let binary = '';
        for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
        return { width: bitmap.width, height: bitmap.height, rgba: btoa(binary) };
      },
      { b64: bytes.toString('base64'), type },
    );
    const rgba = Buffer.from(decoded.rgba, 'base64');
    return {
      width: decoded.width,
      height: decoded.height,
      pixel(x, y) {
        const i = (y * decoded.width + x) * 4;
        return [rgba[i], rgba[i + 1], rgba[i + 2]];
      },
    };
  } finally {
    await page.close();
  }
}
