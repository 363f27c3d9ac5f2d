/**
 * The screenshot itself: one canvas with the image and the placed marks, one on top for the mark
 * being drawn and the keyboard cursor. Pointer and keys become placements; the editor decides.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import { keyCommand, startPointer, type Pointer } from '@/utils/core/annotate/keyboard';
import { paintAll, paintCursor, paintShape } from '@/utils/core/annotate/paint';
import {
  shapeFromDrag,
  toImagePoint,
  type Point,
  type Shape,
  type Size,
  type Tool,
} from '@/utils/core/annotate/shapes';

export interface DrawingAreaProps {
  img: HTMLImageElement | null;
  size: Size;
  shapes: readonly Shape[];
  tool: Tool;
  /** Where a label is being written, shown as the cursor meanwhile. */
  labelAt: Point | null;
  describedBy: string;
  /** Much taller than wide (a whole page): shown at full width and scrolled, not squeezed to the window. */
  tall?: boolean;
  onPlace(from: Point, to: Point): void;
  onLabel(at: Point): void;
  onTool(tool: Tool): void;
  onHistory(step: 'undo' | 'redo'): void;
  onAnnounce(message: string): void;
}

const pendingShape = (tool: Tool, pointer: Pointer) =>
  pointer.anchor && tool !== 'text' ? shapeFromDrag(tool, pointer.anchor, pointer.cursor) : null;

export function DrawingArea(props: DrawingAreaProps) {
  const { img, size, shapes, tool, labelAt } = props;
  const base = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const [pointer, setPointer] = useState<Pointer>(() => startPointer(size));
  const [focused, setFocused] = useState(false);

  useEffect(() => {
    const ctx = base.current?.getContext('2d');
    if (ctx && img) paintAll(ctx, img, shapes, size);
  }, [img, shapes, size.width, size.height]);

  useEffect(() => {
    const ctx = overlay.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, size.width, size.height);
    const pending = pendingShape(tool, pointer);
    if (pending) paintShape(ctx, pending, size);
    if (labelAt) paintCursor(ctx, labelAt, null, size);
    else if (focused) paintCursor(ctx, pointer.cursor, pointer.anchor, size);
  }, [pointer, focused, tool, labelAt, size.width, size.height]);

  // A tool change drops a half-made shape: its first corner was meant for another tool.
  useEffect(() => setPointer((p) => ({ ...p, anchor: null })), [tool]);

  function place(from: Point, to: Point) {
    if (tool === 'text') props.onLabel(to);
    else props.onPlace(from, to);
  }

  function imagePoint(event: PointerEvent): Point {
    const box = overlay.current!.getBoundingClientRect();
    return toImagePoint({ x: event.clientX, y: event.clientY }, box, size);
  }

  /** Keeps the keyboard cursor on screen when the screenshot is taller than the window. */
  function reveal(cursor: Point) {
    const canvas = overlay.current;
    const win = canvas?.ownerDocument.defaultView;
    if (!canvas || !win) return;
    const box = canvas.getBoundingClientRect();
    const y = box.top + (cursor.y * box.height) / size.height;
    const margin = 40;
    if (y < margin) win.scrollBy(0, y - margin);
    else if (y > win.innerHeight - margin) win.scrollBy(0, y - win.innerHeight + margin);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (!img) return; // nothing is drawn before the screenshot is on screen
    const command = keyCommand(event, pointer, tool, size);
    if (!command) return;
    event.preventDefault();
    switch (command.type) {
      case 'move':
        reveal(command.pointer.cursor);
        return setPointer(command.pointer);
      case 'anchor':
        props.onAnnounce(t('editorStarted'));
        return setPointer(command.pointer);
      case 'cancel':
        props.onAnnounce(t('editorCancelled'));
        return setPointer(command.pointer);
      case 'place':
        setPointer(command.pointer);
        return place(command.from, command.to);
      case 'label':
        return props.onLabel(command.at);
      case 'tool':
        return props.onTool(command.tool);
      case 'undo':
      case 'redo':
        return props.onHistory(command.type);
    }
  }

  function onPointerDown(event: PointerEvent) {
    if (event.button !== 0 || !img) return;
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    const at = imagePoint(event);
    setPointer({ cursor: at, anchor: at });
  }

  function onPointerMove(event: PointerEvent) {
    const cursor = imagePoint(event);
    setPointer((p) => ({ ...p, cursor }));
  }

  function onPointerUp(event: PointerEvent) {
    if (!pointer.anchor) return;
    const to = imagePoint(event);
    setPointer({ cursor: to, anchor: null });
    place(pointer.anchor, to);
  }

  return (
    <div
      class={`shot-area${props.tall ? ' tall' : ''}`}
      role="application"
      tabIndex={0}
      aria-label={t('editorDrawingArea')}
      aria-describedby={props.describedBy}
      onKeyDown={onKeyDown}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setPointer((p) => ({ ...p, anchor: null }))}
    >
      <canvas ref={base} width={size.width} height={size.height} role="img" aria-label={t('composeScreenshotAlt')} />
      <canvas ref={overlay} width={size.width} height={size.height} aria-hidden="true" />
    </div>
  );
}
