import { describe, expect, it } from 'vitest';
import {
  clampPoint,
  rectBetween,
  shapeFromDrag,
  textShape,
  toImagePoint,
  LABEL_MAX,
} from '../../../../utils/core/annotate/shapes';

const size = { width: 1280, height: 720 };

describe('shapes', () => {
  it('makes a rectangle from a drag in any direction', () => {
    expect(rectBetween({ x: 300, y: 40 }, { x: 100, y: 240 })).toEqual({ x: 100, y: 40, width: 200, height: 200 });
    expect(shapeFromDrag('blackout', { x: 300, y: 240 }, { x: 100, y: 40 })).toEqual({
      kind: 'blackout',
      rect: { x: 100, y: 40, width: 200, height: 200 },
    });
    expect(shapeFromDrag('highlight', { x: 10, y: 10 }, { x: 50, y: 30 })).toEqual({
      kind: 'highlight',
      rect: { x: 10, y: 10, width: 40, height: 20 },
    });
  });

  it('treats a tiny drag as a slip, not a shape', () => {
    expect(shapeFromDrag('highlight', { x: 10, y: 10 }, { x: 12, y: 80 })).toBeNull();
    expect(shapeFromDrag('blackout', { x: 10, y: 10 }, { x: 80, y: 13 })).toBeNull();
    expect(shapeFromDrag('arrow', { x: 10, y: 10 }, { x: 12, y: 12 })).toBeNull();
    expect(shapeFromDrag('arrow', { x: 10, y: 10 }, { x: 10, y: 60 })).toEqual({
      kind: 'arrow',
      from: { x: 10, y: 10 },
      to: { x: 10, y: 60 },
    });
  });

  it('keeps a label to one trimmed line of bounded length, and refuses an empty one', () => {
    expect(textShape({ x: 5, y: 6 }, '  Total is\nwrong  ')).toEqual({
      kind: 'text',
      at: { x: 5, y: 6 },
      text: 'Total is wrong',
    });
    expect(textShape({ x: 5, y: 6 }, '   ')).toBeNull();
    const long = textShape({ x: 0, y: 0 }, 'x'.repeat(500));
    expect(long?.kind === 'text' && long.text.length).toBe(LABEL_MAX);
  });

  it('maps a pointer on the scaled-down image to the image pixels, inside the image', () => {
    const box = { x: 100, y: 50, width: 640, height: 360 };
    expect(toImagePoint({ x: 420, y: 230 }, box, size)).toEqual({ x: 640, y: 360 });
    expect(toImagePoint({ x: 0, y: 9999 }, box, size)).toEqual({ x: 0, y: 720 });
    expect(clampPoint({ x: 10.6, y: -3 }, size)).toEqual({ x: 11, y: 0 });
  });
});
