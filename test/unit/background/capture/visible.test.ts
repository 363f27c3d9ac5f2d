import { describe, expect, it, vi } from 'vitest';
import { classifyCaptureError, restrictionOfUrl } from '../../../../utils/core/capture/restricted';
import type { ImageOps } from '../../../../utils/core/capture/screenshot';
import { takeVisibleScreenshot } from '../../../../utils/background/capture/visible';

const ops: ImageOps<{ width: number; height: number }> = {
  decode: async () => ({ width: 1280, height: 720 }),
  size: (c) => c,
  scale: (c) => c,
  fill: vi.fn(),
  encode: async () => new Uint8Array(10),
};
const tab = { id: 3, windowId: 1, url: 'https://intranet.example.org/' };

describe('takeVisibleScreenshot', () => {
  it('scans for sensitive fields, captures, paints the masks and encodes', async () => {
    const scan = { rects: [{ x: 1, y: 2, width: 3, height: 4 }], viewport: { width: 1280, height: 720 } };
    const capture = vi.fn(async () => 'data:image/png;base64,');
    const shot = await takeVisibleScreenshot(tab, { scanMasks: async () => scan, capture, ops });
    expect(capture).toHaveBeenCalledWith(1);
    expect(ops.fill).toHaveBeenCalledWith({ width: 1280, height: 720 }, [{ x: 1, y: 2, width: 3, height: 4 }]);
    expect(shot).toMatchObject({ width: 1280, height: 720, masks: 1, mode: 'visible' });
  });

  it('takes no screenshot when the page could not be scanned for sensitive fields', async () => {
    const capture = vi.fn(async () => 'data:image/png;base64,');
    expect(
      await takeVisibleScreenshot(tab, {
        scanMasks: async () => {
          throw new Error('no access');
        },
        capture,
        ops,
      }),
    ).toBe('unscannable');
    expect(capture).not.toHaveBeenCalled();
  });

  it('does not try on restricted pages, and classifies refusals', async () => {
    const capture = vi.fn(async () => {
      throw new Error('Taking screenshots has been disabled');
    });
    expect(
      await takeVisibleScreenshot({ ...tab, url: 'chrome://settings/' }, { scanMasks: async () => null, capture, ops }),
    ).toBe('browser-page');
    expect(
      await takeVisibleScreenshot(tab, {
        scanMasks: async () => ({ rects: [], viewport: { width: 1, height: 1 } }),
        capture,
        ops,
      }),
    ).toBe('policy');
  });
});

describe('restricted pages', () => {
  it.each([
    ['chrome://settings/', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['edge://extensions', 'browser-page'],
    ['view-source:https://example.org/', 'view-source'],
    ['chrome-extension://abc/options.html', 'extension-page'],
    ['https://chromewebstore.google.com/detail/x', 'store'],
    ['https://chrome.google.com/webstore/category/extensions', 'store'],
    ['https://intranet.example.org/', null],
  ])('%s -> %s', (url, problem) => {
    expect(restrictionOfUrl(url)).toBe(problem);
  });

  it('reads the reason from the error when the URL does not tell', () => {
    expect(classifyCaptureError('file:///home/a.html', 'Cannot access contents of url')).toBe('file');
    expect(classifyCaptureError('https://x.org/doc.pdf', 'Cannot access')).toBe('pdf');
    expect(classifyCaptureError('https://x.org/', 'Taking screenshots has been disabled')).toBe('policy');
    expect(classifyCaptureError('https://x.org/', 'Something else')).toBe('other');
  });
});
