/**
 * The page channel's wire format, shared by the MAIN-world recorder and the on-demand bridge.
 * Kept free of imports: the recorder runs on every page and must stay tiny. The bridge passes what
 * it receives on untouched; the background validates it with the schemas in ./page-schemas.
 */
/**
 * The page channel's event type (docs/recorder.md, "Channel"), versioned (v3: a synchronous event
 * stopped by the recorder; the snapshot as JSON text in the bridge's element).
 */
export const PULL_EVENT = 'mayday.v3/pull';

/**
 * The recorder keeps each entry as JSON of at most this many characters; time, count and duration
 * (added when the entry is expanded) fit in the rest of LIMITS.entryChars. A plain number here:
 * the recorder imports it, and would otherwise carry the whole LIMITS object.
 */
export const ENTRY_JSON_CHARS = 1984;

/**
 * Containers whose content never leaves the browser: masked in every screenshot, and no element
 * under one gives text to a step. The other built-in masks (utils/page/isolated/sensitive.ts) are
 * fields, whose values never reach a step anyway: a step on one names its label.
 */
export const PRIVATE_CONTAINERS = '[data-private],[data-mayday-mask]';

export const LIMITS = {
  consoleEntries: 200,
  networkEntries: 100,
  stepEntries: 50,
  messageChars: 2000,
  stackChars: 4000,
  urlChars: 2048,
  labelChars: 200,
  /** Every entry's JSON, whatever it holds. */
  entryChars: ENTRY_JSON_CHARS + 64,
} as const;

export interface ConsoleEntry {
  level: 'error' | 'warn' | 'info' | 'log' | 'debug';
  /** console: a console.* call; error: uncaught; rejection: unhandled; resource: a failed load; csp: a CSP violation. */
  kind: 'console' | 'error' | 'rejection' | 'resource' | 'csp';
  message: string;
  stack?: string;
  /** Where it came from: script URL with line and column, or the resource's URL. */
  source?: string;
  /** Epoch milliseconds of the first occurrence. */
  time: number;
  /** How many times the same entry repeated in a row. */
  count: number;
}

export interface NetworkEntry {
  /** page: seen by the recorder's fetch/XHR hooks; browser: seen by the background's webRequest observer. */
  source: 'page' | 'browser';
  method: string;
  url: string;
  /** HTTP status when there was a response (>= 400 here), else absent. */
  status?: number;
  /** The failure when there was no response: net::ERR_* from the browser, or the page's error text. */
  error?: string;
  /** webRequest resource type (xmlhttprequest, script, image, main_frame…) or fetch/xhr. */
  type?: string;
  durationMs?: number;
  time: number;
  count: number;
}

export interface StepEntry {
  kind: 'click' | 'navigation' | 'submit' | 'input';
  /** Role and accessible name or short text for clicks, "typed in <label>" for input (never the value), the URL for navigations. */
  label: string;
  selector?: string;
  /** For navigations: load, or the Navigation API's type (push: pushState or a fragment; replace; traverse: back/forward). */
  how?: string;
  time: number;
  /** Repeated clicks on the same element collapse into one step with a count. */
  count?: number;
}

/**
 * An entry as the recorder keeps it: its JSON without time, count and duration (see ENTRY_JSON_CHARS),
 * when it first happened (epoch ms), how many times in a row, and a request's duration.
 */
export type RawEntry = [json: string, time: number, count: number, durationMs?: number];

/** What the recorder answers a pull with; the background expands it into a RecorderSnapshot (page-schemas). */
export interface RawSnapshot {
  installedAt: number;
  console: RawEntry[];
  network: RawEntry[];
  steps: RawEntry[];
  dropped: { console: number; network: number; steps: number };
}

export interface RecorderSnapshot {
  installedAt: number;
  console: ConsoleEntry[];
  network: NetworkEntry[];
  steps: StepEntry[];
  dropped: { console: number; network: number; steps: number };
}
