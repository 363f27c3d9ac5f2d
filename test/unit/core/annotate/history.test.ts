import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  edit,
  emptyHistory,
  UNDO_LIMIT,
  type Edit,
  type History,
} from '../../../../utils/core/annotate/history';
import type { Shape } from '../../../../utils/core/annotate/shapes';

const box = (x: number): Shape => ({ kind: 'highlight', rect: { x, y: 0, width: 10, height: 10 } });
const run = (...edits: Edit[]): History => edits.reduce(edit, emptyHistory);

describe('editor history', () => {
  it('adds, undoes and redoes shapes in order', () => {
    const h = run({ type: 'add', shape: box(1) }, { type: 'add', shape: box(2) }, { type: 'undo' });
    expect(h.present.shapes).toEqual([box(1)]);
    expect(canRedo(h)).toBe(true);
    expect(edit(h, { type: 'redo' }).present.shapes).toEqual([box(1), box(2)]);
  });

  it('forgets what could be redone once something new is drawn', () => {
    const h = run({ type: 'add', shape: box(1) }, { type: 'undo' }, { type: 'add', shape: box(3) });
    expect(h.present.shapes).toEqual([box(3)]);
    expect(canRedo(h)).toBe(false);
  });

  it('clears every shape in one step that Undo brings back', () => {
    const cleared = run({ type: 'add', shape: box(1) }, { type: 'add', shape: box(2) }, { type: 'clear' });
    expect(cleared.present.shapes).toEqual([]);
    expect(edit(cleared, { type: 'undo' }).present.shapes).toEqual([box(1), box(2)]);
    expect(edit(emptyHistory, { type: 'clear' })).toBe(emptyHistory);
  });

  it('removes the screenshot as an undoable edit, and draws nothing on a removed one', () => {
    const removed = run({ type: 'add', shape: box(1) }, { type: 'remove' });
    expect(removed.present).toEqual({ shapes: [box(1)], removed: true });
    expect(edit(removed, { type: 'add', shape: box(2) })).toBe(removed);
    expect(edit(removed, { type: 'clear' })).toBe(removed);
    expect(edit(removed, { type: 'undo' }).present).toEqual({ shapes: [box(1)], removed: false });
  });

  it('ignores undo and redo with nothing to undo or redo', () => {
    expect(canUndo(emptyHistory)).toBe(false);
    expect(edit(emptyHistory, { type: 'undo' })).toBe(emptyHistory);
    expect(edit(emptyHistory, { type: 'redo' })).toBe(emptyHistory);
  });

  it('keeps a bounded number of undo steps', () => {
    const edits: Edit[] = Array.from({ length: UNDO_LIMIT + 20 }, (_, i) => ({ type: 'add', shape: box(i) }));
    const h = run(...edits);
    expect(h.past).toHaveLength(UNDO_LIMIT);
    expect(h.present.shapes).toHaveLength(UNDO_LIMIT + 20);
  });
});
