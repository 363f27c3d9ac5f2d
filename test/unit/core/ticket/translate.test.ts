import { describe, expect, it } from 'vitest';
import enMessages from '../../../../public/_locales/en/messages.json';
import frMessages from '../../../../public/_locales/fr/messages.json';
import { messageLookup, type LocaleMessage } from '../../../../utils/core/ticket/translate';

const en: Record<string, LocaleMessage> = enMessages;
const fr: Record<string, LocaleMessage> = frMessages;
const placeholders = (entry: LocaleMessage) => Object.keys(entry.placeholders ?? {}).sort();

describe('messageLookup', () => {
  it('fills named placeholders in order, as chrome.i18n does', () => {
    const t = messageLookup({
      two: { message: 'Sent $B$ to $A$ ($$5)', placeholders: { a: { content: '$1' }, b: { content: '$2' } } },
    });
    expect(t('two' as never, 'Ana', 3)).toBe('Sent 3 to Ana ($5)');
  });

  it('leaves a substitution that looks like a placeholder as it is', () => {
    const t = messageLookup({ one: { message: 'Error: $D$', placeholders: { d: { content: '$1' } } } });
    expect(t('one' as never, '$1 $D$ $$')).toBe('Error: $1 $D$ $$');
  });

  it('answers the key itself for a missing message', () => {
    expect(messageLookup({})('reportHeading')).toBe('reportHeading');
  });
});

describe('the locales', () => {
  it('have the same keys and the same placeholders in English and French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect([key, placeholders(fr[key])]).toEqual([key, placeholders(en[key])]);
    }
  });
});
