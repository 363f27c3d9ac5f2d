import { describe, expect, it, vi } from 'vitest';
import {
  createCaptureQueue,
  mapRects,
  pickEncoding,
  processScreenshot,
  SCREENSHOT_LIMITS,
  type ImageOps,
} from '../../../../utils/core/capture/screenshot';
import type { Rect } from '../../../../utils/core/annotate/shapes';

describe('mapRects', () => {
  const field = { x: 100, y: 50, width: 200, height: 30 };

  it('maps 1:1 at device pixel ratio 1', () => {
    expect(mapRects([field], { width: 1280, height: 720 }, { width: 1280, height: 720 })).toEqual([field]);
  });

  it('doubles at device pixel ratio 2', () => {
    expect(mapRects([field], { width: 1280, height: 720 }, { width: 2560, height: 1440 })).toEqual([
      { x: 200, y: 100, width: 400, height: 60 },
    ]);
  });

  it('follows page zoom 150 %: fewer CSS pixels across the same image', () => {
    // At 150 % zoom a 1280-px-wide window shows 853.33 CSS px.
    const viewport = { width: 1280 / 1.5, height: 720 / 1.5 };
    expect(mapRects([field], viewport, { width: 1280, height: 720 })).toEqual([
      { x: 150, y: 75, width: 300, height: 45 },
    ]);
  });

  it('rounds outward and clips to the image', () => {
    expect(
      mapRects(
        [{ x: 10.4, y: 10.6, width: 5.2, height: 5.2 }],
        { width: 100, height: 100 },
        { width: 100, height: 100 },
      ),
    ).toEqual([{ x: 10, y: 10, width: 6, height: 6 }]);
    expect(
      mapRects([{ x: 90, y: 95, width: 50, height: 50 }], { width: 100, height: 100 }, { width: 200, height: 200 }),
    ).toEqual([{ x: 180, y: 190, width: 20, height: 10 }]);
    expect(mapRects([field], { width: 0, height: 0 }, { width: 100, height: 100 })).toEqual([]);
  });
});

const bytes = (n: number) => new Uint8Array(n);

describe('pickEncoding', () => {
  const budget = SCREENSHOT_LIMITS.budgetBytes;
  it('keeps PNG for a text page that fits', () => {
    expect(
      pickEncoding({ type: 'image/png', bytes: bytes(90_000) }, [{ type: 'image/jpeg', bytes: bytes(120_000) }], budget)
        .type,
    ).toBe('image/png');
  });
  it('takes JPEG when it is much smaller, as for photos', () => {
    expect(
      pickEncoding(
        { type: 'image/png', bytes: bytes(350_000) },
        [{ type: 'image/jpeg', bytes: bytes(100_000) }],
        budget,
      ).type,
    ).toBe('image/jpeg');
  });
  it('takes the best JPEG within budget when PNG is over it', () => {
    const jpegs = [
      { type: 'image/jpeg' as const, bytes: bytes(500_000) },
      { type: 'image/jpeg' as const, bytes: bytes(380_000) },
      { type: 'image/jpeg' as const, bytes: bytes(200_000) },
    ];
    expect(pickEncoding({ type: 'image/png', bytes: bytes(2_000_000) }, jpegs, budget).bytes.length).toBe(380_000);
  });
});

