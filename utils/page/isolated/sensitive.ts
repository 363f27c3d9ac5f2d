/**
 * Fields whose content never leaves the browser in a screenshot. One list for every capture path
 * (the visible shot's masking and the DOM renderer's clone), so they cannot drift apart.
 * autocomplete holds space-separated tokens ("section-x billing cc-number"), matched
 * case-insensitively because browsers read them that way.
 */
export const SENSITIVE_SELECTORS: readonly string[] = [
  'input[type="password" i]',
  '[data-private]',
  '[data-mayday-mask]',
  '[autocomplete^="cc-" i]',
  '[autocomplete*=" cc-" i]',
  '[autocomplete~="one-time-code" i]',
  '[autocomplete~="new-password" i]',
  '[autocomplete~="current-password" i]',
];
