/**
 * Choosing one element of the page to capture: an outline follows the pointer, a click chooses,
 * Esc cancels; Up and Down widen to the enclosing element and back, Enter chooses without a mouse.
 * The outline and its hint live in a shadow root on a host that takes no pointer events, and are
 * removed afterwards. Only events the browser marks as trusted count: the page can neither choose
 * nor cancel for the person by dispatching its own.
 */
export interface PickerEnv {
  win: Window;
  doc: Document;
  /** Our own words (from the extension's locales), set as text, never parsed as HTML. */
  hint: string;
  timeoutMs: number;
  /** `event.isTrusted`, passed in so tests can stand in for a person. */
  trusted(event: Event): boolean;
}

const STYLE = `
.box { position: fixed; box-sizing: border-box; border: 2px solid #c2410c; background: rgba(194, 65, 12, 0.12);
  pointer-events: none; display: none; }
.hint { position: fixed; left: 50%; bottom: 12px; transform: translateX(-50%); max-width: 90vw;
  background: #111827; color: #fff; font: 14px/1.4 system-ui, sans-serif; padding: 8px 12px; border-radius: 6px;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.35); pointer-events: none; }
`;

/** Events the page must not see while the person is choosing (a click would follow a link). */
const SWALLOWED = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'dblclick', 'auxclick'] as const;

type Listening = [target: EventTarget, type: string, listener: EventListener, capture: boolean];

const isElement = (target: EventTarget | null): target is Element => (target as Node | null)?.nodeType === 1;

function hasBox(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

/** Resolves with the chosen element, or null when the person cancels, leaves or waits too long. */
export function pickElement(env: PickerEnv): Promise<Element | null> {
  const { win, doc } = env;
  const host = doc.createElement('div');
  host.style.cssText = 'all: initial; position: fixed; inset: 0; z-index: 2147483647; pointer-events: none;';
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = 'box';
  const hint = doc.createElement('div');
  hint.className = 'hint';
  hint.textContent = env.hint;
  root.append(style, box, hint);

  let current: Element | null = null;
  /** Where Down goes back to after Up widened the choice. */
  let narrower: Element[] = [];

  const outline = () => {
    if (!current) return void (box.style.display = 'none');
    const r = current.getBoundingClientRect();
    Object.assign(box.style, {
      display: 'block',
      left: `${r.left}px`,
      top: `${r.top}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
    });
  };
  const aim = (el: Element | null, keepNarrower = false) => {
    if (!el || el === host) return;
    if (!keepNarrower) narrower = [];
    current = el;
    outline();
  };

  return new Promise((resolve) => {
    const finish = (chosen: Element | null) => {
      for (const [target, type, listener, capture] of listeners) target.removeEventListener(type, listener, capture);
      win.clearTimeout(timer);
      host.remove();
      resolve(chosen);
    };
    const swallow = (event: Event) => {
      if (!env.trusted(event)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    const onMove = (event: Event) => {
      if (env.trusted(event) && isElement(event.target)) aim(event.target);
    };
    const onClick = (event: Event) => {
      if (!env.trusted(event)) return;
      swallow(event);
      const target = isElement(event.target) ? event.target : current;
      if (target && hasBox(target)) finish(target);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!env.trusted(event)) return;
      if (event.key === 'Escape') finish(null);
      else if (event.key === 'Enter' && current && hasBox(current)) finish(current);
      else if (event.key === 'ArrowUp' && current?.parentElement) {
        narrower.push(current);
        aim(current.parentElement, true);
      } else if (event.key === 'ArrowDown' && narrower.length) aim(narrower.pop()!, true);
      else return;
      swallow(event);
    };
    const onHidden = () => doc.visibilityState === 'hidden' && finish(null);
    const timer = win.setTimeout(() => finish(null), env.timeoutMs);

    // Capture phase on the window: the page's own handlers come after ours.
    const listeners: Listening[] = [
      ...SWALLOWED.map((type): Listening => [win, type, swallow, true]),
      [win, 'pointermove', onMove, true],
      [win, 'click', onClick, true],
      [win, 'keydown', onKey as EventListener, true],
      [win, 'scroll', outline, true],
      [win, 'resize', outline, false],
      [doc, 'visibilitychange', onHidden, false],
    ];
    for (const [target, type, listener, capture] of listeners) target.addEventListener(type, listener, capture);
    doc.documentElement.append(host);
    // Something is outlined from the start, so Up, Down and Enter work before the mouse moves.
    aim(doc.elementFromPoint(win.innerWidth / 2, win.innerHeight / 2));
  });
}
