/**
 * Which names (object keys, headers, form fields, query parameters) hold secrets. Sentry matches
 * its fragments anywhere in a name, which would hide `keyboard`, `monkey` and `author`; here the
 * fragments that hide inside everyday words must be a whole word of the name.
 */

/** Fragments no everyday word contains: they may sit anywhere in a name (accessToken, PHPSESSID). */
const ANYWHERE = /token|secret|passw(?:or)?d|passphrase|pwd|jwt|bearer|saml|csrf|xsrf|credential|cookie|session|sessid/;

/** Short fragments (auth, key, sid, sso): a whole word, or one of a few compounds written as one word. */
const WHOLE_WORD =
  /^(?:(?:o|x|basic|proxy)?auth(?:orization|entication|n|z|key|code)?|(?:api|access|private|secret|client|app|auth|signing|encryption|master|license|session|subscription)?keys?|sid|sso[a-z0-9]*)$/;
const WHOLE_WORD_HINT = /auth|key|sid|sso/;

/**
 * Query parameters also carry one-time secrets: OAuth codes, OTPs, URL signatures, `pass`.
 * Not for object keys: `code` there is mostly an error code the helpdesk needs.
 */
const QUERY_WHOLE_WORD =
  /^(?:pass(?:code|key)?|sig(?:nature)?|(?:auth|otp|verification|access|security|reset|activation|confirmation)?code|[th]?otp)$/;
const QUERY_HINT = /pass|sig|code|otp/;

export function isSensitiveKey(name: string): boolean {
  const lower = name.toLowerCase();
  if (ANYWHERE.test(lower)) return true;
  return WHOLE_WORD_HINT.test(lower) && nameWords(name).some((word) => WHOLE_WORD.test(word));
}

export function isSensitiveQueryParam(name: string): boolean {
  if (isSensitiveKey(name)) return true;
  return QUERY_HINT.test(name.toLowerCase()) && nameWords(name).some((word) => QUERY_WHOLE_WORD.test(word));
}

/** Where camelCase, acronyms and digits start a new word. */
const WORD_START = /(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/g;

/** `X-API-Key` -> x, api, key; `oauth2Token` -> oauth, 2, token; `XSRFToken` -> xsrf, token. */
export function nameWords(name: string): string[] {
  return name
    .replace(WORD_START, ' ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
