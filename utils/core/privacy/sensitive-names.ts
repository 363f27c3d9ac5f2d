/**
 * Which names (object keys, headers, form fields, query parameters, words before a value) hold
 * secrets. A name is read word by word (camelCase, snake_case, kebab-case, dots, brackets), so a
 * vendor prefix changes nothing (`CLOUDFLARE_API_KEY`, `facebook_client_access_token`). Sentry
 * matches fragments anywhere in a name, which would hide `keyboard`, `monkey`, `author` and
 * `tokenizer`; here a word must be a secret word, or end in one (`clientsecret`, `csrftoken`).
 *
 * Two strengths. A strong name hides any value (`password`, `apiKey`, `Authorization`). A weak
 * name is also used for things that are not secrets (`key: "Enter"`, `session: "active"`,
 * `credentials: "include"`), so its value is hidden only when it looks generated.
 */

export type Sensitivity = 'strong' | 'weak';

/** Words that make a name strong wherever they stand, and one-word compounds ending in them. */
const STRONG_WORD =
  /^(?:[a-z0-9]*(?:password|passwd|passphrase|passcode|pwd|secret|token|jwt|bearer|csrf|xsrf|credential|sessid|sessionid|cookies?|apikey|accesskey|secretkey|privatekey|authkey|signingkey|encryptionkey|masterkey|clientkey|sessionkey|hmackey|licensekey|subscriptionkey)|pass|passe|mdp|motdepasse|jeton|sid|ssn|nir|otp|totp|hotp|cvv2?|cvc2?|csc|saml[a-z]*|authorization)$/;

/** Words whose value is hidden only when it looks generated. */
const WEAK_WORD = /^(?:[a-z]*auth|authn|authz|authentication|session|sso|credentials|signature|sig)$/;

/**
 * A word after a secret word that makes the name describe the secret rather than hold it:
 * `tokenType`, `passwordPolicy`, `sessionStorage`, `cookieEnabled`, `authDomain`.
 */
const META = new Set(
  (
    'type types kind count counts length len size limit limits max min usage used ttl timeout expiry expires ' +
    'expiration expired lifetime duration age time date timestamp created updated changed storage store ' +
    'provider providers method methods mode domain endpoint url uri path host server scheme name names label ' +
    'labels field fields input placeholder policy policies strength score rule rules required enabled disabled ' +
    'visible visibility shown show hidden valid validation validator status state error errors format version ' +
    'prefix location consent banner preference preferences settings manager strategy handler callback at in ' +
    'file files dir directory env variable var'
  ).split(' '),
);

/** Words in front of `key` that make it a credential: api key, access key, private key… */
const KEY_QUALIFIERS = new Set(
  (
    'api access secret private client app application auth signing sign encryption encrypt master license ' +
    'licence session subscription account shared service consumer webhook sas hmac ssh gpg pgp deploy admin ' +
    'ingest insert personal integration write root developer restricted management mgmt partner merchant bot ' +
    'x'
  ).split(' '),
);

/** Words in front of `key` that say it is no secret. */
const PLAIN_KEYS = new Set(
  (
    'public publishable pub primary foreign sort partition row cache i18n translation message react unique ' +
    'composite index lookup group map item list node object entity route query idempotency dedupe storage ' +
    'local event hot short shortcut keyboard sharding shard hash table column field attribute prop property ' +
    'state store redux component cursor page pagination next prev previous start end range'
  ).split(' '),
);

/** `*_tokens` that count tokens (language models) rather than hold them. */
const TOKEN_COUNTS = new Set(
  'max min prompt completion total num number input output cached reasoning remaining used available limit'.split(' '),
);

/** Query parameters also carry one-time codes: OAuth codes, OTPs, URL signatures, CAS tickets. */
const QUERY_STRONG_WORD = /^(?:sig|signature|passkey|ticket|auth|oauth|session|sso)$/;
const QUERY_LINK_WORD =
  /^(?:invite|invitation|reset|verify|verification|confirm|confirmation|activate|activation|magic|unsubscribe|otc)$/;
const CODE_QUALIFIERS = new Set(
  'auth authorization otp verification verify access security reset activation confirmation confirm invite invitation login magic recovery backup mfa one time device user'.split(
    ' ',
  ),
);

/** Cheap first look: a name without any of these is no secret, whatever its words. */
const HINT =
  /pass|pwd|secret|token|key|auth|sess|sid|cookie|cred|jwt|bearer|saml|csrf|xsrf|sso|sig|ssn|nir|otp|cvv|cvc|csc|mdp|jeton|code|ticket|invit|reset|verif|confirm|activat|magic|unsubscribe|otc/i;

const cache = new Map<string, Sensitivity | null>();
const queryCache = new Map<string, Sensitivity | null>();
/** Names repeat (the same keys in every entry); a bounded cache makes the second look free. */
const CACHE_SIZE = 4096;

function cached(
  map: Map<string, Sensitivity | null>,
  name: string,
  classify: (name: string) => Sensitivity | null,
): Sensitivity | null {
  let found = map.get(name);
  if (found === undefined) {
    found = HINT.test(name) ? classify(name) : null;
    if (map.size >= CACHE_SIZE) map.clear();
    map.set(name, found);
  }
  return found;
}

/** How strongly a key, header or field name says its value is a secret. */
export function keySensitivity(name: string): Sensitivity | null {
  return cached(cache, name, (n) => classify(nameWords(n), n, false));
}

