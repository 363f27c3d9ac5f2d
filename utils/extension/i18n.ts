import { browser } from 'wxt/browser';
import type { MessageKey } from '../core/i18n';

/** A UI string in the browser's language; every one lives in public/_locales. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

/** Marks a page with the language its strings are actually in (screen readers pick voices by it). */
export function localizeDocument(doc: Document) {
  doc.documentElement.lang = t('htmlLang');
}
