/**
 * Starting a report: bring the tab to the front, capture what is on screen, then read the page
 * through the on-demand bridge, add what the background observed itself, keep it all as a draft,
 * and open the report page on it. The capture comes first: the bridge's pull is the first thing
 * the page could notice (the recorder answers it in the page's world), and a page that changes
 * what it shows when asked must not change the screenshot.
 */
import type { Browser, browser } from 'wxt/browser';
import type { BrowserEnvironment } from '../../core/capture/environment';
import type { TabNetworkLog } from '../../core/capture/network-log';
import { observe, type Observations } from '../../core/capture/observations';
import { parsePageContext, type Rejected, type ValidPageContext } from '../../core/wire/page-schemas';
import type { CaptureProblem } from '../../core/capture/restricted';
import { applyCollectionSettings, type CollectionSettings } from '../../core/report/collection';
import type { Draft, DraftScreenshot, DraftStore } from '../../core/model/draft';

type Tab = Browser.tabs.Tab;

export interface StartEnv {
  tabs: Pick<typeof browser.tabs, 'get' | 'update' | 'create' | 'getZoom'>;
  /** Runs the bridge in the tab and returns what it answered, as untrusted data. */
  injectBridge(tabId: number): Promise<unknown>;
  /**
   * Resolves once the tab has painted a frame (an isolated-world script waiting for two animation
   * frames: nothing the page can see); rejects where the tab cannot be scripted.
   */
  waitForPaint(tabId: number): Promise<void>;
  /** The visible area, masked and encoded, or why there can be none (utils/background/capture/visible.ts). */
  takeScreenshot(tab: { id: number; windowId: number; url: string }): Promise<DraftScreenshot | CaptureProblem>;
  /** The tab's failed requests as the browser saw them (webRequest). */
  networkLog(tabId: number): Promise<TabNetworkLog>;
  /** Browser, OS, languages, time zone… read by the background. */
  environment(): Promise<BrowserEnvironment>;
  drafts: DraftStore;
  /** The organisation's collection switches: what they turn off is never stored. */
  collection: CollectionSettings;
  composeUrl(draftId: string): string;
  now(): number;
  randomId(): string;
  sleep(ms: number): Promise<void>;
}

/** The bridge's answer, validated; null where the page cannot be scripted or its own facts are not believable. */
async function readPage(env: StartEnv, tabId: number) {
  const raw = await env.injectBridge(tabId).catch(() => null);
  return parsePageContext(raw, env.now());
}

async function observeTab(
  env: StartEnv,
  tab: Tab,
  context: ValidPageContext | null,
  rejected: Rejected,
): Promise<Observations> {
  const [log, environment, zoom] = await Promise.all([
    env.networkLog(tab.id!),
    env.environment(),
    env.tabs.getZoom(tab.id).catch(() => undefined),
  ]);
  const observed = observe(context, log, { ...environment, zoom, incognito: tab.incognito });
  return rejected.parts.length || rejected.entries ? { ...observed, rejected } : observed;
}

export async function startReport(tabId: number, env: StartEnv): Promise<Draft> {
  let tab = await env.tabs.get(tabId);
  if (!tab.active) {
    // From the popup opened as a page: the screenshot must show the reported page, not the popup.
    tab = (await env.tabs.update(tabId, { active: true })) ?? tab;
  }
  // Where the tab cannot be scripted (a page extensions may not touch) nothing tells us it painted.
  await env.waitForPaint(tabId).catch(() => env.sleep(150));
  const shot = await env.takeScreenshot({ id: tabId, windowId: tab.windowId, url: tab.url ?? '' });
  const { context, rejected } = await readPage(env, tabId);
  const observed = await observeTab(env, tab, context, rejected);
  const draft: Draft = applyCollectionSettings(
    {
      id: env.randomId(),
      ticketId: env.randomId(),
      createdAt: env.now(),
      tabId,
      page: { url: context?.url ?? tab.url ?? '', title: context?.title ?? tab.title ?? '' },
      context,
      observed,
      screenshot: typeof shot === 'string' ? null : shot,
      screenshotProblem: typeof shot === 'string' ? shot : undefined,
      description: '',
    },
    env.collection,
  );
  await env.drafts.put(draft);
  await env.tabs.create({
    url: env.composeUrl(draft.id),
    windowId: tab.windowId,
    index: tab.index + 1,
    openerTabId: tabId,
  });
  return draft;
}
