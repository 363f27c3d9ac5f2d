/**
 * Published token formats, by provider: what the provider's own documentation and the public
 * scanners (gitleaks' rule set, secretlint's rules, GitHub secret scanning's partner list) say a
 * token starts with and is made of. Written here rather than taken from one of those packages:
 * docs/privacy.md says why. Each format is a prefix no ordinary text has, then the token's
 * alphabet for at least its published length; the rest of the run goes too, so a longer token
 * is hidden whole. Formats with no prefix (an Okta token, a Postmark server token, a Datadog
 * key) are hidden by the name in front of them (key-value-rules.ts), not here.
 */

export interface ProviderKey {
  /** The marker's kind: `[REDACTED:github-token]`. */
  readonly kind: string;
  /** A regex source starting with a literal prefix, without capturing groups. */
  readonly source: string;
  /** A further test of what matched, for prefixes ordinary text can also have. */
  readonly check?: (token: string) => boolean;
}

/** `x{n}x*`, which V8 runs without stack per character, unlike `x{n,}` (see RedactionRule.pattern). */
function atLeast(chars: string, n: number): string {
  return `${chars}{${n}}${chars}*`;
}

const ALNUM = '[A-Za-z0-9]';
const WORD = '[A-Za-z0-9_]';
const URLSAFE = '[A-Za-z0-9_-]';
const BASE64 = '[A-Za-z0-9+/]';
const HEX = '[a-f0-9]';
const hasDigit = (token: string) => /\d/.test(token);

