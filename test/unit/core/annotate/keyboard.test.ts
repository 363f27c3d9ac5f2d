import { describe, expect, it } from 'vitest';
import {
  keyCommand,
  startPointer,
  stepFor,
  type KeyInput,
  type Pointer,
} from '../../../../utils/core/annotate/keyboard';
import { shapeFromDrag } from '../../../../utils/core/annotate/shapes';

const size = { width: 1280, height: 720 };
const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

/** Presses keys in order, as the drawing area would, collecting the shapes placed. */
function press(keys: KeyInput[], tool: Parameters<typeof keyCommand>[2] = 'blackout') {
  let pointer: Pointer = startPointer(size);
  const placed = [];
  for (const k of keys) {
    const cmd = keyCommand(k, pointer, tool, size);
    if (cmd && 'pointer' in cmd) pointer = cmd.pointer;
    if (cmd?.type === 'place') placed.push(shapeFromDrag(tool as 'blackout', cmd.from, cmd.to));
  }
  return { pointer, placed };
}

describe('keyboard drawing', () => {
  it('starts at the centre and moves by small and big steps', () => {
    expect(startPointer(size).cursor).toEqual({ x: 640, y: 360 });
    expect(stepFor(size, false)).toBe(10);
    expect(stepFor(size, true)).toBe(50);
    expect(stepFor({ width: 100, height: 80 }, false)).toBe(2);
    const { pointer } = press([key('ArrowLeft'), key('ArrowUp', { shiftKey: true }), key('ArrowDown')]);
    expect(pointer.cursor).toEqual({ x: 630, y: 320 });
  });

  it('never leaves the image', () => {
    const { pointer } = press(Array.from({ length: 40 }, () => key('ArrowRight', { shiftKey: true })));
    expect(pointer.cursor.x).toBe(1280);
  });

  it('places a rectangle with Enter, arrows, Enter', () => {
    const { placed, pointer } = press([
      key('Enter'),
      key('ArrowRight', { shiftKey: true }),
      key('ArrowDown', { shiftKey: true }),
      key('Enter'),
    ]);
    expect(placed).toEqual([{ kind: 'blackout', rect: { x: 640, y: 360, width: 50, height: 50 } }]);
    expect(pointer.anchor).toBeNull();
  });

  it('drops a half-made shape with Escape, and lets Escape through otherwise', () => {
    const anchored = press([key('Enter')]).pointer;
    expect(keyCommand(key('Escape'), anchored, 'blackout', size)).toEqual({
      type: 'cancel',
      pointer: { ...anchored, anchor: null },
    });
    expect(keyCommand(key('Escape'), startPointer(size), 'blackout', size)).toBeNull();
  });

  it('asks for a label with the Text tool', () => {
    expect(keyCommand(key('Enter'), startPointer(size), 'text', size)).toEqual({
      type: 'label',
      at: { x: 640, y: 360 },
    });
    expect(keyCommand(key(' '), startPointer(size), 'text', size)).toEqual({ type: 'label', at: { x: 640, y: 360 } });
  });

  it('picks tools with the digits 1 to 4, Shift or not, and undoes with Ctrl+Z, redoes with Ctrl+Y or Ctrl+Shift+Z', () => {
    const p = startPointer(size);
    expect(keyCommand(key('1'), p, 'arrow', size)).toEqual({ type: 'tool', tool: 'highlight' });
    expect(keyCommand(key('3'), p, 'arrow', size)).toEqual({ type: 'tool', tool: 'text' });
    expect(keyCommand(key('4', { shiftKey: true }), p, 'arrow', size)).toEqual({ type: 'tool', tool: 'blackout' });
    expect(keyCommand(key('z', { ctrlKey: true }), p, 'arrow', size)).toEqual({ type: 'undo' });
    expect(keyCommand(key('Z', { ctrlKey: true, shiftKey: true }), p, 'arrow', size)).toEqual({ type: 'redo' });
    expect(keyCommand(key('y', { metaKey: true }), p, 'arrow', size)).toEqual({ type: 'redo' });
  });

  it('leaves other keys to the browser', () => {
    const p = startPointer(size);
    for (const k of [
      key('Tab'),
      key('c', { ctrlKey: true }),
      key('a', { altKey: true }),
      key('x'),
      key('5'),
      key('1', { ctrlKey: true }),
    ]) {
      expect(keyCommand(k, p, 'arrow', size)).toBeNull();
    }
  });
});
