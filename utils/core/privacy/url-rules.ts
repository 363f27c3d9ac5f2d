/**
 * Rules for secrets carried inside URLs: credentials before the host, webhook URLs whose path is
 * the secret, tokens in the path of reset and invitation links, and query or fragment
 * parameters. Percent-encoded values are decoded before the other rules look at them.
 */
import { redactText } from './redact';
import { isRedacted, marker, type RedactionRule, type Span } from './rule';
import { looksGenerated, querySensitivity } from './sensitive-names';

/** `https://user:pass@host` -> `https://[REDACTED:url-userinfo]@host`: scheme and host stay (a Sentry DSN's key too). */
export const urlUserinfoRule: RedactionRule = {
  kind: 'url-userinfo',
  pattern: /:\/\/[^\s/?#@"'<>\\]+@/g,
  replace: () => `://${marker('url-userinfo')}@`,
  mayMatch: (text) => text.includes('://'),
};

/**
 * Incoming-webhook URLs are credentials by themselves: whoever has one can post. The host and
 * the fixed part of the path stay, so the helpdesk sees which service it was.
 */
const WEBHOOKS: ReadonlyArray<readonly [kind: string, source: string]> = [
  ['slack-webhook', String.raw`hooks\.slack\.com\/(?:services|workflows|triggers)\/`],
  ['discord-webhook', String.raw`(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/`],
  ['teams-webhook', String.raw`[\w-]+\.webhook\.office\.com\/webhookb2\/`],
  ['teams-webhook', String.raw`outlook\.office(?:365)?\.com\/webhook\/`],
  ['google-chat-webhook', String.raw`chat\.googleapis\.com\/v1\/spaces\/[\w-]+\/messages\?`],
];

export const webhookUrlRule: RedactionRule = {
  kind: 'webhook',
  pattern: new RegExp(
    `(?:${WEBHOOKS.map(([, source]) => `(${source})`).join('|')})([^\\s"'<>\\\\\`()]{8}[^\\s"'<>\\\\\`()]*)`,
    'g',
  ),
  mayMatch: (text) => /hooks\.slack|discord|webhook|chat\.googleapis/.test(text),
  replace: (match) => {
    const i = match.slice(1, -1).findIndex((group) => group !== undefined);
    return match[i + 1] + marker(WEBHOOKS[i][0]);
  },
};

/**
 * Path words of links that carry a one-time secret after them: password reset, invitation,
 * e-mail verification, account activation, magic sign-in, unsubscribe. The segments after the
 * word that look generated are the token (`/reset/MQ/5z1-8f2c9a1b7d3e` keeps `MQ`, the user id).
 */
const LINK_WORD =
  /(?:reset|invit|verif|confirm|activat|magic|unsubscribe|optout|opt-out|password|passwd|recover|token|claim|redeem|accept|approve|validate|onboard|join|one-time|otp|passwordless|sign-in-link|login-link)/i;

export const urlPathRule: RedactionRule = {
  kind: 'url-path',
  // The rest is looked at, not taken: the next word may be the link's (/account/reset/…).
  pattern: /\/([A-Za-z][\w.~-]{1,63})(?=((?:\/[^/?#\s"'<>\\`()[\]{}|,;]{1,512}){1,6}))/g,
  mayMatch: (text) => text.includes('/'),
  replace: (match) => {
    const [found, word, rest] = match;
    if (!LINK_WORD.test(word)) return null;
    let changed = false;
    const segments = rest
      .slice(1)
      .split('/')
      .map((segment) => {
        // A stack frame's :line:column after the URL is not part of the token.
        const position = /(?::\d+){1,2}$/.exec(segment)?.[0] ?? '';
        const body = segment.slice(0, segment.length - position.length);
        if (!looksLikePathToken(body)) return segment;
        changed = true;
        return marker('url-path') + position;
      });
    const start = match.index + found.length;
    return changed ? { start, end: start + rest.length, text: `/${segments.join('/')}` } : null;
  },
};

function looksLikePathToken(segment: string): boolean {
  if (segment.length < 8 || isRedacted(segment)) return false;
  const decoded = decodePercent(segment);
  // A file the page loads (reset.3f9a1c2b.chunk.js) is no token.
  if (/\.(?:m?js|css|map|png|jpe?g|gif|svg|webp|ico|woff2?|ttf|json|html?|txt|pdf|xml)$/i.test(decoded)) return false;
  if (!/^[\w.~=+-]+$/.test(decoded)) return false;
  // Letters and digits mixed all along (5z1-8f2c9a1b, a UUID), not a reference people made
  // (INV-2024-0042, order-1234).
  if (letterDigitChanges(decoded) >= 3) return true;
  return decoded.length >= 16 && looksGenerated(decoded) && !/^\d+$/.test(decoded);
}

function letterDigitChanges(text: string): number {
  let changes = 0;
  let previous = '';
  for (const c of text) {
    const kind = c >= '0' && c <= '9' ? 'd' : /[A-Za-z]/.test(c) ? 'l' : '';
    if (!kind) continue;
    if (previous && kind !== previous) changes++;
    previous = kind;
  }
  return changes;
}

/**
 * The value of a parameter in a query, a fragment written like one (`#access_token=…`, OAuth's
 * implicit flow), `;jsessionid=` path parameters, or form data. A sensitive name hides the value
 * whatever it is; any other percent-encoded value is decoded and redacted as text
 * (`?next=%2Freset%3Ftoken%3D…`, `?email=jane%40example.org`). The name stays, and so does the
 * `:line:column` a stack frame puts after a script URL.
 */
export const urlParamRule: RedactionRule = {
  kind: 'url-param',
  pattern: /([?&#;])([^\s=&#?;"'<>\\]{1,64})=([^\s&#?;"'<>\\`()]+?)((?::\d+:\d+)?)(?=[\s&#?;"'<>\\`()]|$)/g,
  mayMatch: (text) => text.includes('='),
  replace: (match, rules) => {
    const [found, separator, rawName, value, position] = match;
    if (isRedacted(value)) return null;
    const name = rawName.includes('%') ? decodePercent(rawName) : rawName;
    const sensitivity = querySensitivity(name);
    if (sensitivity === 'strong' || (sensitivity === 'weak' && looksGenerated(decodePercent(value))))
      return `${separator}${rawName}=${marker('url-param')}${position}`;
    if (!/%[0-9A-Fa-f]{2}/.test(value)) return null;
    return decodedRedaction(match, found.length - value.length - position.length, value, rules);
  },
};

/** Redacts a percent-encoded value as the text it stands for, and encodes it back around the markers. */
function decodedRedaction(
  match: RegExpExecArray,
  valueOffset: number,
  value: string,
  rules: readonly RedactionRule[],
): Span | null {
  const decoded = decodePercent(value);
  if (decoded === value) return null;
  // Counted by the caller, from the markers in what replaces the value.
  const redacted = redactText(decoded, rules, {});
  if (redacted === decoded) return null;
  const start = match.index + valueOffset;
  return { start, end: start + value.length, text: encodeAroundMarkers(redacted) };
}

function encodeAroundMarkers(text: string): string {
  return text
    .split(/(\[REDACTED:[a-z0-9-]+\])/)
    .map((part, i) => (i % 2 === 1 ? part : encodeURIComponent(part)))
    .join('');
}

/** Percent-escapes one run at a time, so one malformed sequence does not stop the rest. */
function decodePercent(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
