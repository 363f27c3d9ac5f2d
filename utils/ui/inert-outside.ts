/**
 * Makes everything in the document but `keep` (and what it contains) inert, as a modal dialog
 * does: no focus, no click, nothing read out behind it. Returns the undo, which touches only what
 * this call made inert.
 *
 * The screenshot editor's full-window view uses it rather than a <dialog>: the same element (its
 * canvases, its history, the focus in it) is the inline editor and the modal view, and a <dialog>
 * cannot sit in the page's flow without being announced as one.
 */
export function inertOutside(keep: Element): () => void {
  const made: HTMLElement[] = [];
  const body = keep.ownerDocument.body;
  for (let el: Element = keep; el !== body && el.parentElement; el = el.parentElement) {
    for (const sibling of el.parentElement.children) {
      if (sibling === el || !(sibling instanceof HTMLElement) || sibling.inert) continue;
      sibling.inert = true;
      made.push(sibling);
    }
  }
  return () => made.forEach((el) => (el.inert = false));
}
