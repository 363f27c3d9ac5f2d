/**
 * What can be drawn on a screenshot. Coordinates are in the image's own pixels, whatever size the
 * image is shown at, so the flattened result matches what the person placed.
 */
export type Tool = 'highlight' | 'arrow' | 'text' | 'blackout';
export const TOOLS: readonly Tool[] = ['highlight', 'arrow', 'text', 'blackout'];

export interface Point {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Rect extends Point, Size {}

export type Shape =
  | { kind: 'highlight'; rect: Rect }
  | { kind: 'blackout'; rect: Rect }
  | { kind: 'arrow'; from: Point; to: Point }
  | { kind: 'text'; at: Point; text: string };

/** Drags shorter than this are slips of the hand, not shapes. */
const MIN_DRAG = 4;
export const LABEL_MAX = 120;

export function clampPoint(p: Point, size: Size): Point {
  const clamp = (v: number, max: number) => Math.min(Math.max(Math.round(v), 0), max);
  return { x: clamp(p.x, size.width), y: clamp(p.y, size.height) };
}

export function rectBetween(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

/** The shape a drag (or two keyboard placements) from `from` to `to` makes; null for a slip. */
export function shapeFromDrag(tool: Exclude<Tool, 'text'>, from: Point, to: Point): Shape | null {
  if (tool === 'arrow') return Math.hypot(to.x - from.x, to.y - from.y) < MIN_DRAG ? null : { kind: 'arrow', from, to };
  const rect = rectBetween(from, to);
  if (rect.width < MIN_DRAG || rect.height < MIN_DRAG) return null;
  return { kind: tool, rect };
}

export function textShape(at: Point, text: string): Shape | null {
  const clean = text.replace(/\s+/g, ' ').trim().slice(0, LABEL_MAX);
  return clean ? { kind: 'text', at, text: clean } : null;
}

/** Where a pointer event lands on the image, from the element's on-screen box. */
export function toImagePoint(client: Point, box: Rect, size: Size): Point {
  const sx = box.width ? size.width / box.width : 1;
  const sy = box.height ? size.height / box.height : 1;
  return clampPoint({ x: (client.x - box.x) * sx, y: (client.y - box.y) * sy }, size);
}
