/**
 * The report page's frame: a one-line header, then the screenshot and the form side by side on a
 * wide window (the form on the right, "What will be sent" under it), stacked on a narrow one: the
 * form first, then the screenshot, then the review. The form column is whatever the page passes as
 * children, top to bottom, so a new field is one more child.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

interface Props {
  title: string;
  pageLine: string;
  screenshot: ComponentChildren;
  review: ComponentChildren;
  children: ComponentChildren;
}

/** Room left under the screenshot for the editor's announcement line. */
const BELOW_SHOT_PX = 40;
const MIN_SHOT_PX = 240;

/**
 * Fits the screenshot to the window under whatever sits above it (the toolbar wraps on narrow or
 * French windows, the keyboard help opens, the full-window view): CSS alone cannot know where the
 * image starts. Sets --shot-fit on the editor; compose.css turns it into the image's height limit.
 */
function useShotFit(column: { current: HTMLElement | null }) {
  useLayoutEffect(() => {
    const el = column.current;
    if (!el) return;
    const fit = () => {
      const editor = el.querySelector<HTMLElement>('.shot-editor');
      const area = editor?.querySelector<HTMLElement>('.shot-area');
      if (!editor || !area) return;
      const full = editor.classList.contains('full');
      const top = area.getBoundingClientRect().top + (full ? editor.scrollTop : window.scrollY);
      const room = Math.max(MIN_SHOT_PX, window.innerHeight - top - BELOW_SHOT_PX);
      const value = `${Math.round(room)}px`;
      if (editor.style.getPropertyValue('--shot-fit') !== value) editor.style.setProperty('--shot-fit', value);
    };
    fit();
    const resized = new ResizeObserver(fit);
    resized.observe(el);
    // Help shown or hidden, full window on or off, a new image: only the editor's own changes.
    const changed = new MutationObserver(fit);
    changed.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'hidden'] });
    window.addEventListener('resize', fit);
    return () => {
      resized.disconnect();
      changed.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, []);
}

export function ComposeLayout({ title, pageLine, screenshot, review, children }: Props) {
  const shotColumn = useRef<HTMLDivElement>(null);
  useShotFit(shotColumn);
  return (
    <main class="compose">
      <header class="compose-head">
        <h1>{title}</h1>
        <p class="muted page-line" title={pageLine}>
          {pageLine}
        </p>
      </header>
      <div class="compose-grid">
        <div class="compose-shot" ref={shotColumn}>
          {screenshot}
        </div>
        <div class="compose-side">{children}</div>
        <div class="compose-review">{review}</div>
      </div>
    </main>
  );
}
