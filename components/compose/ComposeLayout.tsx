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
 * French windows, the keyboard help opens): CSS alone cannot know where the image starts.
 */
function useShotFit(column: { current: HTMLElement | null }) {
  useLayoutEffect(() => {
    const el = column.current;
    if (!el) return;
    const fit = () => {
      const area = el.querySelector<HTMLElement>('.shot-editor:not(.full) .shot-area');
      if (!area) return;
      const top = area.getBoundingClientRect().top + window.scrollY;
      const room = Math.max(MIN_SHOT_PX, window.innerHeight - top - BELOW_SHOT_PX);
      el.style.setProperty('--shot-fit', `${Math.round(room)}px`);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    window.addEventListener('resize', fit);
    return () => {
      observer.disconnect();
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
