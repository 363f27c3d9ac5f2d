/**
 * The organisation's collection switches, applied when a draft is made: what they turn off is
 * never stored, not merely hidden. The draft remembers those sections so that every build leaves
 * them out too, whatever else might carry them (utils/core/report/exclusions.ts).
 */
import type { Observations } from '../capture/observations';
import type { ValidPageContext } from '../wire/page-schemas';
import type { Settings } from '../settings/schema';
import type { ReportSection } from '../model/ticket';
import type { Draft } from '../model/draft';
import { matchesAny } from '../settings/match-pattern';

export type CollectionSettings = Pick<
  Settings,
  'collectScreenshot' | 'consoleLevels' | 'collectNetwork' | 'collectSteps' | 'collectEnvironment' | 'blockedSites'
>;

/** Console counts as off when no level is collected. */
export function sectionsNotCollected(settings: CollectionSettings): ReportSection[] {
  const off: [ReportSection, boolean][] = [
    ['screenshot', !settings.collectScreenshot],
    ['console', settings.consoleLevels.length === 0],
    ['network', !settings.collectNetwork],
    ['steps', !settings.collectSteps],
    ['environment', !settings.collectEnvironment],
  ];
  return off.filter(([, isOff]) => isOff).map(([section]) => section);
}

/** A new draft field that carries one of these sections must be emptied here too. */
export function applyCollectionSettings(draft: Draft, settings: CollectionSettings): Draft {
  const off = sectionsNotCollected(settings);
  const screenshotOff = off.includes('screenshot');
  const blocked = (url: string | undefined) => !!url && matchesAny(settings.blockedSites, url);
  const onBlocked = blockedAt(draft.context, blocked);
  return {
    ...draft,
    context: draft.context && minimiseContext(withoutBlocked(draft.context, blocked, onBlocked), settings),
    observed: draft.observed && minimiseObserved(observedWithoutBlocked(draft.observed, blocked, onBlocked), settings),
    screenshot: screenshotOff ? null : draft.screenshot,
    screenshotProblem: screenshotOff ? 'disabled' : draft.screenshotProblem,
    notCollected: off,
  };
}

function minimiseContext(context: ValidPageContext, settings: CollectionSettings): ValidPageContext {
  const levels = new Set(settings.consoleLevels);
  const recorder = context.recorder && {
    ...context.recorder,
    console: context.recorder.console.filter((entry) => levels.has(entry.level)),
    network: settings.collectNetwork ? context.recorder.network : [],
    steps: settings.collectSteps ? context.recorder.steps : [],
    dropped: {
      console: levels.size ? context.recorder.dropped.console : 0,
      network: settings.collectNetwork ? context.recorder.dropped.network : 0,
      steps: settings.collectSteps ? context.recorder.dropped.steps : 0,
    },
  };
  const failedResources = settings.collectNetwork ? context.failedResources : [];
  if (settings.collectEnvironment) return { ...context, recorder, failedResources };
  // The page context's shape requires these; they hold nothing about the machine.
  const none = { width: 0, height: 0 };
  return {
    ...context,
    recorder,
    failedResources,
    viewport: none,
    screen: none,
    devicePixelRatio: 1,
    colorScheme: 'light',
  };
}

/** What the background saw itself: the machine's facts and the browser's view of failed requests. */
function minimiseObserved(observed: Observations, settings: CollectionSettings): Observations {
  return {
    ...observed,
    network: settings.collectNetwork ? observed.network : [],
    networkDropped: settings.collectNetwork ? observed.networkDropped : 0,
    environment: settings.collectEnvironment
      ? observed.environment
      : { userAgent: '', language: '', utcOffsetMinutes: 0, localTime: '' },
  };
}

/**
 * Whether the page sat on a blocked address at a given time. A single-page app changes address
 * without loading a page: its navigation steps say where it was when, and the load step where it
 * settled first. Entries from before any step belong to the first address.
 */
function blockedAt(context: ValidPageContext | null, blocked: (url: string) => boolean): (time: number) => boolean {
  const places = (context?.recorder?.steps ?? [])
    .filter((step) => step.kind === 'navigation')
    .sort((a, b) => a.time - b.time);
  if (!places.length) return () => false;
  return (time) => {
    let url = places[0].label;
    for (const place of places) if (place.time <= time) url = place.label;
    return blocked(url);
  };
}

/** Nothing from a blocked site: entries made there (an app's blocked route) or naming one. */
function withoutBlocked(
  context: ValidPageContext,
  blocked: (url: string | undefined) => boolean,
  onBlocked: (time: number) => boolean,
): ValidPageContext {
  const recorder = context.recorder && {
    ...context.recorder,
    console: context.recorder.console.filter((e) => !onBlocked(e.time) && !blocked(e.source)),
    network: context.recorder.network.filter((e) => !onBlocked(e.time) && !blocked(e.url)),
    steps: context.recorder.steps.filter((e) => !onBlocked(e.time) && !(e.kind === 'navigation' && blocked(e.label))),
  };
  return {
    ...context,
    referrer: blocked(context.referrer) ? '' : context.referrer,
    recorder,
    failedResources: context.failedResources.filter((e) => !onBlocked(e.time) && !blocked(e.url)),
  };
}

function observedWithoutBlocked(
  observed: Observations,
  blocked: (url: string | undefined) => boolean,
  onBlocked: (time: number) => boolean,
): Observations {
  return { ...observed, network: observed.network.filter((e) => !onBlocked(e.time) && !blocked(e.url)) };
}
