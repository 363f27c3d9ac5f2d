/**
 * Painting shapes on a 2D context. The editor's preview and the flattened image both go through
 * these functions, so what the person sees is what is sent.
 */
import type { Point, Shape, Size } from './shapes';

export type Painter = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineJoin'
  | 'lineCap'
  | 'globalAlpha'
  | 'globalCompositeOperation'
  | 'font'
  | 'textBaseline'
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'arc'
  | 'fill'
  | 'stroke'
  | 'fillRect'
  | 'strokeRect'
  | 'clearRect'
  | 'fillText'
  | 'measureText'
  | 'drawImage'
>;

export const COLORS = {
  highlight: '#facc15',
  highlightFill: 'rgba(250, 204, 21, 0.25)',
  arrow: '#dc2626',
  labelBack: '#111827',
  labelText: '#ffffff',
  blackout: '#000000',
} as const;

/** Line widths and type grow with the image, so marks read the same on a full-page capture. */
export function styleFor(size: Size) {
  const unit = Math.max(2, Math.round(size.width / 320));
  return {
    unit,
    line: unit,
    arrowLine: Math.round(unit * 1.5),
    head: unit * 5,
    font: Math.max(14, Math.round(size.width / 64)),
  };
}

/** Where a label's box lands: at its point, pushed back inside the image when it would overflow. */
export function labelBox(at: Point, textWidth: number, size: Size) {
  const { font } = styleFor(size);
  const pad = Math.round(font * 0.4);
  const width = Math.ceil(textWidth) + pad * 2;
  const height = font + pad * 2;
  const x = Math.max(0, Math.min(at.x, size.width - width));
  const y = Math.max(0, Math.min(at.y, size.height - height));
  return { x, y, width, height, pad };
}

function paintArrow(ctx: Painter, from: Point, to: Point, size: Size) {
  const { arrowLine, head } = styleFor(size);
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  ctx.strokeStyle = COLORS.arrow;
  ctx.fillStyle = COLORS.arrow;
  ctx.lineWidth = arrowLine;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(to.x - Math.cos(angle) * head * 0.8, to.y - Math.sin(angle) * head * 0.8);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(to.x, to.y);
  for (const side of [-1, 1]) {
    const a = angle + side * (Math.PI / 7);
    ctx.lineTo(to.x - Math.cos(a) * head, to.y - Math.sin(a) * head);
  }
  ctx.closePath();
  ctx.fill();
}

function paintLabel(ctx: Painter, at: Point, text: string, size: Size) {
  const { font } = styleFor(size);
  ctx.font = `600 ${font}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  const box = labelBox(at, ctx.measureText(text).width, size);
  ctx.fillStyle = COLORS.labelBack;
  ctx.fillRect(box.x, box.y, box.width, box.height);
  ctx.fillStyle = COLORS.labelText;
  ctx.fillText(text, box.x + box.pad, box.y + box.pad);
}

export function paintShape(ctx: Painter, shape: Shape, size: Size): void {
  ctx.save();
  switch (shape.kind) {
    case 'highlight': {
      const { x, y, width, height } = shape.rect;
      ctx.fillStyle = COLORS.highlightFill;
      ctx.fillRect(x, y, width, height);
      ctx.strokeStyle = COLORS.highlight;
      ctx.lineWidth = styleFor(size).line;
      ctx.lineJoin = 'miter';
      ctx.strokeRect(x, y, width, height);
      break;
    }
    case 'blackout': {
      // Opaque and over whatever is beneath, whatever the context was set to: the flattened
      // pixels keep nothing of the original.
      const { x, y, width, height } = shape.rect;
      ctx.globalAlpha = 1;
      ctx.globalCompositeOperation = 'source-over';
      ctx.fillStyle = COLORS.blackout;
      ctx.fillRect(Math.floor(x), Math.floor(y), Math.ceil(width), Math.ceil(height));
      break;
    }
    case 'arrow':
      paintArrow(ctx, shape.from, shape.to, size);
      break;
    case 'text':
      paintLabel(ctx, shape.at, shape.text, size);
      break;
  }
  ctx.restore();
}

/** The original image, then every shape in the order it was drawn. */
export function paintAll(ctx: Painter, image: CanvasImageSource, shapes: readonly Shape[], size: Size): void {
  // Cleared first: a redraw must not keep old marks under the image's transparent pixels.
  ctx.clearRect(0, 0, size.width, size.height);
  ctx.drawImage(image, 0, 0, size.width, size.height);
  for (const shape of shapes) paintShape(ctx, shape, size);
}

/** The keyboard cursor: a ring light on dark and dark on light, and the first corner once set. */
export function paintCursor(ctx: Painter, cursor: Point, anchor: Point | null, size: Size): void {
  const { unit } = styleFor(size);
  ctx.save();
  for (const [color, width] of [
    ['#ffffff', unit * 2],
    ['#1d4ed8', unit],
  ] as const) {
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.arc(cursor.x, cursor.y, unit * 4, 0, Math.PI * 2);
    ctx.moveTo(cursor.x - unit * 7, cursor.y);
    ctx.lineTo(cursor.x + unit * 7, cursor.y);
    ctx.moveTo(cursor.x, cursor.y - unit * 7);
    ctx.lineTo(cursor.x, cursor.y + unit * 7);
    ctx.stroke();
    if (anchor) ctx.strokeRect(anchor.x - unit * 2, anchor.y - unit * 2, unit * 4, unit * 4);
  }
  ctx.restore();
}
