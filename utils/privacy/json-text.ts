/**
 * Text that is JSON as a whole (a logged response body, a stringified payload) is parsed,
 * redacted as the value it holds, and written back: every key is seen for what it is, at any
 * depth, and a string holding JSON of its own is handled the same way when its turn comes.
 */
import { redactValue } from './redact-value';
import type { RedactionCounts, RedactionRule } from './rule';

/** Parsing costs memory; past this a text is redacted as text, which finds the same keys. */
const JSON_MAX = 1_000_000;

/**
 * The redacted JSON, `text` itself when nothing in it was a secret, or undefined when it is not
 * JSON. Written back with the text's own indentation; what changes beyond the markers is only
 * what JSON does not keep (spacing inside lines, escapes, number spelling).
 */
export function redactJsonText(
  text: string,
  rules: readonly RedactionRule[],
  counts: RedactionCounts,
): string | undefined {
  if (text.length < 2 || text.length > JSON_MAX || !looksLikeJson(text)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const found: RedactionCounts = {};
  let redacted: unknown;
  try {
    redacted = redactValue(parsed, rules, found, undefined, { json: true });
  } catch {
    // Nested deeper than the stack allows ([[[[…]]]]): the text rules read it instead.
    return undefined;
  }
  if (Object.keys(found).length === 0) return text;
  for (const [kind, n] of Object.entries(found)) counts[kind] = (counts[kind] ?? 0) + n;
  return JSON.stringify(redacted, null, indentation(text));
}

/** Char codes rather than a regex: this runs on every text, most of which are not JSON. */
function looksLikeJson(text: string): boolean {
  let first = 0;
  while (first < text.length && text.charCodeAt(first) <= 32) first++;
  let last = text.length - 1;
  while (last > first && text.charCodeAt(last) <= 32) last--;
  const open = text.charCodeAt(first);
  const close = text.charCodeAt(last);
  return (open === 123 && close === 125) || (open === 91 && close === 93);
}

function indentation(text: string): string | undefined {
  return /^\s*[[{]\r?\n([ \t]+)/.exec(text)?.[1];
}
