/**
 * What a redaction rule is, and the marker it leaves behind. A marker names the kind of secret
 * that stood there, so the helpdesk still sees that a token was sent without seeing it.
 */

/** A replacement of any part of the text, by position: for rules whose match is only where to start looking. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface RedactionRule {
  /** Names the marker (`[REDACTED:<kind>]`) unless `replace` writes its own. Lowercase, digits and dashes. */
  readonly kind: string;
  /**
   * A regex with the `g` flag; each match is offered to `replace`. It must stay linear and
   * shallow on huge texts: start matches with a lookbehind where a token starts, and bound
   * every repeated group and counted loop (`x{8}x*`, not `x{8,}`), because V8 keeps a backtrack
   * entry per repetition of those and a run of millions overflows its stack.
   */
  readonly pattern: RegExp;
  /** A cheap test that lets the engine skip the pass when the text cannot hold a match. */
  readonly mayMatch?: (text: string) => boolean;
  /**
   * The text that replaces one match, or null to keep the match. Without it the whole match
   * becomes the rule's marker. Rules that keep context (a parameter name, `Bearer`) return it
   * around a marker. A Span replaces another part of the text instead (a value after the name
   * the pattern found); it must not start before the match. Matching goes on after whatever
   * was replaced. `rules` are all the rules of the pass, for a rule that redacts a part of its
   * match as text of its own (a percent-encoded value).
   */
  readonly replace?: (match: RegExpExecArray, rules: readonly RedactionRule[]) => string | Span | null;
}

/** Redactions applied, by kind: what goes into `ticket.capture.redactions`. */
export type RedactionCounts = Record<string, number>;

export const MARKER_OPEN = '[REDACTED:';

export function marker(kind: string): string {
  return `${MARKER_OPEN}${kind}]`;
}

/** A value that is nothing but a marker (maybe quoted) was already redacted by an earlier rule. */
export function isRedacted(value: string): boolean {
  return /^(["']?)\[REDACTED:[a-z0-9-]+\]\1$/.test(value);
}
