import type { RedactionRule } from './rule';

interface AdminPatternProblem {
  /** Position in the admin's list, so the options page can point at the line. */
  index: number;
  pattern: string;
  message: string;
}

export interface CompiledAdminPatterns {
  rules: RedactionRule[];
  problems: AdminPatternProblem[];
}

/**
 * An admin pattern is the source of a JavaScript regular expression, matched case-sensitively
 * (write [Tt]icket for either case); every match becomes `[REDACTED:custom]`. There is no syntax
 * for naming the kind: any prefix like `name=` would also be a valid regex (`secret=\d+`) and
 * change its meaning silently. A bad pattern is reported and left out; the others still apply.
 * Blank entries are skipped without a problem: they are empty lines, not mistakes.
 */
export function compileAdminPatterns(patterns: readonly string[]): CompiledAdminPatterns {
  const rules: RedactionRule[] = [];
  const problems: AdminPatternProblem[] = [];
  patterns.forEach((pattern, index) => {
    if (!pattern.trim()) return;
    let compiled: RegExp;
    try {
      compiled = new RegExp(pattern, 'g');
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^.*: /, '') : String(error);
      problems.push({
        index,
        pattern,
        message: `"${pattern}" is not a valid regular expression (${reason}); it was left out.`,
      });
      return;
    }
    if (matchesEmptyText(compiled)) {
      problems.push({
        index,
        pattern,
        message: `"${pattern}" can match empty text; make every match at least one character (+ rather than *). It was left out.`,
      });
      return;
    }
    rules.push({ kind: 'custom', pattern: compiled });
  });
  return { rules, problems };
}

/** Catches `a*`, `\b`, `^`, `x?`; a lookahead-only pattern slips through but the engine skips empty matches. */
function matchesEmptyText(pattern: RegExp): boolean {
  return ['', 'Ab 0_-.\n'].some((probe) => [...probe.matchAll(pattern)].some((match) => match[0] === ''));
}
