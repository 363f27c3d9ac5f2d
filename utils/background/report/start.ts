/**
 * Starting a report: bring the tab to the front, read the page through the on-demand bridge,
 * capture what is on screen, add what the background observed itself, keep it all as a draft,
 * and open the report page on it.
 */
import type { Browser, browser } from 'wxt/browser';
import type { BrowserEnvironment } from '../../core/capture/environment';
import type { TabNetworkLog } from '../../core/capture/network-log';
import { observe, type Observations } from '../../core/capture/observations';
import { pageContextSchema, type ValidPageContext } from '../../core/wire/page-schemas';
import type { CaptureProblem } from '../../core/capture/restricted';
import { applyCollectionSettings, type CollectionSettings } from '../../core/report/collection';
import type { Draft, DraftScreenshot, DraftStore } from '../../core/model/draft';

type Tab = Browser.tabs.Tab;

export interface StartEnv {
  tabs: Pick<typeof browser.tabs, 'get' | 'update' | 'create' | 'getZoom'>;
  /** Runs the bridge in the tab and returns what it answered, as untrusted data. */
  injectBridge(tabId: number): Promise<unknown>;
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

/** The bridge's answer, validated; null where the page cannot be scripted or answered nonsense. */
async function readPage(env: StartEnv, tabId: number): Promise<ValidPageContext | null> {
  const raw = await env.injectBridge(tabId).catch(() => null);
  const parsed = pageContextSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

async function observeTab(env: StartEnv, tab: Tab, context: ValidPageContext | null): Promise<Observations> {
  const [log, environment, zoom] = await Promise.all([
    env.networkLog(tab.id!),
    env.environment(),
    env.tabs.getZoom(tab.id).catch(() => undefined),
  ]);
  return observe(context, log, { ...environment, zoom, incognito: tab.incognito });
}

export async function startReport(tabId: number, env: StartEnv): Promise<Draft> {
  let tab = await env.tabs.get(tabId);
  if (!tab.active) {
    // From the popup opened as a page: the screenshot must show the reported page, not the popup.
    tab = (await env.tabs.update(tabId, { active: true })) ?? tab;
  }
  const context = await readPage(env, tabId);
  // Without the bridge (a page extensions may not script) nothing told us the page painted.
  if (!context) await env.sleep(150);
  const [shot, observed] = await Promise.all([
    env.takeScreenshot({ id: tabId, windowId: tab.windowId, url: tab.url ?? '' }),
    observeTab(env, tab, context),
  ]);
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
