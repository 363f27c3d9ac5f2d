/** Runs rules over one text and returns both results, so a test can assert them in one line. */
import { redactText } from '../../../../utils/core/privacy/redact';
import type { RedactionCounts, RedactionRule } from '../../../../utils/core/privacy/rule';

export function redact(text: string, ...rules: RedactionRule[]): { text: string; counts: RedactionCounts } {
  const counts: RedactionCounts = {};
  return { text: redactText(text, rules, counts), counts };
}
