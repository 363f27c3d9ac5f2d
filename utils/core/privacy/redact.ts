/**
 * The redaction walk: text, values at any depth, and JSON inside text, which call one another (a
 * JSON string holds values, a value holds text, a text may be JSON), so they live in one module.
 */
import { MARKER_OPEN, marker, type RedactionCounts, type RedactionRule, isRedacted } from './rule';
import { SCHEME } from './key-value-rules';
import { hidesContainer, keySensitivity, looksGenerated, type Sensitivity } from './sensitive-names';

/**
 * Applies the rules in order to one text and adds what it replaced to `counts` (an accumulator,
 * so one set of counts can cover a whole ticket). Counts follow the markers: a later rule that
 * swallows an earlier marker (a Cookie header holding a redacted sid) takes its count over, so
 * the numbers match what the helpdesk sees. A text that is JSON as a whole is redacted as the
 * value it holds, key by key, and written back.
 */
export function redactText(text: string, rules: readonly RedactionRule[], counts: RedactionCounts): string {
  const json = redactJsonText(text, rules, counts);
  if (json !== undefined) return json;
  let out = text;
  for (const rule of rules) {
    if (rule.mayMatch && !rule.mayMatch(out)) continue;
    out = applyRule(out, rule, rules, counts);
  }
  return out;
}

/**
 * exec() on the rule's own regex rather than matchAll, which clones it for every text: lastIndex
 * is set before each use and after each match, so a rule that redacts a part recursively (a
 * percent-encoded value) with the same rules cannot lose the outer pass's place.
 */
function applyRule(
  text: string,
  rule: RedactionRule,
  rules: readonly RedactionRule[],
  counts: RedactionCounts,
): string {
  const pattern = rule.pattern;
  let out = '';
  let copied = 0;
  let from = 0;
  for (;;) {
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (match === null) break;
    const found = match[0];
    const index = match.index;
    // An empty match would insert a marker between characters and hide nothing.
    if (!found) {
      from = index + 1;
      continue;
    }
    from = index + found.length;
    if (index < copied) continue;
    const replacement = rule.replace ? rule.replace(match, rules) : marker(rule.kind);
    if (replacement === null) continue;
    let start = index;
    let end = from;
    let added: string;
    if (typeof replacement === 'string') added = replacement;
    else ({ start, end, text: added } = replacement);
    if (start < copied || end <= start) continue;
    const removed = text.slice(start, end);
    if (added === removed) continue;
    out += text.slice(copied, start) + added;
    copied = end;
    if (end > from) from = end;
    tally(counts, removed, added);
  }
  pattern.lastIndex = 0;
  return copied === 0 ? text : out + text.slice(copied);
}

function tally(counts: RedactionCounts, removed: string, added: string): void {
  for (const kind of markerKinds(added)) counts[kind] = (counts[kind] ?? 0) + 1;
  for (const kind of markerKinds(removed)) {
    // Markers already in the input were never counted here: never go below zero.
    const left = (counts[kind] ?? 0) - 1;
    if (left > 0) counts[kind] = left;
    else delete counts[kind];
  }
}

/** indexOf rather than a regex: this runs once per replacement. */
function markerKinds(text: string): string[] {
  const kinds: string[] = [];
  for (let start = text.indexOf(MARKER_OPEN); start !== -1; start = text.indexOf(MARKER_OPEN, start + 1)) {
    const end = text.indexOf(']', start);
    if (end !== -1) kinds.push(text.slice(start + MARKER_OPEN.length, end));
  }
  return kinds;
}

/**
 * Text that is JSON as a whole (a logged response body, a stringified payload) is parsed,
 * redacted as the value it holds, and written back: every key is seen for what it is, at any
 * depth, and a string holding JSON of its own is handled the same way when its turn comes.
 */

/** Parsing costs memory; past this a text is redacted as text, which finds the same keys. */
const JSON_MAX = 1_000_000;

/**
 * The redacted JSON, `text` itself when nothing in it was a secret, or undefined when it is not
 * JSON. Written back with the text's own indentation; what changes beyond the markers is only
 * what JSON does not keep (spacing inside lines, escapes, number spelling).
 */
function redactJsonText(text: string, rules: readonly RedactionRule[], counts: RedactionCounts): string | undefined {
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
      const name: unknown = i > 0 ? value[i - 1] : undefined;
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
