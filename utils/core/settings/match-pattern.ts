/**
 * Match patterns as browsers read them for content scripts
 * (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns), so the sites an
 * admin blocks are the same for the recorder's registration and for the report flow's check.
 * Ports are refused: Firefox rejects them, and Chrome ignores the port when none is given.
 */
export interface MatchPattern {
  schemes: string[];
  /** '*' for any host, '*.example.org' for the domain and its subdomains, or one host. */
  host: string;
  /** Glob on path and query: '*' stands for any run of characters. */
  path: RegExp;
}

const SCHEMES = ['http', 'https', 'ws', 'wss', 'file', 'ftp'];
const ALL_URLS: MatchPattern = { schemes: SCHEMES, host: '*', path: /^.*$/s };

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 's');
}

/** The parsed pattern, or null when a browser would refuse it. */
export function parseMatchPattern(pattern: string): MatchPattern | null {
  if (pattern === '<all_urls>') return ALL_URLS;
  const parts = /^(\*|[a-z]+):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!parts) return null;
  const [, scheme, host, path] = parts;
  if (scheme !== '*' && !SCHEMES.includes(scheme)) return null;
  if (scheme === 'file' ? host !== '' : host === '') return null;
  if (host.includes(':') || /\s/.test(host)) return null;
  if (host !== '*' && host.slice(1).includes('*')) return null;
  if (host.startsWith('*') && host !== '*' && !host.startsWith('*.')) return null;
  return { schemes: scheme === '*' ? ['http', 'https', 'ws', 'wss'] : [scheme], host, path: globToRegExp(path) };
}

/**
 * A host as browsers compare it: lower case, international names in their ASCII (punycode) form,
 * without the trailing dot of a fully qualified name (`intranet.example.` is `intranet.example`).
 */
function normaliseHost(host: string): string {
  const wildcard = host.startsWith('*.') ? '*.' : '';
  const name = host.slice(wildcard.length);
  if (name === '*' || name === '') return host;
  let ascii = name.toLowerCase();
  try {
    ascii = new URL(`http://${name}/`).hostname;
  } catch {
    /* not a host a URL can hold: compared as typed, lower case */
  }
  return wildcard + ascii.replace(/\.+$/, '');
}

function hostMatches(pattern: string, hostname: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) {
    const domain = pattern.slice(2);
    return hostname === domain || hostname.endsWith(`.${domain}`);
  }
  return hostname === pattern;
}

function urlMatches(pattern: MatchPattern, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const scheme = parsed.protocol.slice(0, -1);
  if (!pattern.schemes.includes(scheme)) return false;
  // Both sides normalised: an admin may type capitals or an accented name, a page a trailing dot.
  if (!hostMatches(normaliseHost(pattern.host), normaliseHost(parsed.hostname))) return false;
  return pattern.path.test(parsed.pathname + parsed.search);
}

/** True when `url` matches any of `patterns` (invalid patterns never match). */
export function matchesAny(patterns: readonly string[], url: string): boolean {
  return patterns.some((p) => {
    const parsed = parseMatchPattern(p);
    return parsed !== null && urlMatches(parsed, url);
  });
}