describe('processScreenshot', () => {
  function fakeOps(width: number, pngBytes: number, jpegBytes: (q: number) => number) {
    const fills: Rect[][] = [];
    const ops: ImageOps<{ width: number; height: number }> = {
      decode: async () => ({ width, height: width / 2 }),
      size: (c) => c,
      scale: (c, f) => ({ width: Math.round(c.width * f), height: Math.round(c.height * f) }),
      fill: (_c, rects) => fills.push(rects),
      encode: vi.fn(async (_c, type, q) => bytes(type === 'image/png' ? pngBytes : jpegBytes(q))),
    };
    return { ops, fills };
  }

  it('paints the masks at full resolution before scaling a wide shot down to 2560 px', async () => {
    const { ops, fills } = fakeOps(3840, 300_000, () => 250_000);
    const scan = { rects: [{ x: 10, y: 10, width: 100, height: 20 }], viewport: { width: 1920, height: 960 } };
    const shot = await processScreenshot('data:image/png;base64,', scan, ops);
    expect(fills).toEqual([[{ x: 20, y: 20, width: 200, height: 40 }]]);
    expect(shot).toMatchObject({ width: 2560, height: 1280, type: 'image/png', size: 300_000, masks: 1 });
  });

  it("keeps the browser's own PNG bytes when nothing was painted or scaled", async () => {
    const { ops } = fakeOps(1280, 999_999, () => 500_000);
    const raw = 'data:image/png;base64,' + Buffer.from('raw png bytes').toString('base64');
    const shot = await processScreenshot(raw, { rects: [], viewport: { width: 1280, height: 640 } }, ops);
    expect(shot).toMatchObject({ dataUrl: raw, type: 'image/png', size: 13, masks: 0 });
    expect(ops.encode).not.toHaveBeenCalledWith(expect.anything(), 'image/png', undefined);
  });

  it('scales the image down when even the lowest JPEG quality is over 400 KB', async () => {
    // Bytes follow the pixel count: 3840 px wide at quality 0.75 is 900 KB, so one 0.75 step fits.
    const { ops } = fakeOps(3840, 5_000_000, (q) => Math.round(q * 1_200_000));
    let width = 3840;
    ops.scale = (c, f) => ((width = Math.round(c.width * f)), { width, height: Math.round(c.height * f) });
    ops.encode = vi.fn(async (_c, type, q) =>
      bytes(type === 'image/png' ? 5_000_000 : Math.round(q! * 1_200_000 * (width / 2560) ** 2)),
    );
    const scan = { rects: [{ x: 0, y: 0, width: 1, height: 1 }], viewport: { width: 1920, height: 1080 } };
    const shot = await processScreenshot('data:image/png;base64,', scan, ops);
    expect(shot.type).toBe('image/jpeg');
    expect(shot.size).toBeLessThanOrEqual(400 * 1024);
    expect(shot.width).toBeLessThan(2560);
  });

  it('lowers JPEG quality until the shot fits 400 KB', async () => {
    const { ops } = fakeOps(1920, 1_500_000, (q) => Math.round(q * 600_000));
    const scan = { rects: [{ x: 0, y: 0, width: 10, height: 10 }], viewport: { width: 1920, height: 960 } };
    const shot = await processScreenshot('data:image/png;base64,', scan, ops);
    expect(shot).toMatchObject({ type: 'image/jpeg', size: 360_000, masks: 1 });
    expect(shot.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
  });
});

describe('createCaptureQueue', () => {
  it('spaces captures at least 550 ms apart and retries once on the quota error', async () => {
    let clock = 0;
    const sleep = vi.fn(async (ms: number) => {
      clock += ms;
    });
    const times: number[] = [];
    let failOnce = true;
    const capture = vi.fn(async () => {
      times.push(clock);
      if (times.length === 2 && failOnce) {
        failOnce = false;
        throw new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
      }
      return 'data:image/png;base64,';
    });
    const queued = createCaptureQueue(capture, () => clock, sleep);
    await Promise.all([queued(1), queued(1), queued(1)]);
    // 0: first; 550: refused by the quota; 1550: retried after a second; 2100: the third, 550 ms later.
    expect(times).toEqual([0, 550, 1550, 2100]);
  });

  it('passes other capture errors through', async () => {
    const queued = createCaptureQueue(
      async () => {
        throw new Error('Cannot access contents of url "chrome://settings/"');
      },
      () => 0,
      async () => {},
    );
    await expect(queued(1)).rejects.toThrow('chrome://settings');
  });
});
