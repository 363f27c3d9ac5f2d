/**
 * Every way into a report besides the toolbar popup: the keyboard shortcut and the page's context
 * menu. Each starts the same flow for the right tab; the screenshot is taken before any Mayday
 * page opens over it. On a blocked site the popup opens instead, to say so.
 */
import type { browser as Browser } from 'wxt/browser';
import type { MessageKey } from '../core/i18n';
import type { StartResult } from '../extension/messaging';
import { toolbarButton } from './toolbar-button';

export const REPORT_COMMAND = 'report-problem';
const REPORT_MENU_ID = 'mayday-report-page';

export function registerWaysIn(
  api: typeof Browser,
  begin: (tabId: number) => Promise<StartResult>,
  t: (key: MessageKey) => string,
) {
  const start = async (tabId: number | undefined) => {
    if (tabId === undefined || tabId < 0) return;
    const result = await begin(tabId);
    if (!result.ok && result.problem === 'blocked-site')
      await toolbarButton(api)
        .openPopup()
        .catch(() => undefined);
  };
  const createMenu = async () => {
    await api.contextMenus.removeAll();
    api.contextMenus.create({
      id: REPORT_MENU_ID,
      title: t('contextMenuReport'),
      contexts: ['page', 'frame', 'selection', 'link', 'image', 'video', 'audio', 'editable'],
    });
  };

  api.runtime.onStartup.addListener(() => void createMenu());
  api.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === REPORT_MENU_ID) void start(tab?.id);
  });
  const startInActiveTab = async (tab: { id?: number } | undefined) => {
    const [active] = tab?.id !== undefined ? [tab] : await api.tabs.query({ active: true, lastFocusedWindow: true });
    await start(active?.id);
  };
  api.commands.onCommand.addListener((command, tab) => {
    if (command === REPORT_COMMAND) void startInActiveTab(tab);
  });
  return { createMenu };
}
