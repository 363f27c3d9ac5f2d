/**
 * Key-based rules for text: a value is hidden because of the name in front of it. The forms
 * apps write: JSON and logged objects at any depth (`{request: {body: {password: "…"}}}`, with
 * `\"` when the JSON sits inside a JSON string), header lines (`Cookie: …`), assignments
 * (`password=…`, `--token=…`, cookie strings), `name: value` mid-line (`X-Api-Key: …`), console
 * arguments side by side (`password hunter2`, `"password", "hunter2"`), and name/value records
 * (`{name: "password", value: "…"}`, as HAR headers and serialised forms write them).
 *
 * One pass finds the words that can name a secret; the name around each is read, then what
 * follows it. A container under an ordinary name (`body: {…}`) is not taken whole: the pass goes
 * on inside it, so a secret is found at any depth.
 */
import { isRedacted, MARKER_OPEN, marker, type RedactionRule, type Span } from './rule';
import {
  hidesContainer,
  isStopValue,
  keySensitivity,
  looksGenerated,
  nameWords,
  type Sensitivity,
} from './sensitive-names';

const SECRET = marker('secret');
/** Names are bounded so a long run of word characters costs one short look. */
const NAME_MAX = 64;
/** Far past any field a ticket holds (5,000 characters): a runaway value stops here. */
const VALUE_MAX = 100_000;
/** Longer than any string the recorder keeps inside a logged object (300 characters). */
const STRING_MAX = 1_000;

function isNameChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 || // _
    code === 45 || // -
    code === 46 || // .
    code === 36 || // $
    code === 91 || // [
    code === 93 // ]
  );
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const isLineEnd = (text: string, i: number) =>
  i >= text.length || text[i] === '\n' || text[i] === '\r' || (text[i] === '\\' && /[nr]/.test(text[i + 1] ?? ''));

/** The quote at `i`: `"`, `'`, a backtick, or one escaped once (`\"`, JSON inside a JSON string). */
function quoteAt(text: string, i: number): string {
  const c = text[i];
  if (c === '"' || c === "'" || c === '`') return c;
  if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === "'")) return text.slice(i, i + 2);
  return '';
}

interface Value {
  /** Where the hidden part starts and ends: inside the quotes of a string. */
  start: number;
  end: number;
  /** Where the value ends, closing quote included. */
  after: number;
  quoted: boolean;
  container: boolean;
}

/** A quoted string from its opening quote; one cut off by truncation runs to the end of its line. */
function quotedValue(text: string, at: number, quote: string): Value {
  const start = at + quote.length;
  let i = start;
  const limit = Math.min(text.length, start + VALUE_MAX);
  if (quote.length === 2) {
    // Searched within the bound only: a text of unclosed quotes must not be read to its end each time.
    const found = text.slice(start, limit).indexOf(quote);
    const close = found === -1 ? -1 : start + found;
    const end = close === -1 ? lineEnd(text, start) : close;
    return { start, end, after: end + (close === end ? 2 : 0), quoted: true, container: false };
  }
  while (i < limit) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === quote) return { start, end: i, after: i + 1, quoted: true, container: false };
    else if (c === '\n' || c === '\r') break;
    else i++;
  }
  const end = Math.min(i, limit);
  return { start, end, after: end, quoted: true, container: false };
}

function lineEnd(text: string, from: number): number {
  let i = from;
  const limit = Math.min(text.length, from + VALUE_MAX);
  while (i < limit && !isLineEnd(text, i)) i++;
  return i;
}