export const PROVIDER_KEYS: readonly ProviderKey[] = [
  // Code hosts and package registries.
  { kind: 'github-token', source: `gh[pousr]_${atLeast(ALNUM, 36)}` },
  { kind: 'github-token', source: `github_pat_${atLeast(WORD, 22)}` },
  {
    kind: 'gitlab-token',
    source: `gl(?:pat|dt|rt|ptt|ft|imt|agent|oas|soat|cbt|ffct|rtr)-${atLeast(URLSAFE, 20)}(?:\\.${URLSAFE}*)?`,
  },
  { kind: 'gitlab-token', source: `GR1348941${atLeast(URLSAFE, 20)}` },
  { kind: 'bitbucket-token', source: `ATBB${atLeast('[A-Za-z0-9_=.-]', 28)}` },
  { kind: 'atlassian-token', source: `AT(?:ATT|CTT|OAT)3${atLeast('[A-Za-z0-9_=-]', 60)}` },
  { kind: 'npm-token', source: `npm_${atLeast(ALNUM, 36)}` },
  { kind: 'pypi-token', source: `pypi-AgE${atLeast(URLSAFE, 50)}` },
  { kind: 'docker-token', source: `dckr_(?:pat|oat)_${atLeast(URLSAFE, 27)}` },
  { kind: 'rubygems-key', source: `rubygems_${atLeast(HEX, 48)}` },
  // Chat.
  { kind: 'slack-token', source: `xox[abposre]-${atLeast('[A-Za-z0-9-]', 10)}` },
  { kind: 'slack-token', source: `xoxe\\.xox[bp]-${atLeast('[A-Za-z0-9-]', 10)}` },
  { kind: 'slack-token', source: `xapp-\\d-${atLeast('[A-Za-z0-9-]', 10)}` },
  { kind: 'telegram-token', source: `bot\\d{6,12}:AA${atLeast(URLSAFE, 30)}` },
  // Payment.
  { kind: 'stripe-key', source: `(?:sk|rk)_(?:live|test|prod)_${atLeast(ALNUM, 16)}` },
  { kind: 'stripe-key', source: `whsec_${atLeast(BASE64, 24)}` },
  {
    kind: 'braintree-token',
    source: `access_token\\$(?:production|sandbox)\\$${atLeast('[0-9a-z]', 16)}\\$${atLeast(HEX, 32)}`,
  },
  { kind: 'square-token', source: `sq0(?:atp|csp)-${atLeast(URLSAFE, 22)}` },
  { kind: 'square-token', source: `EAAA${atLeast(URLSAFE, 60)}` },
  { kind: 'adyen-key', source: `AQE${atLeast('[A-Za-z0-9+/=]', 40)}[A-Za-z0-9+/=-]*` },
  { kind: 'shippo-token', source: `shippo_(?:live|test)_${atLeast(HEX, 40)}` },
  { kind: 'easypost-key', source: `EZ[AT]K${atLeast(ALNUM, 54)}` },
  // Email and messaging.
  { kind: 'sendgrid-key', source: `SG\\.${atLeast(URLSAFE, 22)}\\.${atLeast(URLSAFE, 43)}` },
  { kind: 'mailgun-key', source: `(?:key|pubkey)-${atLeast('[a-f0-9]', 32)}` },
  { kind: 'brevo-key', source: `x(?:keysib|smtpsib)-${atLeast(HEX, 64)}-${atLeast(ALNUM, 16)}` },
  { kind: 'mailersend-token', source: `mlsn\\.${atLeast(HEX, 64)}` },
  { kind: 'resend-key', source: `re_${atLeast(ALNUM, 8)}_${atLeast(ALNUM, 24)}` },
  { kind: 'twilio-key', source: `SK${atLeast('[0-9a-fA-F]', 32)}` },
  // Cloud.
  { kind: 'aws-key', source: `(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)${atLeast('[0-9A-Z]', 16)}` },
  { kind: 'aws-key', source: `ABSK${atLeast('[A-Za-z0-9+/=]', 100)}` },
  { kind: 'google-api-key', source: `AIza${atLeast(URLSAFE, 35)}` },
  { kind: 'google-token', source: `GOCSPX-${atLeast(URLSAFE, 28)}` },
  { kind: 'google-token', source: `ya29\\.${atLeast('[A-Za-z0-9_.-]', 30)}` },
  { kind: 'google-token', source: `1//0${atLeast(URLSAFE, 40)}` },
  { kind: 'digitalocean-token', source: `do[opr]_v1_${atLeast(HEX, 64)}` },
  { kind: 'heroku-key', source: `HRKU-${atLeast(URLSAFE, 40)}` },
  { kind: 'cloudflare-token', source: `(?:cfk|cfut|cfat)_${atLeast(ALNUM, 40)}` },
  { kind: 'cloudflare-token', source: `v1\\.0-${atLeast(HEX, 24)}-${atLeast(HEX, 100)}` },
  { kind: 'vercel-token', source: `vc[pirak]_${atLeast(ALNUM, 24)}` },
  { kind: 'netlify-token', source: `nfp_${atLeast(ALNUM, 36)}` },
  { kind: 'flyio-token', source: `fo1_${atLeast(URLSAFE, 43)}` },
  { kind: 'flyio-token', source: `fm[12][ar]?_${atLeast('[A-Za-z0-9+/=_-]', 60)}` },
  { kind: 'supabase-key', source: `sb(?:p|_secret)_${atLeast(URLSAFE, 32)}` },
  { kind: 'databricks-token', source: `dapi${atLeast(HEX, 32)}(?:-\\d)?` },
  { kind: 'planetscale-token', source: `pscale_(?:tkn|pw|oauth)_${atLeast('[A-Za-z0-9_.=-]', 32)}` },
  { kind: 'pulumi-token', source: `pul-${atLeast(HEX, 40)}` },
  { kind: 'tailscale-key', source: `tskey-[a-z]{2,20}-${atLeast(WORD, 6)}-${atLeast(WORD, 16)}` },
  // Commerce, productivity, design.
  { kind: 'shopify-token', source: `shp(?:at|ss|ca|pa)_${atLeast('[a-fA-F0-9]', 32)}` },
  { kind: 'linear-key', source: `lin_(?:api|oauth)_${atLeast(ALNUM, 40)}` },
  { kind: 'notion-token', source: `ntn_\\d{11}${atLeast(ALNUM, 35)}` },
  { kind: 'notion-token', source: `secret_${atLeast(ALNUM, 43)}` },
  { kind: 'airtable-token', source: `pat${atLeast(ALNUM, 14)}\\.${atLeast(HEX, 64)}` },
  { kind: 'figma-token', source: `figd_${atLeast(URLSAFE, 40)}` },
  { kind: 'postman-key', source: `PMAK-${atLeast(HEX, 24)}-${atLeast(HEX, 34)}` },
  { kind: 'contentful-token', source: `CFPAT-${atLeast(URLSAFE, 43)}` },
  { kind: 'mapbox-token', source: `sk\\.eyJ${atLeast('[A-Za-z0-9_.-]', 60)}` },
  // Observability.
  { kind: 'newrelic-key', source: `NR(?:AK|JS|II|AA)-${atLeast('[A-Za-z0-9-]', 19)}` },
  { kind: 'grafana-token', source: `glc_${atLeast(BASE64, 32)}={0,2}` },
  { kind: 'grafana-token', source: `glsa_${atLeast(ALNUM, 32)}_${atLeast('[A-Fa-f0-9]', 8)}` },
  { kind: 'grafana-token', source: `eyJrIjoi${atLeast(BASE64, 50)}={0,2}` },
  { kind: 'sentry-token', source: `sntry[su]_${atLeast('[A-Za-z0-9+/=_]', 40)}` },
  { kind: 'dynatrace-token', source: `dt0c01\\.${atLeast('[A-Z0-9]', 24)}\\.${atLeast('[A-Z0-9]', 64)}` },
  // Secrets managers and identity.
  { kind: 'vault-token', source: `hv[sbr]\\.${atLeast(URLSAFE, 24)}` },
  {
    kind: 'vault-token',
    source: `s\\.${atLeast(ALNUM, 24)}`,
    check: (token) => /\d/.test(token) && /[a-z]/.test(token) && /[A-Z]/.test(token.slice(2)),
  },
  { kind: 'doppler-token', source: `dp\\.(?:pt|st|ct|sa|scim|audit)\\.${atLeast(ALNUM, 40)}` },
  { kind: 'onepassword-token', source: `ops_eyJ${atLeast('[A-Za-z0-9+/=]', 100)}` },
  {
    kind: 'onepassword-key',
    source: `A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}`,
  },
  { kind: 'age-key', source: `AGE-SECRET-KEY-1${atLeast('[0-9A-Z]', 58)}` },
  // AI APIs.
  { kind: 'anthropic-key', source: `sk-ant-(?:api|admin|oat|ort)\\d{2}-${atLeast(URLSAFE, 40)}` },
  { kind: 'openai-key', source: `sk-(?:proj|svcacct|admin|None)-${atLeast(URLSAFE, 40)}` },
  { kind: 'openai-key', source: `sk-${atLeast(ALNUM, 20)}T3BlbkFJ${atLeast(ALNUM, 20)}` },
  { kind: 'api-key', source: `sk-${atLeast(URLSAFE, 20)}`, check: hasDigit },
  { kind: 'groq-key', source: `gsk_${atLeast(ALNUM, 52)}` },
  { kind: 'huggingface-token', source: `(?:hf|api_org)_${atLeast(ALNUM, 34)}` },
  { kind: 'replicate-token', source: `r8_${atLeast(ALNUM, 37)}` },
  { kind: 'perplexity-key', source: `pplx-${atLeast(ALNUM, 48)}` },
  { kind: 'xai-key', source: `xai-${atLeast(ALNUM, 70)}` },
];

