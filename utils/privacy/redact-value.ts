import { redactText } from './redact-text';
import { isRedacted, marker, type RedactionCounts, type RedactionRule } from './rule';
import { SCHEME } from './key-value-rules';
import { hidesContainer, keySensitivity, looksGenerated, type Sensitivity } from './sensitive-names';

/** Paths a walk leaves as they are: `true` skips the subtree; `'*'` stands for every array element. */
export interface SkipTree {
  readonly [key: string]: SkipTree | true;
}

export interface WalkOptions {
  /**
   * The value came from JSON text and goes back to text: a number under a secret's name is
   * hidden too (`"otp": 123456`). In a ticket, numbers keep their type for the schema.
   */
  json?: boolean;
}

const SKIP_NOTHING: SkipTree = {};

/**
 * Redacts every string in a JSON-like value, wherever it sits, so a field added later is
 * covered without anyone listing it. Under a secret's name (`password`, `Authorization`,
 * `sessionId`) every string is hidden whatever it looks like; under a weak one (`key`,
 * `session`), a string that looks generated. An array holding a secret's name and then a value
 * (`['password', 'hunter2']`, console arguments) and a name/value record (`{name: 'password',
 * value: …}`) hide the value too. Builds new arrays and objects; skipped subtrees are shared
 * with the input, which is never changed.
 */
export function redactValue(
  value: unknown,
  rules: readonly RedactionRule[],
  counts: RedactionCounts,
  skip: SkipTree = SKIP_NOTHING,
  options: WalkOptions = {},
): unknown {
  if (typeof value === 'string') return redactText(value, rules, counts);
  if (Array.isArray(value)) {
    const elements = skip['*'] ?? SKIP_NOTHING;
    if (elements === true) return value;
    return value.map((element, i) => {
      const name = i > 0 ? value[i - 1] : undefined;
      const sensitivity = typeof name === 'string' && name.length <= 64 ? argumentName(name) : null;
      // A list of field names (['username', 'password', 'email']) is no pair: the value must look
      // like one, or the array be the pair.
      if (
        sensitivity &&
        (typeof element === 'string' || typeof element === 'number') &&
        (value.length === 2 || looksGenerated(String(element)))
      )
        return hideScalar(element, sensitivity, counts, options, rules);
      return redactValue(element, rules, counts, elements, options);
    });
  }
  if (!isPlainObject(value)) return value;
  const record = recordName(value);
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => {
      const below = skip[key] ?? SKIP_NOTHING;
      if (below === true) return [key, field];
      const sensitivity = key === 'value' && record ? record : keySensitivity(key);
      const container = typeof field === 'object' && field !== null;
      if (sensitivity === 'strong' || (sensitivity === 'weak' && container && hidesContainer(key, sensitivity)))
        return [key, hideAll(field, counts, options)];
      if (sensitivity === 'weak' && (typeof field === 'string' || typeof field === 'number'))
        return [key, hideScalar(field, sensitivity, counts, options, rules)];
      return [key, redactValue(field, rules, counts, below, options)];
    }),
  );
}

/** An array item that names the next one: `'password'`, `'password:'`, `'--token'`. */
function argumentName(item: string): Sensitivity | null {
  const name = /^-{0,2}([A-Za-z][\w .-]*?)\s*[:=]?$/.exec(item.trim())?.[1];
  return name ? keySensitivity(name) : null;
}

/** `{name: 'password', value: …}`: the record's name says what its value is. */
function recordName(value: Record<string, unknown>): Sensitivity | null {
  if (!('value' in value)) return null;
  const name = value.name ?? value.key ?? value.field ?? value.header;
  return typeof name === 'string' && name.length <= 64 ? keySensitivity(name) : null;
}

function hideScalar(
  value: string | number,
  sensitivity: Sensitivity,
  counts: RedactionCounts,
  options: WalkOptions,
  rules: readonly RedactionRule[],
): unknown {
  if (typeof value === 'number') {
    const hide = options.json && (sensitivity === 'strong' || String(value).length >= 6);
    return hide ? count(counts) : value;
  }
  if (!value || isRedacted(value)) return value;
  if (sensitivity === 'weak' && !looksGenerated(value)) return redactText(value, rules, counts);
  return hideString(value, counts);
}

/** `Bearer ` and friends stay in front of the marker, as in text. */
function hideString(value: string, counts: RedactionCounts): string {
  if (!value || isRedacted(value)) return value;
  const scheme = SCHEME.exec(value)?.[0] ?? '';
  const rest = value.slice(scheme.length);
  if (!rest || isRedacted(rest)) return value;
  return scheme + count(counts);
}

/** Numbers and booleans keep their type (a schema expects them) unless the value goes back to text. */
function hideAll(value: unknown, counts: RedactionCounts, options: WalkOptions): unknown {
  if (typeof value === 'string') return hideString(value, counts);
  if (typeof value === 'number') return options.json ? count(counts) : value;
  if (Array.isArray(value)) return value.map((element) => hideAll(element, counts, options));
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, hideAll(field, counts, options)]));
}

function count(counts: RedactionCounts): string {
  counts.secret = (counts.secret ?? 0) + 1;
  return marker('secret');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
