/**
 * What the on-demand bridge collects in the page: the recorder's buffers plus facts about the page
 * and browser. The buffers come from the page's own world, so the bridge passes them on only
 * within a size cap, as untrusted data; the background validates them with zod before any use
 * (zod in the bridge would triple its size).
 */
import { LIMITS, PAGE_CHANNEL, type PullRequest } from '../messaging/page-protocol';

/** Far above what 200 capped entries need; a larger reply is forged or corrupted. */
export const MAX_SNAPSHOT_CHARS = 1_500_000;

export interface PageContext {
  url: string;
  title: string;
  viewport: { width: number; height: number };
  devicePixelRatio: number;
  userAgent: string;
  language: string;
  /** The recorder's reply, unvalidated: see pageContextSchema. */
  recorder: unknown;
}

export function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** Ask the recorder for its buffers; null when it is absent or answers with nonsense. */
export function pullRecorderSnapshot(win: Window, nonce: string, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve) => {
    const done = (value: unknown) => {
      win.removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve(value);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.source !== win) return;
      const data = event.data as { channel?: unknown; type?: unknown; nonce?: unknown; snapshot?: unknown } | null;
      if (!data || data.channel !== PAGE_CHANNEL || data.type !== 'snapshot' || data.nonce !== nonce) return;
      let size = Infinity;
      try {
        size = JSON.stringify(data.snapshot)?.length ?? 0;
      } catch {
        /* not serialisable: treated as oversized */
      }
      done(size <= MAX_SNAPSHOT_CHARS ? data.snapshot : null);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    win.addEventListener('message', onMessage);
    const request: PullRequest = { channel: PAGE_CHANNEL, type: 'pull', nonce };
    win.postMessage(request, '*');
  });
}

/** Resolves once the page is visible and has painted a frame, so a screenshot shows it. */
export function waitForPaint(win: Window, doc: Document, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    const paint = () =>
      win.requestAnimationFrame(() =>
        win.requestAnimationFrame(() => {
          clearTimeout(timer);
          resolve();
        }),
      );
    if (doc.visibilityState === 'visible') paint();
    else doc.addEventListener('visibilitychange', paint, { once: true });
  });
}

export async function collectPageContext(
  win: Window,
  doc: Document,
  nav: Navigator,
  opts: { nonce: string; timeoutMs: number },
): Promise<PageContext> {
  const [recorder] = await Promise.all([
    pullRecorderSnapshot(win, opts.nonce, opts.timeoutMs),
    waitForPaint(win, doc, opts.timeoutMs * 2),
  ]);
  return {
    url: clip(win.location.href, LIMITS.urlChars),
    title: clip(doc.title, 500),
    viewport: { width: win.innerWidth, height: win.innerHeight },
    devicePixelRatio: win.devicePixelRatio || 1,
    userAgent: clip(nav.userAgent, 500),
    language: clip(nav.language, 35),
    recorder,
  };
}
