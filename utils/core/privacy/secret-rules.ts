/** Rules for credentials recognisable by their own shape, wherever they appear. */
import { INFIX_KEYS, PROVIDER_KEYS, type ProviderKey } from './provider-keys';
import { marker, type RedactionRule } from './rule';
import { looksGenerated } from './sensitive-names';

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

/** Where a token may start: not inside a word, but right after an escaped newline (`\\nghp_…` in JSON). */
const TOKEN_START = String.raw`(?:(?<=\\[nrt])|(?<![A-Za-z0-9_]))`;

/**
 * One alternation, so the text is scanned once for all providers; the group that took part
 * names it. Formats are grouped by their first character (`g(?:(h[pousr]_…)|(ithub_pat_…))`):
 * V8 tries the alternatives of a position in turn, and a group fails on its one character.
 */
const GROUPED = groupByFirstCharacter(PROVIDER_KEYS);

export const providerKeyRule: RedactionRule = {
  kind: 'api-key',
  pattern: new RegExp(`${TOKEN_START}(?:${GROUPED.source})`, 'g'),
  replace: (match) => {
    const provider = GROUPED.order[groupIndex(match)];
    if (provider.check && !provider.check(match[0])) return null;
    return marker(provider.kind);
  },
};

/** The formats known by a part inside them: the token starts where the lookbehind's group does. */
export const infixKeyRule: RedactionRule = {
  kind: 'api-key',
  pattern: new RegExp(
    INFIX_KEYS.map(({ before, infix, after }) => `${infix}(?<=(${before})${infix})${after}`).join('|'),
    'g',
  ),
  replace: (match) => {
    const i = groupIndex(match);
    const provider = INFIX_KEYS[i];
    const start = match.index - match[i + 1].length;
    if (start < 0) return null;
    if (start > 0 && /[A-Za-z0-9_]/.test(match.input[start - 1])) return null;
    const end = match.index + match[0].length;
    if (provider.check && !provider.check(match.input.slice(start, end))) return null;
    return { start, end, text: marker(provider.kind) };
  },
};

function groupByFirstCharacter(keys: readonly ProviderKey[]): { source: string; order: ProviderKey[] } {
  const groups = new Map<string, ProviderKey[]>();
  for (const key of keys) {
    // A source opening with a group or a class stays whole.
    const first = /^[A-Za-z0-9_]/.test(key.source) ? key.source[0] : key.source;
    groups.set(first, [...(groups.get(first) ?? []), key]);
  }
  const order: ProviderKey[] = [];
  const parts = [...groups].map(([first, members]) => {
    order.push(...members);
    if (first.length > 1) return `(${first})`;
    return `${first}(?:${members.map(({ source }) => `(${source.slice(1)})`).join('|')})`;
  });
  return { source: parts.join('|'), order };
}

/** Which capturing group (0-based) matched: each alternative has exactly one. */
function groupIndex(match: RegExpExecArray): number {
  for (let i = 1; i < match.length; i++) if (match[i] !== undefined) return i - 1;
  return -1;
}

/**
 * The scheme stays (`Bearer [REDACTED:authorization]`). Case-insensitive, so prose follows the
 * words too ("Token validation failed"), and documentation shows placeholders ("Bearer
 * YOUR_SECRET_KEY"): the value must look generated, not like words.
 */
export const authorizationRule: RedactionRule = {
  kind: 'authorization',
  pattern: /\b(?:Bearer|Basic|Token|SSWS|Bot|ApiKey|Api-Key|Negotiate|NTLM|FlyV1)[ \t]+([A-Za-z0-9._~+/=-]+)/gi,
  replace: (match) => {
    const value = match[1];
    if (value.length < 8 || !looksGenerated(value)) return null;
    return match[0].slice(0, -value.length) + marker('authorization');
  },
};
