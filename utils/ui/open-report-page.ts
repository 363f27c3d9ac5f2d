/** Opens a report's page at its conversation with the helpdesk, from the popup. */
import { browser } from 'wxt/browser';

export function reportPageUrl(draftId: string): string {
  return browser.runtime.getURL(`/compose.html?draft=${encodeURIComponent(draftId)}#conversation`);
}

export async function openReportPage(draftId: string): Promise<void> {
  await browser.tabs.create({ url: reportPageUrl(draftId) });
}
