/** Rules for credentials recognisable by their own shape, wherever they appear. */
import { marker, type RedactionRule } from './rule';

/**
 * The body runs to the END line or, when a log line was cut before it, up to the next `-----`
 * or the end of the text: a truncated key must not leak its remaining lines. The body loop is
 * unrolled so only dashes, not every character, cost regex stack.
 */
export const privateKeyRule: RedactionRule = {
  kind: 'private-key',
  pattern:
    /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[^-]*(?:-(?!----)[^-]*)*(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----)?/g,
  mayMatch: (text) => text.includes('-----BEGIN'),
};

/** Starts only where a token starts: inside a long base64 run every `eyJ` would scan to its end. */
export const jwtRule: RedactionRule = {
  kind: 'jwt',
  pattern: /(?<![\w-])eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/g,
  mayMatch: (text) => text.includes('eyJ'),
};

/** `x{n}x*`, which V8 runs without stack per character, unlike `x{n,}` (see RedactionRule.pattern). */
function atLeast(chars: string, n: number): string {
  return `${chars}{${n}}${chars}*`;
}

/** gitleaks' prefixes; one alternation so the text is scanned once for all providers. */
const PROVIDER_KEYS: ReadonlyArray<readonly [kind: string, source: string]> = [
  ['aws-key', '(?:AKIA|ASIA)[0-9A-Z]{16}'],
  ['github-token', `gh[pousr]_${atLeast('[A-Za-z0-9]', 36)}|github_pat_${atLeast('\\w', 22)}`],
  ['gitlab-token', `glpat-${atLeast('[\\w-]', 20)}`],
  ['slack-token', `xox[abprs]-${atLeast('[A-Za-z0-9-]', 10)}`],
  ['stripe-key', `[rs]k_live_${atLeast('[A-Za-z0-9]', 20)}`],
  ['google-api-key', 'AIza[\\w-]{35}'],
  ['api-key', `sk-${atLeast('[\\w-]', 20)}`],
];

export const providerKeyRule: RedactionRule = {
  kind: 'api-key',
  pattern: new RegExp(`\\b(?:${PROVIDER_KEYS.map(([, source]) => `(${source})`).join('|')})`, 'g'),
  replace: (match) => {
    const provider = match.findIndex((group, i) => i > 0 && group !== undefined) - 1;
    const [kind] = PROVIDER_KEYS[provider];
    // `sk-` also starts kebab-case names (sk-loading-spinner-…); real keys are random and hold digits.
    if (kind === 'api-key' && !/\d/.test(match[0])) return null;
    return marker(kind);
  },
};

/**
 * The scheme stays (`Bearer [REDACTED:authorization]`). Case-insensitive, so prose follows the
 * words too ("Token validation failed"): the value must look generated, with a digit, a base64
 * symbol or a capital inside it.
 */
export const authorizationRule: RedactionRule = {
  kind: 'authorization',
  pattern: /\b(?:Bearer|Basic|Token)[ \t]+([A-Za-z0-9._~+/=-]+)/gi,
  replace: (match) => {
    const value = match[1];
    if (value.length < 8 || !looksGenerated(value)) return null;
    return match[0].slice(0, -value.length) + marker('authorization');
  },
};

function looksGenerated(value: string): boolean {
  return /[\d+/=_~]/.test(value) || (/.[A-Z]/.test(value) && /[a-z]/.test(value));
}
