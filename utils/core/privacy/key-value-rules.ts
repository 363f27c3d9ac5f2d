/**
 * Key-based rules for text: a value is hidden because of the name in front of it, whatever it
 * looks like. Three written forms: JSON and logged objects (`"token": "…"`, `{token: "…"}`),
 * header lines (`Cookie: …`), and assignments (`password=…`, form data, cookie strings).
 */
import { isRedacted, marker, type RedactionRule } from './rule';
import { isSensitiveKey } from './sensitive-names';

/**
 * A quoted string; one cut off by truncation runs to the end of its line. The loop is unrolled
 * so only escapes cost regex stack, and they are capped (see RedactionRule.pattern) far above
 * what a ticket field holds (5,000 characters at most).
 */
const QUOTED = String.raw`"[^"\\\r\n]*(?:\\.[^"\\\r\n]*){0,10000}(?:"|$|(?=[\r\n]))|'[^'\\\r\n]*(?:\\.[^'\\\r\n]*){0,10000}(?:'|$|(?=[\r\n]))`;
/** Names are bounded so a long run of word characters costs one short look, not a scan per position. */
const NAME = String.raw`[A-Za-z_$][\w$.\-[\]]{0,63}`;

/**
 * `"key": value` with the name quoted (JSON) or not (how the recorder logs objects). The value
 * is a string, a number or word, or a flat array or object (all of it hidden: `"apiKeys": […]`).
 * Unquoted name and unquoted value is only taken inside an object (after `{` or `,`): at the
 * start of a sentence it is prose ("Session: expired") and the header rule decides.
 */
export const jsonKeyRule: RedactionRule = {
  kind: 'secret',
  pattern: new RegExp(
    String.raw`(?<![\w$.\-])(["']?)(${NAME})\1[ \t]*:[ \t]*(${QUOTED}|\[[^[\]{}]*\]|\{[^{}]*\}|[^\s"',;{}[\]]+)`,
    'g',
  ),
  mayMatch: (text) => text.includes(':'),
  replace: (match) => {
    const [found, nameQuote, name, value] = match;
    if (!isWorthRedacting(name, value)) return null;
    if (!isQuoted(value)) {
      if (!nameQuote && !insideObject(match.input, match.index)) return null;
      if (/^(?:null|undefined|true|false)$/.test(value)) return null;
    }
    return withValueRedacted(found, value);
  },
};

function insideObject(text: string, nameStart: number): boolean {
  let i = nameStart - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return text[i] === '{' || text[i] === ',';
}

/**
 * `Authorization: Bearer …`, `Cookie: …`, `X-Api-Key: …` at the start of a line: the rest of the
 * line is the value (a Cookie header's every pair). An auth scheme stays, like the
 * authorization rule does; quoted values were the JSON rule's.
 */
export const headerLineRule: RedactionRule = {
  kind: 'secret',
  pattern: /^([ \t]*[A-Za-z][A-Za-z0-9-]{0,63}[ \t]*:[ \t]*)([^\s"'][^\r\n]*)/gm,
  mayMatch: (text) => text.includes(':'),
  replace: ([, head, value]) => {
    const name = head.slice(0, head.indexOf(':')).trim();
    // `TokenExpiredError: jwt expired` is an error message, not a header.
    if (!isSensitiveKey(name) || /(?:error|exception|warning)$/i.test(name)) return null;
    const scheme = /^(?:Bearer|Basic|Token)[ \t]+/i.exec(value)?.[0] ?? '';
    if (isRedacted(value.slice(scheme.length).trimEnd())) return null;
    return head + scheme + marker('secret');
  },
};

/** `password=…`, `user[password]=…`, `sid=…; theme=dark`: the value up to a separator or quote. */
export const assignmentRule: RedactionRule = {
  kind: 'secret',
  pattern: new RegExp(
    String.raw`(?<![\w$.\-[\]])(${NAME})[ \t]*=[ \t]*(${QUOTED}|[^\s&;,"'<>\x60=][^\s&;,"'<>\x60]*)`,
    'g',
  ),
  mayMatch: (text) => text.includes('='),
  replace: ([found, name, value]) => (isWorthRedacting(name, value) ? withValueRedacted(found, value) : null),
};

/** An empty value hides nothing; a marker is an earlier rule's work. */
function isWorthRedacting(name: string, value: string): boolean {
  return isSensitiveKey(name) && !isRedacted(value) && !['""', "''", '[]', '{}'].includes(value);
}

function isQuoted(value: string): boolean {
  return value[0] === '"' || value[0] === "'";
}

/** The match with its value (at its end) swapped for a marker; the value's quotes stay. */
function withValueRedacted(found: string, value: string): string {
  const quote = isQuoted(value) ? value[0] : '';
  const closed = quote && value.length > 1 && value.endsWith(quote);
  return found.slice(0, -value.length) + quote + marker('secret') + (closed ? quote : '');
}
