import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

/** A UI string in the browser's language; every one lives in public/_locales. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

/** Marks a page with the language its strings are actually in (screen readers pick voices by it). */
export function localizeDocument(doc: Document) {
  doc.documentElement.lang = t('htmlLang');
}
