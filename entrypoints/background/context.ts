/**
 * What every concern of the background shares: the effective settings, the extension's origin and
 * how tickets are built now. Created once in index.ts and handed to each register… function.
 */
import { browser } from 'wxt/browser';
import { compileAdminPatterns, DEFAULT_RULES } from '@/utils/core/privacy';
import type { BuildContext } from '@/utils/core/ticket/build';
import type { Settings } from '@/utils/core/settings/schema';
import { reportingAllowed } from '@/utils/core/settings/sites';
import { t } from '@/utils/extension/i18n';
import { getEffectiveSettings } from '@/utils/extension/settings';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export const settingsNow = async (): Promise<Settings> => (await getEffectiveSettings()).settings;

export async function tabAllowed(tabId: number): Promise<boolean> {
  return reportingAllowed((await browser.tabs.get(tabId)).url, await settingsNow());
}

/** How tickets are built now: the admin's redaction patterns run after the default rules. */
export async function buildContext(): Promise<() => BuildContext> {
  const { redactionPatterns } = await settingsNow();
  const rules = [...DEFAULT_RULES, ...compileAdminPatterns(redactionPatterns).rules];
  return () => ({
    now: Date.now(),
    extensionVersion: browser.runtime.getManifest().version,
    fallbackUserAgent: navigator.userAgent,
    fallbackLanguage: navigator.language,
    t,
    rules,
  });
}