/** The same for a URL query parameter, where codes, signatures and tickets are one-time secrets. */
export function querySensitivity(name: string): Sensitivity | null {
  return cached(queryCache, name, (n) => classify(nameWords(n), n, true));
}

function classify(words: readonly string[], name: string, query: boolean): Sensitivity | null {
  // A name ending in a word like `name`, `type` or `url` describes something (axios's
  // xsrfCookieName: "XSRF-TOKEN", passwordResetUrl): it is not the secret itself.
  if (words.length > 1 && META.has(words[words.length - 1])) return null;
  let weak = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const next = words[i + 1];
    if (next !== undefined && META.has(next)) continue;
    const previous = words[i - 1];
    if (word === 'key' || word === 'keys') {
      const found = keyWord(words, i, name, query);
      if (found === 'strong') return found;
      weak ||= found === 'weak';
      continue;
    }
    if (word === 'tokens') {
      if (previous === undefined || !TOKEN_COUNTS.has(previous)) return 'strong';
      continue;
    }
    if (word === 'session' && next !== undefined && /^(?:id|key|token|cookie|secret)$/.test(next)) return 'strong';
    if (STRONG_WORD.test(word)) return 'strong';
    if (query && QUERY_STRONG_WORD.test(word)) return 'strong';
    // ?invite=…, ?reset=…: the parameter of a one-time link.
    if (query && words.length === 1 && QUERY_LINK_WORD.test(word)) weak = true;
    if (word === 'code' || word === 'codes') {
      if (previous !== undefined && CODE_QUALIFIERS.has(previous)) return 'strong';
      // Alone, a query's code is mostly OAuth's; an object's, an error's.
      weak ||= query && words.length === 1;
      continue;
    }
    if (/^[a-z]*(?:auth|pass)code$/.test(word)) return 'strong';
    if (WEAK_WORD.test(word)) weak = true;
  }
  return weak ? 'weak' : null;
}

/** `key` is a credential after a qualifier (api key) or as a whole ENV_NAME; alone or last, maybe. */
function keyWord(words: readonly string[], i: number, name: string, query: boolean): Sensitivity | null {
  const previous = words[i - 1];
  if (previous !== undefined && KEY_QUALIFIERS.has(previous)) return 'strong';
  if (previous !== undefined && PLAIN_KEYS.has(previous)) return null;
  if (words.some((word) => word === 'public' || word === 'publishable')) return null;
  const last = i === words.length - 1;
  // CLOUDFLARE_KEY, STRIPE_SECRET: an environment variable, named the way credentials are.
  if (last && previous !== undefined && /^[A-Z0-9_]+$/.test(name) && name.includes('_')) return 'strong';
  if (words.length === 1) return query ? 'strong' : 'weak';
  return last ? 'weak' : null;
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

/** Status words that follow a secret's name in messages without being its value. */
const STOP_VALUES = new Set(
  (
    'null undefined none nil true false yes no on off empty set unset not is was are be been for of to from ' +
    'the a an and or in on at by with without ok failed failure error invalid incorrect wrong missing required ' +
    'optional expired expires expiry reset changed updated saved mismatch rejected accepted revoked refreshed ' +
    'refresh created deleted removed sent received valid verified unverified provided found stored cleared ' +
    'generated issued requested absent present hidden visible masked redacted weak strong field policy ' +
    'strength manager hint length too must should please login change validation include omit same-origin ' +
    'lax strict secure httponly pending active inactive unknown default disabled enabled filtered'
  ).split(' '),
);

export function isStopValue(value: string): boolean {
  return STOP_VALUES.has(value.toLowerCase()) || /^[*•xX.\-_]{3,}$|^<[^>]*>$|^\[[A-Za-z ]*\]$/.test(value);
}

/** Words as people write them: plain, Capitalised, UPPER, camelCase, joined by . _ - / : or spaces. */
const WORDY =
  /^(?:\p{Ll}+|\p{Lu}\p{Ll}+|\p{Lu}+|\p{Ll}+(?:\p{Lu}\p{Ll}+)+|\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+)(?:[ ._:/'-](?:\p{Ll}+|\p{Lu}\p{Ll}*|\p{Lu}+|\p{Ll}+(?:\p{Lu}\p{Ll}+)+))*$/u;
const NOT_SECRET =
  /^(?:\d{1,5}|\d{1,2}:\d{2}(?::\d{2})?|\d+:\d+|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?|v?\d+(?:\.\d+){1,3}(?:-[\w.]+)?|\d+(?:\.\d+)?(?:ms|s|px|%|kb|mb)|https?:\/\/\S*)$/i;

/**
 * Whether a value under a weak name, or after a name in running text, looks generated rather
 * than like words, a small number, a time or a version.
 */
export function looksGenerated(value: string): boolean {
  if (value.length < 4 || isStopValue(value)) return false;
  return !WORDY.test(value) && !NOT_SECRET.test(value);
}

/**
 * Whether a container under this name is hidden whole: under a strong name, and under a set of
 * credentials or keys. Under other weak names (`auth: {…}`, `session: {…}`, a Redux state's
 * slices) the walk goes inside, and the names there decide.
 */
export function hidesContainer(name: string, sensitivity: Sensitivity): boolean {
  return sensitivity === 'strong' || /credentials|keys$/i.test(name);
}
