import { MARKER_OPEN, marker, type RedactionCounts, type RedactionRule } from './rule';

/**
 * Applies the rules in order to one text and adds what it replaced to `counts` (an accumulator,
 * so one set of counts can cover a whole ticket). Counts follow the markers: a later rule that
 * swallows an earlier marker (a Cookie header holding a redacted sid) takes its count over, so
 * the numbers match what the helpdesk sees.
 */
export function redactText(text: string, rules: readonly RedactionRule[], counts: RedactionCounts): string {
  let out = text;
  for (const rule of rules) {
    if (rule.mayMatch && !rule.mayMatch(out)) continue;
    out = applyRule(out, rule, counts);
  }
  return out;
}

function applyRule(text: string, rule: RedactionRule, counts: RedactionCounts): string {
  let out = '';
  let copied = 0;
  for (const match of text.matchAll(rule.pattern)) {
    const found = match[0];
    // An empty match would insert a marker between characters and hide nothing.
    if (!found) continue;
    const replacement = rule.replace ? rule.replace(match) : marker(rule.kind);
    if (replacement === null || replacement === found) continue;
    out += text.slice(copied, match.index) + replacement;
    copied = match.index + found.length;
    tally(counts, found, replacement);
  }
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

/** indexOf rather than a regex: this runs once per replacement, and matchAll clones its regex. */
function markerKinds(text: string): string[] {
  const kinds: string[] = [];
  for (let start = text.indexOf(MARKER_OPEN); start !== -1; start = text.indexOf(MARKER_OPEN, start + 1)) {
    const end = text.indexOf(']', start);
    if (end !== -1) kinds.push(text.slice(start + MARKER_OPEN.length, end));
  }
  return kinds;
}
