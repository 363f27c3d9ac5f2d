import { redactJsonText } from './json-text';
import { MARKER_OPEN, marker, type RedactionCounts, type RedactionRule } from './rule';

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
