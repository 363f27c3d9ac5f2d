import { describe, expect, it } from 'vitest';
import { flatten, type FlatCanvas } from '../../../../utils/core/annotate/flatten';
import { COLORS, labelBox, paintShape, styleFor, type Painter } from '../../../../utils/core/annotate/paint';
import type { Shape } from '../../../../utils/core/annotate/shapes';

const size = { width: 1280, height: 720 };

/** A 2D context that writes down what is painted, with the fill style and alpha in force. */
function recorder() {
  const calls: string[] = [];
  const state: Record<string, unknown> = { globalAlpha: 1, globalCompositeOperation: 'source-over', fillStyle: '#000' };
  const stack: Record<string, unknown>[] = [];
  const ctx = new Proxy(state, {
    get(target, prop: string) {
      if (prop in target) return target[prop];
      return (...args: unknown[]) => {
        if (prop === 'save') stack.push({ ...target });
        if (prop === 'restore') Object.assign(target, stack.pop());
        if (prop === 'measureText') return { width: 100 };
        if (prop === 'fillRect')
          calls.push(
            `fillRect ${args.join(',')} ${String(target.fillStyle)} alpha=${String(target.globalAlpha)} ${String(target.globalCompositeOperation)}`,
          );
        else if (!['save', 'restore', 'beginPath', 'moveTo', 'lineTo', 'closePath', 'arc'].includes(prop))
          calls.push(`${prop} ${args.filter((a) => typeof a !== 'object').join(',')}`);
      };
    },
    set(target, prop: string, value) {
      target[prop] = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as Painter, calls };
}

describe('painting', () => {
  it('paints a black-out as an opaque black box over the image, whatever the context was set to', () => {
    const { ctx, calls } = recorder();
    ctx.globalAlpha = 0.3;
    ctx.globalCompositeOperation = 'destination-over';
    paintShape(ctx, { kind: 'blackout', rect: { x: 10.4, y: 20.6, width: 100.2, height: 50 } }, size);
    expect(calls).toEqual([`fillRect 10,20,101,50 ${COLORS.blackout} alpha=1 source-over`]);
    expect([ctx.globalAlpha, ctx.globalCompositeOperation]).toEqual([0.3, 'destination-over']);
  });

  it('paints a highlight as a translucent fill with a solid outline', () => {
    const { ctx, calls } = recorder();
    paintShape(ctx, { kind: 'highlight', rect: { x: 1, y: 2, width: 3, height: 4 } }, size);
    expect(calls).toEqual([`fillRect 1,2,3,4 ${COLORS.highlightFill} alpha=1 source-over`, 'strokeRect 1,2,3,4']);
  });

  it('keeps a label inside the image', () => {
    expect(labelBox({ x: 1270, y: 715 }, 100, size)).toMatchObject({
      x: 1280 - 116,
      y: 720 - 36,
      width: 116,
      height: 36,
    });
    expect(labelBox({ x: 40, y: 50 }, 100, size)).toMatchObject({ x: 40, y: 50 });
    expect(styleFor({ width: 300, height: 100 })).toMatchObject({ unit: 2, font: 14 });
  });

  it('draws a label box then its words', () => {
    const { ctx, calls } = recorder();
    paintShape(ctx, { kind: 'text', at: { x: 40, y: 50 }, text: 'Wrong total' }, size);
    expect(calls).toEqual([
      `fillRect 40,50,116,36 ${COLORS.labelBack} alpha=1 source-over`,
      'fillText Wrong total,48,58',
    ]);
  });
});

describe('flatten', () => {
  const original = { dataUrl: 'data:image/png;base64,AAAA', width: 1280, height: 720 };
  const image = {} as CanvasImageSource;

  it('paints the image first, then the shapes in order, and exports a PNG of the image size', () => {
    const { ctx, calls } = recorder();
    const canvas: FlatCanvas = {
      width: 0,
      height: 0,
      getContext: () => ctx,
      toDataURL: (type) => `data:${type};base64,FLAT`,
    };
    const shapes: Shape[] = [
      { kind: 'highlight', rect: { x: 0, y: 0, width: 10, height: 10 } },
      { kind: 'blackout', rect: { x: 5, y: 5, width: 10, height: 10 } },
    ];
    const result = flatten(() => canvas, image, original, shapes);
    expect(result).toEqual({ dataUrl: 'data:image/png;base64,FLAT', width: 1280, height: 720 });
    expect([canvas.width, canvas.height]).toEqual([1280, 720]);
    expect(calls[0]).toBe('clearRect 0,0,1280,720');
    expect(calls[1]).toBe('drawImage 0,0,1280,720');
    expect(calls.at(-1)).toBe(`fillRect 5,5,10,10 ${COLORS.blackout} alpha=1 source-over`);
  });

  it('sends the original untouched when nothing is drawn', () => {
    expect(
      flatten(
        () => {
          throw new Error('no canvas needed');
        },
        image,
        original,
        [],
      ),
    ).toBe(original);
  });
});
