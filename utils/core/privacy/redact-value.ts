import { redactText } from './redact-text';
import { isRedacted, marker, type RedactionCounts, type RedactionRule } from './rule';
import { isSensitiveKey } from './sensitive-names';

/** Paths a walk leaves as they are: `true` skips the subtree; `'*'` stands for every array element. */
export interface SkipTree {
  readonly [key: string]: SkipTree | true;
}

const SKIP_NOTHING: SkipTree = {};

/**
 * Redacts every string in a JSON-like value, wherever it sits, so a field added later is
 * covered without anyone listing it. Under a sensitive key (`password`, `Authorization`,
 * `sessionId`) every string is hidden whatever it looks like. Builds new arrays and objects;
 * skipped subtrees are shared with the input, which is never changed.
 */
export function redactValue(
  value: unknown,
  rules: readonly RedactionRule[],
  counts: RedactionCounts,
  skip: SkipTree = SKIP_NOTHING,
): unknown {
  if (typeof value === 'string') return redactText(value, rules, counts);
  if (Array.isArray(value)) {
    const elements = skip['*'] ?? SKIP_NOTHING;
    return elements === true ? value : value.map((element) => redactValue(element, rules, counts, elements));
  }
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => {
      const below = skip[key] ?? SKIP_NOTHING;
      if (below === true) return [key, field];
      if (isSensitiveKey(key)) return [key, hideStrings(field, counts)];
      return [key, redactValue(field, rules, counts, below)];
    }),
  );
}

/** Numbers and booleans keep their type (a schema expects them); strings become markers. */
function hideStrings(value: unknown, counts: RedactionCounts): unknown {
  if (typeof value === 'string') {
    if (!value || isRedacted(value)) return value;
    counts.secret = (counts.secret ?? 0) + 1;
    return marker('secret');
  }
  if (Array.isArray(value)) return value.map((element) => hideStrings(element, counts));
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, hideStrings(field, counts)]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
