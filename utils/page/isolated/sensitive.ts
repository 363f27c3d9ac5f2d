import { PRIVATE_CONTAINERS } from '../../core/wire/page-protocol';

/**
 * Fields whose content never leaves the browser in a screenshot. One list for every capture path
 * (the visible shot's masking and the DOM renderer's clone), so they cannot drift apart.
 * autocomplete holds space-separated tokens ("section-x billing cc-number"), matched
 * case-insensitively because browsers read them that way.
 */
const SENSITIVE_SELECTORS: readonly string[] = [
  'input[type="password" i]',
  PRIVATE_CONTAINERS,
  '[autocomplete^="cc-" i]',
  '[autocomplete*=" cc-" i]',
  '[autocomplete~="one-time-code" i]',
  '[autocomplete~="new-password" i]',
  '[autocomplete~="current-password" i]',
];

/** Every field a person types into, for organisations that mask them all (maskAllInputs). */
const ALL_INPUTS: readonly string[] = [
  'input:not([type="hidden" i]):not([type="button" i]):not([type="submit" i]):not([type="reset" i])',
  'textarea',
  'select',
  '[contenteditable=""]',
  '[contenteditable="true" i]',
  '[contenteditable="plaintext-only" i]',
];

/**
 * What every capture masks: the built-in fields, the admin's selectors, and every input when the
 * organisation asks. One list for the visible shot, the whole page and one element.
 */
export function maskSelectorList(adminSelectors: readonly string[], maskAllInputs: boolean): string[] {
  return [...SENSITIVE_SELECTORS, ...adminSelectors, ...(maskAllInputs ? ALL_INPUTS : [])];
}
