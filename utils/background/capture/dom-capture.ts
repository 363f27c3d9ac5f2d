/**
 * Replacing a draft's screenshot with the whole page or one element, rendered from the DOM in the
 * reported tab when the person asks. The tab comes to the front (the person chooses the element
 * there, and a hidden tab's timers are throttled), the rendering runs under a time limit, and the
 * report page comes back whatever happened. On a timeout the draft keeps the screenshot it had,
 * the visible one taken when the report started.
 */
import { z } from 'zod';
import type { DraftScreenshot, DraftStore } from '../../core/model/draft';

export type DomCaptureMode = 'full-page' | 'element';
export const DOM_CAPTURE_TIMEOUT_MS = 10_000;
/** How long the picker waits for the person before it gives up by itself. */
export const PICK_TIMEOUT_MS = 120_000;

export type DomCaptureResult =
  | { ok: true; screenshot: DraftScreenshot }
  | { ok: false; problem: 'timeout'; seconds: number; kept: boolean }
  | { ok: false; problem: 'cancelled' | 'gone' | 'draft-missing' | 'sent' | 'disabled' }
  | { ok: false; problem: 'failed'; detail: string };

export interface DomCaptureEnv {
  drafts: DraftStore;
  tabs: {
    get(id: number): Promise<{ url?: string; windowId?: number }>;
    update(id: number, props: { active: true }): Promise<unknown>;
  };
  focusWindow(windowId: number): Promise<unknown>;
  /** Injects dom-capture.js into the tab. */
  inject(tabId: number): Promise<void>;
  /** Runs one of the operations it installed; the answer is untrusted data. */
  call(tabId: number, op: 'pick' | 'render', arg: object): Promise<unknown>;
  measureImage(dataUrl: string): Promise<{ width: number; height: number }>;
  pickerHint: string;
  /** What the render masks (maskSelectorList): the same fields as the visible screenshot. */
  maskSelectors: string[];
  timeoutMs: number;
  pickTimeoutMs: number;
}

/** Run in the tab by scripting.executeScript: self-contained, because it is serialised. */
export function callOperation(key: string, op: string, arg: unknown): unknown {
  const api = (globalThis as Record<string, unknown>)[key] as Record<string, (a: unknown) => unknown> | undefined;
  return api ? api[op](arg) : { ok: false, reason: 'failed', detail: 'the capture script is missing' };
}

const renderSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    dataUrl: z.string().regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/),
    masks: z.number().int().min(0),
  }),
  z.object({ ok: z.literal(false), detail: z.string().max(300).catch('') }),
]);
const pickSchema = z.object({ ok: z.boolean() });

const TIMED_OUT = Symbol('timed out');
function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** The same document, whatever its #fragment: capturing another page would report the wrong one. */
export function samePage(a: string | undefined, b: string): boolean {
  return !!a && a.split('#')[0] === b.split('#')[0];
}

const failed = (error: unknown): DomCaptureResult => ({
  ok: false,
  problem: 'failed',
  detail: String((error as Error)?.message ?? error),
});

async function capture(draftId: string, mode: DomCaptureMode, env: DomCaptureEnv): Promise<DomCaptureResult> {
  const draft = await env.drafts.get(draftId);
  if (!draft) return { ok: false, problem: 'draft-missing' };
  if (draft.outboxId) return { ok: false, problem: 'sent' };
  const tab = await env.tabs.get(draft.tabId).catch(() => null);
  if (!tab || !samePage(tab.url, draft.page.url)) return { ok: false, problem: 'gone' };
  await env.tabs.update(draft.tabId, { active: true });
  if (tab.windowId !== undefined) await env.focusWindow(tab.windowId).catch(() => undefined);
  try {
    await env.inject(draft.tabId);
  } catch (error) {
    return failed(error); // a page extensions may not script (the Web Store, chrome://)
  }
  if (mode === 'element') {
    const picked = await within(
      env.call(draft.tabId, 'pick', { hint: env.pickerHint, timeoutMs: env.pickTimeoutMs }),
      env.pickTimeoutMs + 5_000,
    );
    if (picked === TIMED_OUT || !pickSchema.safeParse(picked).data?.ok) return { ok: false, problem: 'cancelled' };
  }
  const raw = await within(
    env.call(draft.tabId, 'render', { target: mode === 'element' ? 'picked' : 'page', masks: env.maskSelectors }),
    env.timeoutMs,
  );
  if (raw === TIMED_OUT)
    return { ok: false, problem: 'timeout', seconds: Math.round(env.timeoutMs / 1000), kept: !!draft.screenshot };
  const parsed = renderSchema.safeParse(raw);
  if (!parsed.success) return failed('the page answered with something that is not an image');
  if (!parsed.data.ok) return failed(parsed.data.detail);
  const { dataUrl, masks } = parsed.data;
  // The size is measured here, not taken from the page's word.
  const screenshot: DraftScreenshot = { dataUrl, ...(await env.measureImage(dataUrl)), mode, masks };
  const stored = await env.drafts.update(draftId, (d) =>
    d.outboxId ? d : { ...d, screenshot, screenshotProblem: undefined, screenshotRemoved: undefined },
  );
  if (!stored) return { ok: false, problem: 'draft-missing' };
  // Sent while the page was rendering: the queued report keeps what it was sent with.
  return stored.screenshot === screenshot ? { ok: true, screenshot } : { ok: false, problem: 'sent' };
}

/** Captures, then brings the report page (`returnTo`, a tab id) back to the front. */
export async function captureDom(
  draftId: string,
  mode: DomCaptureMode,
  env: DomCaptureEnv,
  returnTo?: number,
): Promise<DomCaptureResult> {
  try {
    return await capture(draftId, mode, env);
  } catch (error) {
    return failed(error);
  } finally {
    if (returnTo !== undefined) await env.tabs.update(returnTo, { active: true }).catch(() => undefined);
  }
}
