/**
 * Message lookup for the technician-facing renderers. They take the lookup as an argument so the
 * background can render in the language the admin chose, not only the browser's (and tests can
 * render in every locale).
 */
import type { MessageKey } from '../i18n';

export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

export interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * A Translate over one `_locales/<lang>/messages.json`, with the placeholder rules of chrome.i18n.
 * @internal For Node, where there is no browser.i18n: tests render in every locale with it.
 */
export function messageLookup(messages: Record<string, LocaleMessage>): Translate {
  return (key, ...substitutions) => {
    const entry = messages[key];
    if (!entry) return key;
    const named = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
    return entry.message
      .replace(/\$(\w+)\$/g, (whole, name: string) => named.get(name.toLowerCase()) ?? whole)
      .replace(/\$(\$|\d)/g, (_, which: string) =>
        which === '$' ? '$' : String(substitutions[Number(which) - 1] ?? ''),
      );
  };
}
