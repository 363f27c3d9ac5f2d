/**
 * The always-on recorder. Runs in the page's MAIN world at document_start, in the top frame and in
 * every same-origin frame (which writes into the top frame's recorder), so it must stay tiny,
 * dependency-free, never throw into the page and never change what the page observes.
 */
import { PULL, SNAPSHOT, type ConsoleEntry, type SnapshotReply } from '../../core/wire/page-protocol';
import { createRecorder, type Recorder } from './buffers';
import { hookFetch, hookXhr } from './network';
import { clickStep, inputStep, submitStep } from './steps';
import { listen, wrap } from './wrap';

export { createRecorder, type Recorder };

export const RECORDER_KEY = Symbol.for('mayday.recorder');
type Level = ConsoleEntry['level'];

export interface RecorderOptions {
  /** Console methods to record: error and warn unless the admin asks for info, log or debug too. */
  levels?: readonly Level[];
}

type PageWindow = Window & typeof globalThis;

function hookErrors(win: PageWindow, rec: Recorder, frame?: string) {
  // Capturing, because failed loads of images, scripts and styles do not bubble. An uncaught
  // error's event targets the window, a failed load's the element.
  listen(
    win,
    'error',
    (event: ErrorEvent) => {
      const el = event.target as HTMLImageElement & { href?: string };
      if (el !== (win as unknown))
        rec.console('resource', `Failed to load <${el.localName}>`, el.currentSrc || el.src || el.href || frame);
      // Without an error object (a cross-origin script's, say), the browser's message.
      else
        rec.console(
          'error',
          event.error == null && event.message ? event.message : [event.error],
          event.filename ? `${event.filename}:${event.lineno}:${event.colno}` : frame,
        );
    },
    true,
  );
  listen(win, 'unhandledrejection', (event: PromiseRejectionEvent) => rec.console('rejection', [event.reason], frame));
  // Report-only violations blocked nothing.
  listen(win, 'securitypolicyviolation', (event: SecurityPolicyViolationEvent) => {
    if (event.disposition !== 'report')
      rec.console('csp', `CSP ${event.effectiveDirective} blocked ${event.blockedURI}`, frame);
  });
}

function hookSteps(win: PageWindow, rec: Recorder) {
  // The node really hit, inside open shadow roots too (event.target is retargeted to the host).
  const hit = (event: Event) => event.composedPath()[0] as Element;
  let lastField: unknown;
  listen(win, 'click', (event) => rec.step(clickStep(hit(event))), true);
  listen(win, 'submit', (event) => rec.step(submitStep(hit(event))), true);
  listen(
    win,
    'input',
    (event) => {
      const field = hit(event);
      // One step per field, however many keys were pressed in it.
      const step = field !== lastField && inputStep(field);
      lastField = field;
      if (step) rec.step(step);
    },
    true,
  );
}

/**
 * The load, then every same-document navigation through the Navigation API (Baseline 2026): one
 * listener sees pushState and fragment changes (push), replaceState (replace) and back/forward
 * (traverse), with nothing of the page's History wrapped. Both wait for the load event (at once
 * when the page has loaded already): Blink builds window.navigation on first use and the first
 * step compiles the JSON path, the largest part of the recorder's start-up, which the page's
 * load no longer waits for. The load step has the address the page settled on; a navigation
 * before it is not a step.
 */
function hookNavigation(win: PageWindow, rec: Recorder) {
  const navigated = (how: string) => rec.step({ kind: 'navigation', label: win.location.href, how });
  const start = () => {
    navigated('load');
    const navigation = (win as { navigation?: EventTarget }).navigation;
    // No type: updateCurrentEntry(), a change of state, not of place.
    if (navigation)
      listen(
        navigation,
        'currententrychange',
        (event: { navigationType?: string }) => event.navigationType && navigated(event.navigationType),
      );
  };
  if (win.document.readyState === 'complete') start();
  // Once: a page may dispatch a load event of its own.
  else listen(win, 'load', start, { once: true });
}

/**
 * Answers the on-demand bridge's pull, which checks the nonce. The reply goes to this window only:
 * a frame that asks learns nothing, and the page learns only what it wrote.
 */
function answerPulls(win: PageWindow, rec: Recorder) {
  const post = win.postMessage.bind(win);
  listen(win, 'message', (event: MessageEvent) => {
    const data = event.data;
    if (data?.type === PULL)
      post({ type: SNAPSHOT, nonce: data.nonce, snapshot: rec.snapshot() } satisfies SnapshotReply, '*');
  });
}

/**
 * Installs the hooks in `win`. A child frame records into its parent's recorder when the parent is
 * same-origin, and records nothing otherwise (reading a cross-origin parent throws): another
 * site's console is not ours to report, and nothing would read its buffers.
 */
export function installRecorder(
  win: PageWindow,
  { levels = ['error', 'warn'] }: RecorderOptions = {},
): Recorder | undefined {
  try {
    const top = win.parent === win;
    const rec: Recorder | undefined = top ? createRecorder() : (win.parent as any)[RECORDER_KEY];
    // Defined once and for good: a second copy (injected after an update) leaves the first in charge.
    if (!rec || !Reflect.defineProperty(win, RECORDER_KEY, { value: rec })) return undefined;
    const frame = top ? undefined : win.location.href;
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i];
      wrap(win.console, level, (_result, args) => rec.console('console', args, frame, level));
    }
    hookErrors(win, rec, frame);
    hookFetch(win, rec.network);
    hookXhr(win, rec.network);
    hookSteps(win, rec);
    if (top) {
      hookNavigation(win, rec);
      answerPulls(win, rec);
    }
    return rec;
  } catch {
    /* undefined: nothing recorded */
  }
}
