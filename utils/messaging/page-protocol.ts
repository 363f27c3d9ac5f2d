/**
 * The page channel's wire format, shared by the MAIN-world recorder and the on-demand bridge.
 * Kept free of imports: the recorder runs on every page and must stay tiny. The bridge validates
 * what it receives with the schemas in ./page-schemas.
 */
export const PAGE_CHANNEL = 'mayday.page.v1';

export const LIMITS = {
  consoleEntries: 200,
  networkEntries: 100,
  stepEntries: 50,
  messageChars: 2000,
  stackChars: 4000,
  urlChars: 2048,
  labelChars: 200,
} as const;

export interface PullRequest {
  channel: typeof PAGE_CHANNEL;
  type: 'pull';
  nonce: string;
}

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
  /** For navigations: how (load, pushState, replaceState, popstate, hashchange). */
  how?: string;
  time: number;
}

export interface RecorderSnapshot {
  installedAt: number;
  console: ConsoleEntry[];
  network: NetworkEntry[];
  steps: StepEntry[];
  dropped: { console: number; network: number; steps: number };
}

export interface SnapshotReply {
  channel: typeof PAGE_CHANNEL;
  type: 'snapshot';
  nonce: string;
  snapshot: RecorderSnapshot;
}
