/**
 * The always-on recorder. Runs in the page's MAIN world at document_start, so it must stay tiny,
 * dependency-free, never throw into the page and never change what the page observes.
 */
import { PAGE_CHANNEL, type ConsoleEntry, type RecorderSnapshot } from '../messaging/page-protocol';
import { apply, now } from './intrinsics';
import { createRingBuffer } from './ring-buffer';
import { errorHeadline, isErrorLike, normalizeStack, serializeArgs } from './serialize';

export const CONSOLE_CAPACITY = 200;
const INSTALLED = Symbol.for('mayday.recorder');

type Level = ConsoleEntry['level'];

export interface Recorder {
  record(entry: Omit<ConsoleEntry, 'count' | 'time'>): void;
  snapshot(): RecorderSnapshot;
}

export function createRecorder(clock: () => number = now): Recorder {
  const installedAt = clock();
  const consoleBuffer = createRingBuffer<ConsoleEntry>(CONSOLE_CAPACITY);
  return {
    record(entry) {
      const last = consoleBuffer.last();
      // A page that logs the same thing in a loop must not push everything else out.
      if (last && last.message === entry.message && last.level === entry.level && last.kind === entry.kind && last.stack === entry.stack) {
        last.count++;
        return;
      }
      consoleBuffer.push({ ...entry, time: clock(), count: 1 });
    },
    snapshot() {
      // Copies, built with a plain loop: the page may have replaced Array.prototype.map.
      const entries = consoleBuffer.toArray();
      for (let i = 0; i < entries.length; i++) entries[i] = { ...entries[i] };
      return {
        installedAt,
        console: entries,
        network: [],
        steps: [],
        dropped: { console: consoleBuffer.dropped, network: 0, steps: 0 },
      };
    },
  };
}

/** One entry for a console call; an Error argument also gives its stack. */
export function consoleEntry(level: Level, args: ArrayLike<unknown>): Omit<ConsoleEntry, 'count' | 'time'> {
  const message = serializeArgs(args);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (isErrorLike(arg)) return { level, kind: 'console', message, stack: normalizeStack(arg, errorHeadline(arg)) };
  }
  return { level, kind: 'console', message };
}

function errorEntry(kind: 'error' | 'rejection', reason: unknown, fallback: string, source?: string) {
  if (isErrorLike(reason)) {
    const headline = errorHeadline(reason);
    return { level: 'error' as const, kind, message: headline, stack: normalizeStack(reason, headline), source };
  }
  return { level: 'error' as const, kind, message: reason === undefined ? fallback : serializeArgs([reason]), source };
}

function wrapConsole(con: Console, level: Level, recorder: Recorder) {
  const original = con[level];
  if (typeof original !== 'function') return;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    try {
      recorder.record(consoleEntry(level, args));
    } catch {
      // Recording is best effort; the page's own call must always go through.
    }
    return apply(original, this, args);
  };
  try {
    con[level] = wrapped;
  } catch {
    // A frozen console stays unwrapped; errors and rejections are still recorded.
  }
}

export function installRecorder(win: Window & typeof globalThis): Recorder | undefined {
  const host = win as unknown as Record<symbol, unknown>;
  if (host[INSTALLED]) return undefined;
  const recorder = createRecorder();
  try {
    Object.defineProperty(win, INSTALLED, { value: true });
  } catch {
    return undefined;
  }
  wrapConsole(win.console, 'error', recorder);
  wrapConsole(win.console, 'warn', recorder);

  const listen = win.addEventListener.bind(win);
  const post = win.postMessage.bind(win);
  listen('error', (event: Event) => {
    try {
      if (!(event instanceof win.ErrorEvent)) return;
      const where = event.filename ? `${event.filename}:${event.lineno}:${event.colno}` : undefined;
      recorder.record(errorEntry('error', event.error, event.message || 'Script error', where));
    } catch {
      /* never throw into the page */
    }
  }, true);
  listen('unhandledrejection', (event: PromiseRejectionEvent) => {
    try {
      recorder.record(errorEntry('rejection', event.reason, 'Unhandled promise rejection'));
    } catch {
      /* never throw into the page */
    }
  });
  listen('message', (event: MessageEvent) => {
    try {
      if (event.source !== win) return;
      const data = event.data as { channel?: unknown; type?: unknown; nonce?: unknown } | null;
      if (!data || data.channel !== PAGE_CHANNEL || data.type !== 'pull' || typeof data.nonce !== 'string') return;
      post({ channel: PAGE_CHANNEL, type: 'snapshot', nonce: data.nonce, snapshot: recorder.snapshot() }, '*');
    } catch {
      /* never throw into the page */
    }
  });
  return recorder;
}