/** `{…}` or `[…]` to its matching bracket, strings skipped; unclosed (a truncated log), to the end. */
function containerValue(text: string, at: number): Value {
  let depth = 0;
  const limit = Math.min(text.length, at + VALUE_MAX);
  for (let i = at; i < limit; i++) {
    const c = text[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (--depth === 0) return { start: at, end: i + 1, after: i + 1, quoted: false, container: true };
    } else if (c === '"' || c === "'") {
      // A string is skipped whole; a quote not closed on its line (or within what the recorder
      // keeps of a string) is an apostrophe in prose.
      const stop = Math.min(limit, i + 1 + STRING_MAX);
      let j = i + 1;
      while (j < stop && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (j < stop && text[j] === c) i = j;
    }
  }
  return { start: at, end: limit, after: limit, quoted: false, container: true };
}

const OBJECT_STOP = /[\s,;{}[\]()"'<>`]/;
const ASSIGN_STOP = /[\s&;,"'<>`()[\]{}]/;

function scalarValue(text: string, at: number, stop: RegExp): Value {
  let i = at;
  const limit = Math.min(text.length, at + VALUE_MAX);
  while (i < limit && !stop.test(text[i])) i++;
  return { start: at, end: i, after: i, quoted: false, container: false };
}

/**
 * The value at `at`: a string, a container, or a word of the given stop set. A container is
 * only read when it would be hidden whole: under other names the pass goes inside it anyway,
 * and reading it to its end for every name would cost the square of its length.
 */
function valueAt(text: string, at: number, stop: RegExp, wholeContainer: boolean): Value {
  if (text.startsWith(MARKER_OPEN, at)) {
    // An earlier rule's marker, which is no array.
    const end = text.indexOf(']', at) + 1;
    return { start: at, end, after: end, quoted: false, container: false };
  }
  const quote = quoteAt(text, at);
  if (quote) return quotedValue(text, at, quote);
  if (text[at] === '{' || text[at] === '[')
    return wholeContainer
      ? containerValue(text, at)
      : { start: at, end: at, after: at, quoted: false, container: true };
  return scalarValue(text, at, stop);
}

/** Values that stand for "nothing here", which hiding would only blur. */
function isPlaceholder(value: string): boolean {
  return (
    !value ||
    isRedacted(value) ||
    /^(?:null|undefined|true|false|none|nil|NaN)$/i.test(value) ||
    /^[*•xX]{3,}$|^<[^>]*>$|^\[(?:Filtered|Redacted|REDACTED|hidden|Circular|Object|Function|…)[^\]]*\]$/.test(value) ||
    // Documentation's placeholders: YOUR_SECRET_KEY, API_TOKEN_HERE.
    /^[A-Z]+(?:_[A-Z]+)+$/.test(value)
  );
}

/** `Bearer ` and friends stay in front of the marker, as the authorization rule leaves them. */
export const SCHEME = /^(?:Bearer|Basic|Token|SSWS|Bot|ApiKey|Api-Key|Digest|Negotiate|NTLM|OAuth)[ \t]+/i;

function hidden(text: string, value: Value, sensitivity: Sensitivity, requireLook: boolean, name = ''): Span | null {
  const content = text.slice(value.start, value.end);
  if (value.container) {
    // An empty container hides nothing, nor the recorder's `[…]` for one it did not go into.
    if (/^[[{]\s*…?\s*[\]}]?$/.test(content) || !hidesContainer(name, sensitivity)) return null;
    return { start: value.start, end: value.end, text: SECRET };
  }
  const scheme = SCHEME.exec(content)?.[0] ?? '';
  const secret = content.slice(scheme.length).trimEnd();
  if (isPlaceholder(secret) || (scheme && secret.startsWith('[REDACTED:'))) return null;
  // `Token: expired`, `password=required`: a status, not a value (a quoted string is kept as written).
  if (!value.quoted && isStopValue(secret)) return null;
  if ((sensitivity === 'weak' || requireLook) && !looksGenerated(secret)) return null;
  return { start: value.start + scheme.length, end: value.start + scheme.length + secret.length, text: SECRET };
}

/** Where the character before `at` (blanks skipped) is: for telling `{name: …` from prose. */
function previousChar(text: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && isBlank(text[i])) i--;
  if (i < 0) return '\n';
  if (text[i] === 'n' && text[i - 1] === '\\') return '\n';
  return text[i];
}

/**
 * Several words of prose: "This field is required.", "expired at 10:30, please log in." A
 * header line holding those is a message, not a header.
 */
function isProse(value: string): boolean {
  const words = value.trim().split(/\s+/);
  if (words.length < 3) return false;
  return words.filter((word) => /^[A-Za-z][a-z']*[.,!?:;]?$/.test(word)).length * 3 >= words.length * 2;
}

const PASSWORD_WORD = /^(?:pass|passe|password|passwd|pwd|passphrase|passcode|mdp|motdepasse|secret|pin|otp)$/;
/** Words that name a secret in running text, before its value: `password hunter2`, `API key …`. */
const SPOKEN_WORD =
  /^(?:[a-z]*(?:password|passwd|pwd|passphrase|passcode|secret|token|apikey)|passe|mdp|jeton|otp|key)$/;
const KEY_IN_PROSE = /(?:api|access|secret|private|client|license|licence|signing|encryption|cl[ée]) $/i;

/**
 * The words before a value in running text. `key` needs its qualifier in the text before it
 * (`API key`), and `passe` its `mot de`. A method (`user.getToken (…)`) is followed by a
 * parenthesis, which spokenValue refuses as a value.
 */
function spokenName(text: string, start: number, name: string): Sensitivity | null {
  // An identifier that names a secret by itself: PHPSESSID, connect.sid, TWILIO_AUTH_TOKEN.
  if (/[._A-Z]/.test(name.slice(1)) && keySensitivity(name) === 'strong') return 'strong';
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (!last || !SPOKEN_WORD.test(last)) return null;
  const before = text.slice(Math.max(0, start - 12), start);
  if (words.length === 1 && last === 'key') return KEY_IN_PROSE.test(before) ? 'strong' : null;
  if (last === 'passe') return /mot[ _-]de[ _-]$/i.test(before) ? 'strong' : null;
  return keySensitivity(name) === 'strong' || words.length === 1 ? 'strong' : null;
}

/** After a name with nothing between: `password hunter2`, `--token abc`, `"password", "hunter2"`. */
function spokenValue(
  text: string,
  start: number,
  end: number,
  name: string,
  nameQuote: string,
  flag: boolean,
  /** Where the name starts with its dashes, right after its quote. */
  nameStart = start,
): Span | null {
  let i = end;
  if (nameQuote) {
    // A pair of array items or console arguments: ["password", "hunter2"]. Not an object's
    // value followed by its next key: {"type": "password", "label": …}.
    const opening = previousChar(text, nameStart - nameQuote.length);
    if (opening !== '[' && opening !== ',' && opening !== '(') return null;
    if (text[i] === ':' || text[i] === '=') i++;
    if (!text.startsWith(nameQuote, i)) return null;
    i += nameQuote.length;
    while (isBlank(text[i])) i++;
    if (text[i] !== ',') return null;
    i++;
    while (isBlank(text[i])) i++;
    const quote = quoteAt(text, i);
    if (!quote && !/\d/.test(text[i] ?? '')) return null;
    const sensitivity = keySensitivity(name);
    if (sensitivity === null) return null;
    const value = valueAt(text, i, OBJECT_STOP, hidesContainer(name, sensitivity));
    let after = value.after;
    while (isBlank(text[after])) after++;
    if (text[after] === ':') return null;
    // A list of field names (["username", "password", "email"]) is no pair: the value must look
    // like one, or the array be the pair.
    const pair = opening === '[' && text[after] === ']';
    return hidden(text, value, sensitivity, !pair, name);
  }
  if (!isBlank(text[i])) return null;
  const sensitivity = flag ? keySensitivity(name) : spokenName(text, start, name);
  if (sensitivity !== 'strong' && !(flag && sensitivity)) return null;
  while (isBlank(text[i])) i++;
  const link = /^(?:is|was|=|->|→)[ \t]+/.exec(text.slice(i, i + 8));
  if (link) i += link[0].length;
  if (text[i] === '(' || text[i] === '-' || text[i] === '=') return null;
  const quote = quoteAt(text, i);
  const value = quote ? quotedValue(text, i, quote) : scalarValue(text, i, OBJECT_STOP);
  let valueEnd = value.end;
  while (valueEnd > value.start && /[.,:!?]/.test(text[valueEnd - 1]) && !quote) valueEnd--;
  const content = text.slice(value.start, valueEnd);
  if (isPlaceholder(content) || isStopValue(content) || content.startsWith('http')) return null;
  const taken = (looksGenerated(content) && content.length >= 6) || flag || passwordValue(text, name, content, value);
  if (!taken) return null;
  return { start: value.start, end: valueEnd, text: SECRET };
}

/**
 * After a password's name, a value that does not look generated is still taken when it ends the
 * line (`console.log('password', pw)`) or is a passphrase of words joined by dashes.
 */
function passwordValue(text: string, name: string, content: string, value: Value): boolean {
  if (content.length < 4 || !PASSWORD_WORD.test(nameWords(name).pop() ?? '')) return false;
  if (/^[a-z]+(?:[-_][a-z]+){2,}$/.test(content)) return true;
  return isLineEnd(text, value.after) || /^[.!]?\s*$/.test(text.slice(value.after, value.after + 2));
}

/**
 * The value after the name found at [start, end), by the form the text has around it, or null
 * when the name is no secret's or the value is nothing to hide.
 */
function valueAfterName(text: string, start: number, end: number): Span | null {
  const nameQuote = start > 0 ? quoteBefore(text, start) : '';
  // Leading dashes are a command-line flag's, trailing dots a sentence's.
  const dashes = start;
  while (start < end && (text[start] === '-' || text[start] === '.')) start++;
  const flag = start > dashes && text[dashes] === '-';
  while (end > start && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
  if (end - start < 2) return null;
  const name = text.slice(start, end);
  const code = name.charCodeAt(0);
  if (code >= 48 && code <= 57) return null;
  // A script's name in a stack frame (auth.5b8c2e1f.js:1:812) is no secret's name.
  if (/\.(?:m?[jt]sx?|css|map|vue|html?|json)$/i.test(name)) return null;
  let i = end;
  // A string that starts with the name: 'X-Api-Key: …' (a curl header), "password hunter2".
  let quotedLine = '';
  if (nameQuote) {
    if (!text.startsWith(nameQuote, i)) {
      // "password:", "hunter2": console arguments, the name's own colon inside its quotes.
      if ((text[i] === ':' || text[i] === '=') && text.startsWith(nameQuote, i + 1))
        return spokenValue(text, start, end, name, nameQuote, flag, dashes);
      quotedLine = nameQuote;
    } else i += nameQuote.length;
  }
  const quoted = nameQuote !== '' && quotedLine === '';
  while (isBlank(text[i])) i++;
  let separator = '';
  if (text[i] === ':' && text[i + 1] === '=') separator = ':=';
  else if (text[i] === ':' && text[i + 1] !== ':' && text[i + 1] !== '/') separator = ':';
  else if (text[i] === '=' && text[i + 1] === '>' && quoted) separator = '=>';
  else if (text[i] === '=' && text[i + 1] !== '=' && text[i + 1] !== '>' && text[i - 1] !== '!') separator = '=';
  if (!separator) return spokenValue(text, start, end, name, quoted ? nameQuote : '', flag, dashes);
  const sensitivity = keySensitivity(name);
  if (sensitivity === null) return null;
  i += separator.length;
  while (isBlank(text[i])) i++;
  // Pretty-printed JSON may put the value on the next line.
  if (quoted && (text[i] === '\n' || text[i] === '\r')) while (/\s/.test(text[i] ?? '')) i++;
  if (i >= text.length) return null;
  const before = quotedLine ? '\n' : previousChar(text, quoted ? dashes - nameQuote.length : dashes);
  if (separator === ':' && !quoted && before !== '{' && before !== ',') {
    // `TokenExpiredError: jwt expired` is an error message.
    if (/(?:error|exception|warning|failed)$/i.test(name)) return null;
    if (before === '\n') return headerValue(text, i, sensitivity, name, quotedLine.slice(-1) || '"');
    // Mid-line, `name: value` may be prose: the value must look like one, or end the line.
    const value = valueAt(text, i, OBJECT_STOP, hidesContainer(name, sensitivity));
    if (value.container || value.quoted) return hidden(text, value, sensitivity, false, name);
    const atLineEnd = isLineEnd(text, value.after);
    return hidden(text, value, sensitivity, !atLineEnd, name);
  }
  const stop = separator === '=' ? ASSIGN_STOP : OBJECT_STOP;
  return hidden(text, valueAt(text, i, stop, hidesContainer(name, sensitivity)), sensitivity, false, name);
}

/** The quote right before a name (`"password"`, `\"password\"`), or ''. */
function quoteBefore(text: string, start: number): string {
  const c = text[start - 1];
  if (c !== '"' && c !== "'" && c !== '`') return '';
  return text[start - 2] === '\\' ? '\\' + c : c;
}

/** A header line: the rest of the line is the value (every pair of a Cookie header), unless it is prose. */
function headerValue(
  text: string,
  at: number,
  sensitivity: Sensitivity,
  name: string,
  /** The quote of the string the line is in, if any: the value ends there. */
  closing = '"',
): Span | null {
  const quote = quoteAt(text, at);
  if (quote || text[at] === '{' || (text[at] === '[' && !text.startsWith(MARKER_OPEN, at)))
    return hidden(text, valueAt(text, at, OBJECT_STOP, hidesContainer(name, sensitivity)), sensitivity, false, name);
  let end = lineEnd(text, at);
  // A header inside a quoted string ends with it (looked for within the line only).
  const found = text.slice(at, end).indexOf(closing);
  if (found !== -1 && text[at + found - 1] !== '\\') end = at + found;
  const value = { start: at, end, after: end, quoted: false, container: false };
  if (isProse(text.slice(at, end))) return null;
  return hidden(text, value, sensitivity, false);
}

/**
 * Words that can be part of a secret's name, and the rest of the name after them: the match
 * ends where the name ends, so the next search starts after it.
 */
const NAME_HINT =
  /(?:pass|pwd|secret|token|key|auth|sess|sid|cookie|cred|jwt|bearer|saml|csrf|xsrf|sso|sig|ssn|nir|otp|cvv|cvc|csc|mdp|jeton|code)[\w$.\-[\]]{0,64}/gi;

export const keyValueRule: RedactionRule = {
  kind: 'secret',
  pattern: NAME_HINT,
  replace: (match) => {
    const text = match.input;
    let start = match.index;
    const stop = Math.max(0, start - NAME_MAX);
    while (start > stop && isNameChar(text.charCodeAt(start - 1))) start--;
    if (start > 0 && isNameChar(text.charCodeAt(start - 1))) return null;
    return valueAfterName(text, start, match.index + match[0].length);
  },
};

/**
 * `{name: "password", value: "…"}`, `{"name":"Authorization","value":"Bearer …"}`, `<input
 * name="csrf_token" value="…">`: the secret's name is a value, and the value sits beside it (a
 * few fields such as `type` may stand between).
 */
export const namedFieldRule: RedactionRule = {
  kind: 'secret',
  pattern:
    /(?<![\w$-])(["']?)(?:name|key|field|param|header|id)\1[ \t]*[:=][ \t]*(["'])([^"'\r\n]{1,64})\2(?:[ \t]*,[ \t]*|[ \t]+)(?:["']?[\w-]{1,20}["']?[ \t]*[:=][ \t]*(?:"[^"\r\n]{0,64}"|'[^'\r\n]{0,64}'|[\w.-]{1,64})(?:[ \t]*,[ \t]*|[ \t]+)){0,4}(["']?)value\4[ \t]*[:=][ \t]*/gi,
  mayMatch: (text) => text.includes('value'),
  replace: (match) => {
    const sensitivity = keySensitivity(match[3]);
    if (sensitivity === null) return null;
    const at = match.index + match[0].length;
    const whole = hidesContainer(match[3], sensitivity);
    return hidden(match.input, valueAt(match.input, at, OBJECT_STOP, whole), sensitivity, false, match[3]);
  },
};

/** `<password>…</password>`, `<ns:ApiKey>…</ns:ApiKey>`: XML and SOAP bodies in logs. */
export const xmlElementRule: RedactionRule = {
  kind: 'secret',
  pattern: /<((?:[A-Za-z_][\w.-]{0,31}:)?([A-Za-z_][\w.-]{0,63}))(?:[ \t][^<>]{0,512})?>([^<]{1,4096})<\/\1>/g,
  mayMatch: (text) => text.includes('</'),
  replace: (match) => {
    const [found, , name, content] = match;
    const sensitivity = keySensitivity(name);
    if (sensitivity === null || isPlaceholder(content.trim())) return null;
    if (sensitivity === 'weak' && !looksGenerated(content.trim())) return null;
    // The text ends the match, before the closing tag `</tag>`.
    const end = match.index + found.length - match[1].length - 3;
    return { start: end - content.length, end, text: SECRET };
  },
};
