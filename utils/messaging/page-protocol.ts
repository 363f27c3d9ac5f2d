/**
 * The page channel's wire format, shared by the MAIN-world recorder and the on-demand bridge.
 * Kept free of imports: the recorder runs on every page and must stay tiny. The bridge validates
 * what it receives with the schemas in ./page-schemas.
 */
export const PAGE_CHANNEL = 'mayday.page.v1';

export const LIMITS = {
  consoleEntries: 200,
  messageChars: 2000,
  stackChars: 4000,
  urlChars: 2048,
} as const;

export interface PullRequest {
  channel: typeof PAGE_CHANNEL;
  type: 'pull';
  nonce: string;
}

export interface ConsoleEntry {
  level: 'error' | 'warn' | 'info' | 'log' | 'debug';
  kind: 'console' | 'error' | 'rejection';
  message: string;
  stack?: string;
  source?: string;
  time: number;
  count: number;
}

export interface RecorderSnapshot {
  installedAt: number;
  console: ConsoleEntry[];
  dropped: { console: number };
}

export interface SnapshotReply {
  channel: typeof PAGE_CHANNEL;
  type: 'snapshot';
  nonce: string;
  snapshot: RecorderSnapshot;
}
