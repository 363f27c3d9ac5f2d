/**
 * Drawing without a mouse. The drawing area holds a cursor: arrow keys move it (Shift for big
 * steps), Enter sets the first corner (or the arrow's tail), the arrow keys then stretch the shape
 * and Enter again places it; with the Text tool, Enter asks for the label's words. Escape drops a
 * half-made shape. Keys 1 to 4 pick the tools in toolbar order (digits, not initials, because the
 * tools' names differ by language); Ctrl+Z and Ctrl+Y (or Ctrl+Shift+Z) undo and redo.
 */
import { clampPoint, TOOLS, type Point, type Size, type Tool } from './shapes';

export interface Pointer {
  cursor: Point;
  /** The first corner once Enter was pressed; null while nothing is being drawn. */
  anchor: Point | null;
}

export interface KeyInput {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export type KeyCommand =
  | { type: 'move'; pointer: Pointer }
  | { type: 'anchor'; pointer: Pointer }
  | { type: 'place'; from: Point; to: Point; pointer: Pointer }
  | { type: 'label'; at: Point }
  | { type: 'cancel'; pointer: Pointer }
  | { type: 'tool'; tool: Tool }
  | { type: 'undo' }
  | { type: 'redo' };

const TOOL_KEYS: Record<string, Tool> = Object.fromEntries(TOOLS.map((tool, i) => [String(i + 1), tool]));
const MOVES: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};
/** Big steps are this many small ones. */
const BIG_STEP = 5;

export function startPointer(size: Size): Pointer {
  return { cursor: { x: Math.round(size.width / 2), y: Math.round(size.height / 2) }, anchor: null };
}

/** A step is 1/128 of the image's width: 10 px on a 1280 px screenshot, whatever its zoom. */
export function stepFor(size: Size, big: boolean): number {
  const step = Math.max(2, Math.round(size.width / 128));
  return big ? step * BIG_STEP : step;
}

/** What a key press means in the drawing area; null lets the browser have it (Tab, for one). */
export function keyCommand(input: KeyInput, pointer: Pointer, tool: Tool, size: Size): KeyCommand | null {
  const command = input.ctrlKey || input.metaKey;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (command && !input.altKey) {
    if (key === 'z') return { type: input.shiftKey ? 'redo' : 'undo' };
    if (key === 'y') return { type: 'redo' };
    return null;
  }
  if (input.altKey) return null;
  const move = MOVES[key];
  if (move) {
    const step = stepFor(size, input.shiftKey);
    const cursor = clampPoint({ x: pointer.cursor.x + move[0] * step, y: pointer.cursor.y + move[1] * step }, size);
    return { type: 'move', pointer: { ...pointer, cursor } };
  }
  if (key === 'Enter' || key === ' ') {
    if (tool === 'text') return { type: 'label', at: pointer.cursor };
    if (!pointer.anchor) return { type: 'anchor', pointer: { ...pointer, anchor: pointer.cursor } };
    return { type: 'place', from: pointer.anchor, to: pointer.cursor, pointer: { ...pointer, anchor: null } };
  }
  if (key === 'Escape') return pointer.anchor ? { type: 'cancel', pointer: { ...pointer, anchor: null } } : null;
  // Shift is allowed: AZERTY keyboards need it for digits.
  const shortcut = TOOL_KEYS[key];
  return shortcut ? { type: 'tool', tool: shortcut } : null;
}
