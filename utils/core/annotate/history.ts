/**
 * The editor's document and its undo/redo stack. Removing the screenshot is an edit like any
 * other, so a slip of the hand is undone the same way as a misplaced arrow.
 */
import type { Shape } from './shapes';

interface Doc {
  shapes: readonly Shape[];
  removed: boolean;
}

export interface History {
  past: readonly Doc[];
  present: Doc;
  future: readonly Doc[];
}

export type Edit =
  { type: 'add'; shape: Shape } | { type: 'clear' } | { type: 'remove' } | { type: 'undo' } | { type: 'redo' };

/** Far more than anyone undoes; bounds memory on a long session. */
export const UNDO_LIMIT = 100;

export const emptyHistory: History = { past: [], present: { shapes: [], removed: false }, future: [] };

function commit(h: History, next: Doc): History {
  return { past: [...h.past, h.present].slice(-UNDO_LIMIT), present: next, future: [] };
}

export function edit(h: History, action: Edit): History {
  const doc = h.present;
  switch (action.type) {
    case 'add':
      return doc.removed ? h : commit(h, { ...doc, shapes: [...doc.shapes, action.shape] });
    case 'clear':
      return doc.removed || doc.shapes.length === 0 ? h : commit(h, { ...doc, shapes: [] });
    case 'remove':
      return doc.removed ? h : commit(h, { ...doc, removed: true });
    case 'undo':
      if (!h.past.length) return h;
      return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [doc, ...h.future] };
    case 'redo':
      if (!h.future.length) return h;
      return { past: [...h.past, doc], present: h.future[0], future: h.future.slice(1) };
  }
}

export const canUndo = (h: History) => h.past.length > 0;
export const canRedo = (h: History) => h.future.length > 0;
