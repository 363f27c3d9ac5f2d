/**
 * The always-on recorder. Runs in the page's MAIN world at document_start, in the top frame and in
 * every same-origin frame (which writes into the top frame's recorder), so it must stay tiny,
 * dependency-free, never throw into the page and never change what the page observes.
 */
import { PULL_EVENT, type ConsoleEntry } from '../../core/wire/page-protocol';
import { createRecorder, type Recorder } from './buffers';
import {
  apply,
  dataOf,
  defineValue,
  dispatch,
  pathOf,
  relatedTargetOf,
  setText,
  stopAll,
  stringify,
  textOf,
} from './intrinsics';
import { hookFetch, hookXhr } from './network';
import { clickStep, inputStep, submitStep, type Step } from './steps';
import { listen, nativeLooking, trackProxies, wrap } from './wrap';

export { createRecorder, type Recorder };

type Level = ConsoleEntry['level'];

type PageWindow = Window & typeof globalThis;

const hookErrors = (win: PageWindow, rec: Recorder, frame?: string) => {
  // Capturing, because failed loads of images, scripts and styles do not bubble. An uncaught
  // error's event targets the window, a failed load's the element.
  listen(
    win,
    'error',
    (event: ErrorEvent) => {
      const el = event.target as HTMLImageElement & { href?: string };
      if (el !== (win as unknown))
        rec.line('resource', `Failed to load <${el.localName}>`, el.currentSrc || el.src || el.href || frame);
      // Without an error object (a cross-origin script's, say), the browser's message.
      else
        rec.line(
          'error',
          (event.error == null && event.message) || [event.error],
          event.filename ? `${event.filename}:${event.lineno}:${event.colno}` : frame,
        );
    },
    true,
  );
  listen(win, 'unhandledrejection', (event: PromiseRejectionEvent) => rec.line('rejection', [event.reason], frame));
  // Report-only violations blocked nothing.
  listen(
    win,
    'securitypolicyviolation',
    (event: SecurityPolicyViolationEvent) =>
      event.disposition !== 'report' &&
      rec.line('csp', `CSP ${event.effectiveDirective} blocked ${event.blockedURI}`, frame),
  );
};

const hookSteps = (win: PageWindow, rec: Recorder) => {
  // The node really hit, inside open shadow roots too (event.target is retargeted to the host).
  const hit = (event: Event) => pathOf(event)[0] as Element;
  // Through apply, which reads the array's own items: spreading would call the page's
  // Array.prototype[Symbol.iterator].
  const record = (step: Step | false) => step && apply(rec.step, rec, step);
  let lastField: unknown;
  listen(win, 'click', (event) => record(clickStep(hit(event))), true);
  listen(win, 'submit', (event) => record(submitStep(hit(event))), true);
  listen(
    win,
    'input',
    (event) => {
      const field = hit(event);
      // One step per field, however many keys were pressed in it.
      const step = field !== lastField && inputStep(field);
      lastField = field;
      if (step) record(step);
    },
    true,
  );
};

/**
 * The load, then every same-document navigation through the Navigation API (Baseline 2026): one
 * listener sees pushState and fragment changes (push), replaceState (replace) and back/forward
 * (traverse), with nothing of the page's History wrapped. Both wait for the load event (at once
 * when the page has loaded already): Blink builds window.navigation on first use and the first
 * step compiles the JSON path, the largest part of the recorder's start-up, which the page's
 * load no longer waits for. The load step has the address the page settled on. Navigations
 * before it (a router's redirect, a fragment) are not steps each, but when the page left the
 * address it was opened at, a `start` step with that address comes first: where the person
 * arrived is what a technician asks first.
 */
const hookNavigation = (win: PageWindow, rec: Recorder) => {
  // The window's own Location, for its whole life (unforgeable).
  const place = win.location;
  const opened = place.href;
  const navigated = (how: string, label = place.href) => rec.step({ kind: 'navigation', label, how });
  const start = () => {
    if (opened !== place.href) navigated('start', opened);
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
};

/**
 * The recorder's only way in: a synchronous FocusEvent of type PULL_EVENT on its window, which its
 * capturing listener, registered at document_start before any page script, receives first and
 * stops there: no listener of the page ever sees it (docs/recorder.md, "Channel").
 * - From the bridge, with a detached element of the bridge's as relatedTarget: the element's text
 *   is the admin's mask selectors, and the snapshot is written into it as JSON text, which the
 *   bridge reads back from the isolated world.
 * - From a same-origin child frame's recorder or a second copy of this one, without: the recorder
 *   is set on that event object (property `r`), which only the caller holds.
 */
const answer = (win: PageWindow, rec: Recorder) => {
  listen(
    win,
    PULL_EVENT,
    (event: FocusEvent) => {
      stopAll(event);
      const box = relatedTargetOf(event);
      if (box) setText(box, stringify(rec.snapshot(textOf(box))));
      else defineValue(event, 'r', rec);
    },
    true,
  );
};

/** The recorder of `target`'s window, if one is installed there (see answer). */
const linkTo = (win: PageWindow, target: PageWindow): Recorder | undefined => {
  const event = new win.FocusEvent(PULL_EVENT);
  dispatch(target, event);
  return dataOf(event, 'r') as Recorder | undefined;
};

/**
 * Installs the hooks in `win`, recording the console's `levels`. A child frame records into its parent's recorder when the parent is
 * same-origin, and records nothing otherwise (reading a cross-origin parent throws): another
 * site's console is not ours to report, and nothing would read its buffers.
 */
export const installRecorder = (
  win: PageWindow,
  /** Console methods to record: error and warn unless the admin asks for info, log or debug too. */
  levels: readonly Level[] = ['error', 'warn'],
): Recorder | undefined => {
  try {
    const top = win.parent === win;
    // A second copy (injected after an update) leaves the first in charge.
    if (linkTo(win, win)) return undefined;
    const rec: Recorder | undefined = top ? createRecorder() : linkTo(win, win.parent as PageWindow);
    if (!rec) return undefined;
    answer(win, rec);
    nativeLooking(win);
    const frame = top ? undefined : win.location.href;
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i];
      wrap(win.console, level, (_result, args) => rec.line('console', args, frame, level));
    }
    hookErrors(win, rec, frame);
    hookFetch(win, rec.request);
    hookXhr(win, rec.request);
    hookSteps(win, rec);
    if (top) hookNavigation(win, rec);
    // Last: where Proxy cannot be replaced, everything else still records.
    trackProxies(win);
    return rec;
  } catch {
    /* undefined: nothing recorded */
  }
};