/** A format known by a part inside it: what stands before that part, the part, what follows. */
export interface InfixKey {
  readonly kind: string;
  readonly before: string;
  readonly infix: string;
  readonly after: string;
  readonly check?: (token: string) => boolean;
}

/**
 * Formats whose distinctive part is inside the token (`.atlasv1.`, `-us21`, `Q~`). The regex
 * searches for that part, then looks behind it for what must stand before; searching from a
 * class such as `[a-f0-9]{32}` would try every position of the text.
 */
export const INFIX_KEYS: readonly InfixKey[] = [
  { kind: 'terraform-token', before: `${ALNUM}{14}`, infix: '\\.atlasv1\\.', after: atLeast('[A-Za-z0-9_=-]', 60) },
  { kind: 'mailchimp-key', before: `${HEX}{32}`, infix: '-us', after: '\\d{1,2}(?![A-Za-z0-9])' },
  { kind: 'mailgun-key', before: `${HEX}{32}`, infix: '-', after: `${HEX}{8}-${HEX}{8}(?![A-Za-z0-9])` },
  {
    kind: 'asana-token',
    before: '\\d\\/\\d{10,16}(?:\\/\\d{10,16})?',
    infix: ':',
    after: `${HEX}{32}(?![A-Za-z0-9])`,
  },
  { kind: 'azure-secret', before: '[A-Za-z0-9_~.]{3}\\d', infix: 'Q~', after: atLeast('[A-Za-z0-9_~.-]', 31) },
  { kind: 'telegram-token', before: '\\d{8,10}', infix: ':AA', after: atLeast(URLSAFE, 33) },
  {
    kind: 'discord-token',
    before: `[MNO]${URLSAFE}{23,27}`,
    infix: '\\.',
    after: `${URLSAFE}{6}\\.${atLeast(URLSAFE, 27)}`,
    // Identifiers in stack traces have this shape too (Name.render.handler); a token's parts do not read as words.
    check: (token) => {
      const [id, time, hmac] = token.split('.');
      return /\d/.test(id) && !/^[a-z]+$/.test(time) && /\d|[a-z].*[A-Z]|[A-Z].*[a-z]/.test(hmac);
    },
  },
];
