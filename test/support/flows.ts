/** What a person does with Mayday, step by step, by visible labels and button names. */
import type { Locator, Page } from 'playwright-core';
import { tabIdOf, type ExtensionBrowser } from './extension';

/** Opens the options page, lets `edit` change fields by their labels, and saves. */
export async function editOptions(ext: ExtensionBrowser, edit: (options: Page) => Promise<void>): Promise<void> {
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await edit(options);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
  await options.close();
}

export function configureEndpoint(ext: ExtensionBrowser, url: string, token: string): Promise<void> {
  return editOptions(ext, async (options) => {
    await options.getByLabel('Endpoint URL').fill(url);
    await options.getByLabel('Access token').fill(token);
  });
}

/**
 * Opens the toolbar popup's page as a tab, aimed at `target` (popup.html?tabId=) as the popup is at
 * the tab it opens over; without a target it lists the reports (also a retry trigger).
 */
export async function openPopup(ext: ExtensionBrowser, target?: Page): Promise<Page> {
  const query = target ? `?tabId=${await tabIdOf(ext, target)}` : '';
  const popup = await ext.context.newPage();
  await popup.goto(ext.pageUrl(`popup.html${query}`));
  return popup;
}

/** Opens the popup aimed at `target`, presses Report a problem and returns the report page that opens. */
export async function startReport(ext: ExtensionBrowser, target: Page, buttonName = 'Report a problem'): Promise<Page> {
  const popup = await openPopup(ext, target);
  const composeOpened = ext.context.waitForEvent('page', (p) => p.url().includes('/compose.html'));
  await popup.getByRole('button', { name: buttonName }).click();
  const compose = await composeOpened;
  await compose.locator('textarea').waitFor();
  await popup.close();
  return compose;
}

export async function describeAndSend(compose: Page, description: string): Promise<string> {
  await compose.getByLabel('What went wrong?').fill(description);
  await compose.getByRole('button', { name: 'Send report' }).click();
  const status = compose.getByRole('status');
  await status.filter({ hasText: /Report sent|Sending failed|Not sent yet|could not/ }).waitFor();
  return (await status.textContent()) ?? '';
}

/** The toolbar badge text, read from the extension's service worker. */
export async function badgeText(ext: ExtensionBrowser): Promise<string> {
  const worker = await ext.currentWorker();
  return worker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}));
}

/** What a field's aria-describedby points at (hint, "Set by your organisation", its problem), as read out. */
export function fieldDescription(field: Locator): Promise<string> {
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}
