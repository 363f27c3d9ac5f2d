/**
 * Realistic, made-up secrets in the published formats of the providers Mayday recognises, from
 * a seeded generator so every run builds the same corpus. Lengths, alphabets and checksums are
 * the providers' own where they publish them (GitHub's CRC32 suffix, the NIR key, Luhn, IBAN's
 * mod 97); none of these values was ever issued by anyone.
 *
 * `names` are the names apps carry the secret under (env variables, object keys, headers); a
 * format with `byName` has no shape of its own and is recognised only through such a name.
 */
import { passesLuhn } from '../../utils/core/privacy/checksums';
import { seededRandom } from './mixed-text';

export type Random = () => number;

export interface SecretFormat {
  /** Short id used in the corpus figures. */
  id: string;
  provider: string;
  make: (random: Random) => string;
  /** Names apps use for it: config keys, environment variables. */
  names: readonly string[];
  /** A header it travels in, when it has one. */
  header?: string;
  /** A query parameter it travels in, when it has one. */
  param?: string;
  /** Recognised only by a name next to it: never planted without one. */
  byName?: boolean;
  /** Personal data rather than a credential. */
  personal?: boolean;
  /** A URL of its own (webhooks): planted as a request or a link, not under a query name. */
  url?: boolean;
  /** A one-time token carried in a link's path or fragment. */
  link?: boolean;
  /** The part that must not reach the helpdesk, when the value holds more (a webhook's host, a key's armour lines). */
  secret?: (value: string) => string;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = DIGITS + UPPER + LOWER;
const HEX = '0123456789abcdef';
const BASE64 = UPPER + LOWER + DIGITS + '+/';
const URLSAFE = UPPER + LOWER + DIGITS + '-_';
const BASE32 = UPPER + '234567';

export function pick(random: Random, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

const digits = (random: Random, n: number) => pick(random, DIGITS, n);

/** zlib's CRC-32, for GitHub's token checksum. */
function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= text.charCodeAt(i);
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function base62(n: number, width: number): string {
  let out = '';
  do {
    out = ALNUM[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out.padStart(width, '0');
}

/** GitHub's format: 30 random base62 characters, then the CRC32 of those in 6 base62 digits. */
function githubToken(random: Random, prefix: string): string {
  const body = pick(random, ALNUM, 30);
  return `${prefix}_${body}${base62(crc32(body), 6)}`;
}

export function githubChecksumValid(token: string): boolean {
  const body = token.slice(4, 34);
  return base62(crc32(body), 6) === token.slice(34);
}

const b64url = (text: string) => Buffer.from(text).toString('base64url');
const b64 = (text: string) => Buffer.from(text).toString('base64');

function jwt(random: Random, claims: Record<string, unknown>): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: pick(random, HEX, 16) }));
  const payload = b64url(JSON.stringify(claims));
  return `${header}.${payload}.${pick(random, URLSAFE, 86)}`;
}

function uuid(random: Random): string {
  const h = (n: number) => pick(random, HEX, n);
  return `${h(8)}-${h(4)}-4${h(3)}-${'89ab'[Math.floor(random() * 4)]}${h(3)}-${h(12)}`;
}

/** The key material of a PEM block, without its armour lines (which say only what it is). */
function pemBody(block: string): string {
  return block.split('\n').slice(1, -1).join('\n');
}

/** How each kind of key's DER or armour starts: the first bytes are the same for every key of a kind. */
const PEM_STARTS: Record<string, string> = {
  'RSA PRIVATE KEY': 'MIIEpAIBAAKCAQEA',
  'PRIVATE KEY': 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ',
  'EC PRIVATE KEY': 'MHcCAQEEI',
  'OPENSSH PRIVATE KEY': 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  'PGP PRIVATE KEY BLOCK': 'lQVYBGZq',
};

function pem(random: Random, label: string): string {
  const start = PEM_STARTS[label];
  const lines: string[] = [start + pick(random, BASE64, 64 - start.length)];
  for (let i = 0; i < 5; i++) lines.push(pick(random, BASE64, 64));
  const blank = label.startsWith('PGP') ? '\n' : '';
  return `-----BEGIN ${label}-----\n${blank}${lines.join('\n')}\n${pick(random, BASE64, 20)}==\n-----END ${label}-----`;
}

/** A 16-digit card number of the given prefix that passes Luhn. */
function card(random: Random, prefix: string): string {
  const body = prefix + digits(random, 15 - prefix.length);
  for (let check = 0; check < 10; check++) if (passesLuhn(body + check)) return body + check;
  return body;
}

function nir(random: Random): string {
  const sex = random() < 0.5 ? '1' : '2';
  const year = digits(random, 2);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const corsica = random() < 0.25;
  const department = corsica ? (random() < 0.5 ? '2A' : '2B') : String(1 + Math.floor(random() * 95)).padStart(2, '0');
  const commune = digits(random, 3);
  const order = digits(random, 3);
  const numeric =
    sex + year + month + (department === '2A' ? '19' : department === '2B' ? '18' : department) + commune + order;
  let remainder = 0;
  for (const c of numeric) remainder = (remainder * 10 + Number(c)) % 97;
  const key = String(97 - remainder).padStart(2, '0');
  // Written with spaces, as on a carte Vitale, half of the time.
  return random() < 0.5
    ? `${sex} ${year} ${month} ${department} ${commune} ${order} ${key}`
    : `${sex}${year}${month}${department}${commune}${order}${key}`;
}

function iban(random: Random): string {
  // A French IBAN: FRkk + 5-digit bank + 5-digit branch + 11-character account + 2-digit RIB key.
  const bban = digits(random, 10) + pick(random, DIGITS + UPPER, 11) + digits(random, 2);
  const numeric = (bban + 'FR00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const c of numeric) remainder = (remainder * 10 + Number(c)) % 97;
  const check = String(98 - remainder).padStart(2, '0');
  const compact = `FR${check}${bban}`;
  return compact.replace(/(.{4})/g, '$1 ').trim();
}

const password = (random: Random) =>
  [
    () =>
      `${['Summer', 'Winter', 'Soleil', 'Printemps', 'Azerty'][Math.floor(random() * 5)]}${2020 + Math.floor(random() * 6)}!`,
    () => `${pick(random, LOWER, 6)}${digits(random, 2)}`,
    () => pick(random, ALNUM + '!#%&*', 14),
    () =>
      ['correct', 'horse', 'battery', 'staple', 'violet', 'marmite']
        .sort(() => random() - 0.5)
        .slice(0, 3)
        .join('-'),
  ][Math.floor(random() * 4)]();

export const FORMATS: readonly SecretFormat[] = [
  // Code hosts and registries.
  {
    id: 'github-classic',
    provider: 'GitHub',
    make: (r) => githubToken(r, ['ghp', 'gho', 'ghu', 'ghs', 'ghr'][Math.floor(r() * 5)]),
    names: ['GITHUB_TOKEN', 'githubToken', 'gh_token'],
    header: 'Authorization',
  },
  {
    id: 'github-fine-grained',
    provider: 'GitHub',
    make: (r) => `github_pat_11${pick(r, UPPER + DIGITS, 20)}_${pick(r, ALNUM, 59)}`,
    names: ['GH_PAT', 'personalAccessToken'],
    header: 'Authorization',
  },
  {
    id: 'gitlab',
    provider: 'GitLab',
    make: (r) => `${['glpat', 'gldt', 'glrt', 'glptt'][Math.floor(r() * 4)]}-${pick(r, URLSAFE, 20)}`,
    names: ['GITLAB_TOKEN', 'privateToken', 'CI_JOB_TOKEN'],
    header: 'PRIVATE-TOKEN',
  },
  {
    id: 'bitbucket',
    provider: 'Bitbucket',
    make: (r) => `ATBB${pick(r, ALNUM, 28)}${pick(r, HEX.toUpperCase(), 8)}`,
    names: ['BITBUCKET_APP_PASSWORD', 'appPassword'],
  },
  {
    id: 'atlassian',
    provider: 'Atlassian',
    make: (r) => `ATATT3xFfGF0${pick(r, URLSAFE, 180)}=${pick(r, HEX.toUpperCase(), 8)}`,
    names: ['JIRA_API_TOKEN', 'confluenceToken'],
  },
  { id: 'npm', provider: 'npm', make: (r) => `npm_${pick(r, ALNUM, 36)}`, names: ['NPM_TOKEN', '_authToken'] },
  {
    id: 'pypi',
    provider: 'PyPI',
    make: (r) => `pypi-AgEIcHlwaS5vcmc${pick(r, URLSAFE, 130)}`,
    names: ['TWINE_PASSWORD', 'PYPI_API_TOKEN'],
  },
  {
    id: 'docker-hub',
    provider: 'Docker Hub',
    make: (r) => `dckr_pat_${pick(r, URLSAFE, 27)}`,
    names: ['DOCKERHUB_TOKEN', 'registryPassword'],
  },
  // Chat and webhooks.
  {
    id: 'slack-token',
    provider: 'Slack',
    make: (r) => `${['xoxb', 'xoxp'][Math.floor(r() * 2)]}-${digits(r, 12)}-${digits(r, 13)}-${pick(r, ALNUM, 24)}`,
    names: ['SLACK_BOT_TOKEN', 'slackToken'],
    header: 'Authorization',
  },
  {
    id: 'slack-webhook',
    provider: 'Slack',
    make: (r) =>
      `https://hooks.slack.com/services/T${pick(r, UPPER + DIGITS, 10)}/B${pick(r, UPPER + DIGITS, 10)}/${pick(r, ALNUM, 24)}`,
    names: ['SLACK_WEBHOOK_URL', 'webhookUrl'],
    url: true,
    secret: (url) => url.slice(url.indexOf('/services/') + 10),
  },
  {
    id: 'discord-webhook',
    provider: 'Discord',
    make: (r) => `https://discord.com/api/webhooks/${digits(r, 19)}/${pick(r, URLSAFE, 68)}`,
    names: ['DISCORD_WEBHOOK', 'alertsWebhook'],
    url: true,
    secret: (url) => url.slice(url.lastIndexOf('/') + 1),
  },
  {
    id: 'discord-bot',
    provider: 'Discord',
    make: (r) => `${b64(digits(r, 18)).replace(/=+$/, '')}.${pick(r, URLSAFE, 6)}.${pick(r, URLSAFE, 38)}`,
    names: ['DISCORD_BOT_TOKEN', 'botToken'],
    header: 'Authorization',
  },
  {
    id: 'teams-webhook',
    provider: 'Microsoft Teams',
    make: (r) =>
      `https://contoso.webhook.office.com/webhookb2/${uuid(r)}@${uuid(r)}/IncomingWebhook/${pick(r, HEX, 32)}/${uuid(r)}`,
    names: ['TEAMS_WEBHOOK_URL', 'teamsWebhook'],
    url: true,
    secret: (url) => url.slice(url.indexOf('/webhookb2/') + 11),
  },
  {
    id: 'telegram-bot',
    provider: 'Telegram',
    make: (r) => `${digits(r, 10)}:AA${pick(r, URLSAFE, 33)}`,
    names: ['TELEGRAM_BOT_TOKEN'],
  },
  // Payment.
  {
    id: 'stripe-secret',
    provider: 'Stripe',
    make: (r) => `${['sk_live', 'sk_test', 'rk_live'][Math.floor(r() * 3)]}_51${pick(r, ALNUM, 97)}`,
    names: ['STRIPE_SECRET_KEY', 'stripeKey'],
    header: 'Authorization',
  },
  {
    id: 'stripe-webhook-secret',
    provider: 'Stripe',
    make: (r) => `whsec_${pick(r, ALNUM, 32)}`,
    names: ['STRIPE_WEBHOOK_SECRET', 'endpointSecret'],
  },
  {
    id: 'braintree',
    provider: 'PayPal Braintree',
    make: (r) => `access_token$production$${pick(r, LOWER + DIGITS, 16)}$${pick(r, HEX, 32)}`,
    names: ['BRAINTREE_ACCESS_TOKEN'],
  },
  {
    id: 'paypal-client-secret',
    provider: 'PayPal',
    make: (r) => `E${pick(r, URLSAFE, 79)}`,
    names: ['PAYPAL_CLIENT_SECRET', 'paypalSecret'],
    byName: true,
  },
  {
    id: 'square',
    provider: 'Square',
    make: (r) => (r() < 0.5 ? `EAAA${pick(r, URLSAFE, 60)}` : `sq0csp-${pick(r, URLSAFE, 43)}`),
    names: ['SQUARE_ACCESS_TOKEN'],
    header: 'Authorization',
  },
  {
    id: 'adyen',
    provider: 'Adyen',
    make: (r) => `AQE${pick(r, BASE64, 73)}=-${pick(r, BASE64, 43)}=-${pick(r, ALNUM, 8)}`,
    names: ['ADYEN_API_KEY'],
    header: 'X-API-Key',
  },
  // Email and messaging.
  {
    id: 'sendgrid',
    provider: 'SendGrid',
    make: (r) => `SG.${pick(r, URLSAFE, 22)}.${pick(r, URLSAFE, 43)}`,
    names: ['SENDGRID_API_KEY'],
    header: 'Authorization',
  },
  {
    id: 'mailgun',
    provider: 'Mailgun',
    make: (r) => (r() < 0.5 ? `key-${pick(r, HEX, 32)}` : `${pick(r, HEX, 32)}-${pick(r, HEX, 8)}-${pick(r, HEX, 8)}`),
    names: ['MAILGUN_API_KEY'],
  },
  {
    id: 'mailchimp',
    provider: 'Mailchimp',
    make: (r) => `${pick(r, HEX, 32)}-us${1 + Math.floor(r() * 21)}`,
    names: ['MAILCHIMP_API_KEY'],
  },
  {
    id: 'postmark',
    provider: 'Postmark',
    make: (r) => uuid(r),
    names: ['POSTMARK_SERVER_TOKEN', 'postmarkToken'],
    header: 'X-Postmark-Server-Token',
    byName: true,
  },
  {
    id: 'twilio-api-key',
    provider: 'Twilio',
    make: (r) => `SK${pick(r, HEX, 32)}`,
    names: ['TWILIO_API_KEY'],
  },
  {
    id: 'twilio-auth-token',
    provider: 'Twilio',
    make: (r) => pick(r, HEX, 32),
    names: ['TWILIO_AUTH_TOKEN', 'authToken'],
    byName: true,
  },
  {
    id: 'brevo',
    provider: 'Brevo',
    make: (r) => `xkeysib-${pick(r, HEX, 64)}-${pick(r, ALNUM, 16)}`,
    names: ['BREVO_API_KEY'],
    header: 'api-key',
  },
  // Cloud.
  {
    id: 'aws-access-key-id',
    provider: 'AWS',
    make: (r) => `${r() < 0.7 ? 'AKIA' : 'ASIA'}${pick(r, BASE32, 16)}`,
    names: ['AWS_ACCESS_KEY_ID', 'accessKeyId'],
  },
  {
    id: 'aws-secret-key',
    provider: 'AWS',
    make: (r) => pick(r, BASE64, 40),
    names: ['AWS_SECRET_ACCESS_KEY', 'secretAccessKey', 'aws_secret_access_key'],
    byName: true,
  },
  {
    id: 'gcp-api-key',
    provider: 'Google Cloud',
    make: (r) => `AIza${pick(r, URLSAFE, 35)}`,
    names: ['GOOGLE_MAPS_API_KEY', 'firebaseApiKey'],
    param: 'key',
  },
  {
    id: 'gcp-service-account',
    provider: 'Google Cloud',
    make: (r) => pem(r, 'PRIVATE KEY'),
    names: ['private_key'],
    secret: pemBody,
  },
  {
    id: 'google-oauth',
    provider: 'Google',
    make: (r) => (r() < 0.5 ? `GOCSPX-${pick(r, URLSAFE, 28)}` : `ya29.a0${pick(r, URLSAFE, 150)}`),
    names: ['GOOGLE_CLIENT_SECRET', 'googleAccessToken'],
    header: 'Authorization',
  },
  {
    id: 'azure-storage',
    provider: 'Azure',
    make: (r) => pick(r, BASE64, 86) + '==',
    names: ['AccountKey'],
    byName: true,
  },
  {
    id: 'azure-client-secret',
    provider: 'Azure',
    make: (r) => `${pick(r, ALNUM, 3)}${digits(r, 1)}Q~${pick(r, ALNUM + '_~.-', 34)}`,
    names: ['AZURE_CLIENT_SECRET', 'clientSecret'],
  },
  {
    id: 'azure-sas',
    provider: 'Azure',
    // A shared access signature as Azure writes it: a query string whose sig= is the secret.
    make: (r) =>
      `sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2024-12-31T00:00:00Z&st=2024-06-10T00:00:00Z&spr=https&sig=${encodeURIComponent(pick(r, BASE64, 43) + '=')}`,
    names: ['AZURE_STORAGE_SAS_TOKEN', 'sasToken'],
    secret: (sas) => sas.slice(sas.indexOf('sig=') + 4),
    url: true,
  },
  {
    id: 'digitalocean',
    provider: 'DigitalOcean',
    make: (r) => `${['dop', 'doo', 'dor'][Math.floor(r() * 3)]}_v1_${pick(r, HEX, 64)}`,
    names: ['DIGITALOCEAN_TOKEN'],
    header: 'Authorization',
  },
  {
    id: 'heroku',
    provider: 'Heroku',
    make: (r) => `HRKU-AA${pick(r, URLSAFE, 58)}`,
    names: ['HEROKU_API_KEY'],
    header: 'Authorization',
  },
  {
    id: 'cloudflare',
    provider: 'Cloudflare',
    make: (r) => (r() < 0.5 ? `cfut_${pick(r, ALNUM, 40)}${pick(r, HEX, 8)}` : pick(r, URLSAFE, 40)),
    names: ['CLOUDFLARE_API_TOKEN', 'CF_API_KEY'],
    header: 'Authorization',
    byName: true,
  },
  {
    id: 'vercel',
    provider: 'Vercel',
    make: (r) => `vcp_${pick(r, ALNUM, 56)}`,
    names: ['VERCEL_TOKEN'],
    header: 'Authorization',
  },
  {
    id: 'netlify',
    provider: 'Netlify',
    make: (r) => `nfp_${pick(r, ALNUM, 36)}${pick(r, HEX, 4)}`,
    names: ['NETLIFY_AUTH_TOKEN'],
  },
  {
    id: 'flyio',
    provider: 'Fly.io',
    make: (r) => (r() < 0.5 ? `fo1_${pick(r, URLSAFE, 43)}` : `fm2_${pick(r, BASE64, 120)}`),
    names: ['FLY_API_TOKEN'],
    header: 'Authorization',
  },
  {
    id: 'tailscale',
    provider: 'Tailscale',
    make: (r) =>
      `tskey-${['auth', 'api', 'client'][Math.floor(r() * 3)]}-k${pick(r, ALNUM, 11)}CNTRL-${pick(r, ALNUM, 33)}`,
    names: ['TS_AUTHKEY', 'TAILSCALE_API_KEY'],
  },
  {
    id: 'databricks',
    provider: 'Databricks',
    make: (r) => `dapi${pick(r, HEX, 32)}`,
    names: ['DATABRICKS_TOKEN'],
    header: 'Authorization',
  },
  // Commerce and productivity.
  {
    id: 'shopify',
    provider: 'Shopify',
    make: (r) => `${['shpat', 'shpss', 'shpca'][Math.floor(r() * 3)]}_${pick(r, HEX, 32)}`,
    names: ['SHOPIFY_ACCESS_TOKEN'],
    header: 'X-Shopify-Access-Token',
  },
  {
    id: 'linear',
    provider: 'Linear',
    make: (r) => `lin_api_${pick(r, ALNUM, 40)}`,
    names: ['LINEAR_API_KEY'],
    header: 'Authorization',
  },
  {
    id: 'notion',
    provider: 'Notion',
    make: (r) => (r() < 0.5 ? `ntn_${digits(r, 11)}${pick(r, ALNUM, 35)}` : `secret_${pick(r, ALNUM, 43)}`),
    names: ['NOTION_TOKEN'],
    header: 'Authorization',
  },
  {
    id: 'asana',
    provider: 'Asana',
    make: (r) => `2/${digits(r, 16)}/${digits(r, 16)}:${pick(r, HEX, 32)}`,
    names: ['ASANA_PAT'],
    header: 'Authorization',
  },
  // Observability.
  {
    id: 'datadog',
    provider: 'Datadog',
    make: (r) => pick(r, HEX, 32),
    names: ['DD_API_KEY', 'datadogApiKey'],
    header: 'DD-API-KEY',
    byName: true,
  },
  {
    id: 'newrelic',
    provider: 'New Relic',
    make: (r) => (r() < 0.5 ? `NRAK-${pick(r, UPPER + DIGITS, 27)}` : `NRJS-${pick(r, HEX, 19)}`),
    names: ['NEW_RELIC_API_KEY'],
    header: 'Api-Key',
  },
  {
    id: 'grafana',
    provider: 'Grafana',
    make: (r) =>
      r() < 0.5
        ? `glc_${b64(JSON.stringify({ o: digits(r, 6), n: 'stack-' + digits(r, 6), k: pick(r, ALNUM, 24), m: { r: 'prod-eu-west-2' } }))}`
        : `glsa_${pick(r, ALNUM, 32)}_${pick(r, HEX, 8)}`,
    names: ['GRAFANA_TOKEN'],
    header: 'Authorization',
  },
  {
    id: 'sentry-token',
    provider: 'Sentry',
    make: (r) =>
      r() < 0.5
        ? `sntrys_${b64(JSON.stringify({ iat: 1718000000, url: 'https://sentry.io', region_url: 'https://de.sentry.io', org: 'acme' })).replace(/=+$/, '')}_${pick(r, BASE64, 43)}`
        : `sntryu_${pick(r, HEX, 64)}`,
    names: ['SENTRY_AUTH_TOKEN'],
    header: 'Authorization',
  },
  {
    id: 'sentry-dsn',
    provider: 'Sentry',
    make: (r) => `https://${pick(r, HEX, 32)}@o${digits(r, 6)}.ingest.de.sentry.io/${digits(r, 7)}`,
    names: ['SENTRY_DSN', 'dsn'],
    url: true,
    secret: (url) => url.slice(8, 40),
  },
  // Secrets managers and identity.
  {
    id: 'vault',
    provider: 'HashiCorp Vault',
    make: (r) => (r() < 0.5 ? `hvs.${pick(r, URLSAFE, 91)}` : `hvb.${pick(r, URLSAFE, 140)}`),
    names: ['VAULT_TOKEN'],
    header: 'X-Vault-Token',
  },
  {
    id: 'terraform-cloud',
    provider: 'Terraform Cloud',
    make: (r) => `${pick(r, ALNUM, 14)}.atlasv1.${pick(r, URLSAFE, 67)}`,
    names: ['TFE_TOKEN'],
    header: 'Authorization',
  },
  {
    id: 'doppler',
    provider: 'Doppler',
    make: (r) => `dp.${['pt', 'st', 'sa'][Math.floor(r() * 3)]}.${pick(r, ALNUM, 43)}`,
    names: ['DOPPLER_TOKEN'],
    header: 'Authorization',
  },
  {
    id: '1password',
    provider: '1Password',
    make: (r) =>
      `ops_${b64(JSON.stringify({ signInAddress: 'acme.1password.eu', userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: pick(r, URLSAFE, 22) }, email: pick(r, LOWER, 12) + '@acme1pw.invalid', srpX: pick(r, HEX, 64), muk: { alg: 'A256GCM', ext: true, k: pick(r, URLSAFE, 43), key_ops: ['encrypt', 'decrypt'], kty: 'oct', kid: 'mp' }, secretKey: 'A3-' + pick(r, UPPER + DIGITS, 6), throttleSecret: { seed: pick(r, HEX, 64), deviceUuid: pick(r, LOWER + DIGITS, 26) }, deviceUuid: pick(r, LOWER + DIGITS, 26) }))}`,
    names: ['OP_SERVICE_ACCOUNT_TOKEN'],
  },
  {
    id: 'okta',
    provider: 'Okta',
    make: (r) => `00${pick(r, URLSAFE, 40)}`,
    names: ['OKTA_API_TOKEN', 'oktaToken'],
    header: 'Authorization',
    byName: true,
  },
  {
    id: 'auth0-client-secret',
    provider: 'Auth0',
    make: (r) => pick(r, URLSAFE, 64),
    names: ['AUTH0_CLIENT_SECRET', 'client_secret'],
    byName: true,
  },
  {
    id: 'jwt',
    provider: 'JWT (Auth0, Okta, Keycloak, Cognito…)',
    make: (r) =>
      jwt(r, {
        iss: 'https://acme.eu.auth0.com/',
        sub: 'auth0|' + pick(r, HEX, 24),
        aud: 'https://api.acme.example',
        iat: 1718000000,
        exp: 1718086400,
        scope: 'openid profile email',
      }),
    names: ['access_token', 'id_token', 'accessToken'],
    header: 'Authorization',
    param: 'id_token',
  },
  // AI APIs.
  {
    id: 'openai',
    provider: 'OpenAI',
    make: (r) => `sk-proj-${pick(r, URLSAFE, 74)}T3BlbkFJ${pick(r, URLSAFE, 74)}`,
    names: ['OPENAI_API_KEY'],
    header: 'Authorization',
  },
  {
    id: 'anthropic',
    provider: 'Anthropic',
    make: (r) => `sk-ant-api03-${pick(r, URLSAFE, 93)}AA`,
    names: ['ANTHROPIC_API_KEY'],
    header: 'x-api-key',
  },
  {
    id: 'groq',
    provider: 'Groq',
    make: (r) => `gsk_${pick(r, ALNUM, 52)}`,
    names: ['GROQ_API_KEY'],
    header: 'Authorization',
  },
  {
    id: 'huggingface',
    provider: 'Hugging Face',
    make: (r) => `hf_${pick(r, UPPER + LOWER, 34)}`,
    names: ['HF_TOKEN'],
    header: 'Authorization',
  },
  {
    id: 'replicate',
    provider: 'Replicate',
    make: (r) => `r8_${pick(r, ALNUM, 37)}`,
    names: ['REPLICATE_API_TOKEN'],
    header: 'Authorization',
  },
  // Keys, credentials and session secrets.
  {
    id: 'pem-private-key',
    provider: 'PEM / OpenSSH / PGP',
    make: (r) =>
      pem(
        r,
        ['RSA PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'PGP PRIVATE KEY BLOCK', 'PRIVATE KEY'][
          Math.floor(r() * 5)
        ],
      ),
    names: ['privateKey', 'SSH_PRIVATE_KEY'],
    secret: pemBody,
  },
  {
    id: 'url-basic-auth',
    provider: 'URL credentials',
    make: (r) =>
      `https://${pick(r, LOWER, 6)}:${password(r).replace(/[^A-Za-z0-9!*-]/g, 'x')}@${pick(r, LOWER, 8)}.internal.example.com/api`,
    names: ['DATABASE_URL', 'proxyUrl'],
    url: true,
    secret: (url) => url.slice(url.indexOf(':', 6) + 1, url.indexOf('@')),
  },
  {
    id: 'bearer-opaque',
    provider: 'Opaque bearer token',
    make: (r) => pick(r, URLSAFE, 43),
    names: ['access_token', 'refreshToken'],
    header: 'Authorization',
    param: 'access_token',
    byName: true,
  },
  {
    id: 'password',
    provider: 'Passwords',
    make: password,
    names: ['password', 'newPassword', 'DB_PASSWORD', 'mot_de_passe'],
    param: 'password',
    byName: true,
  },
  {
    id: 'session-cookie',
    provider: 'Session cookies',
    make: (r) => (r() < 0.5 ? `s%3A${pick(r, URLSAFE, 32)}.${pick(r, BASE64, 43)}` : pick(r, LOWER + DIGITS, 26)),
    names: ['connect.sid', 'PHPSESSID', 'sessionId'],
    header: 'Cookie',
    byName: true,
  },
  {
    id: 'link-token-random',
    provider: 'Reset, invitation and magic links',
    make: (r) => pick(r, URLSAFE, 32),
    names: ['reset_token', 'magicToken'],
    param: 'token',
    link: true,
  },
  {
    id: 'link-token-uuid',
    provider: 'Reset, invitation and magic links',
    make: uuid,
    names: ['inviteToken'],
    param: 'invite',
    link: true,
  },
  {
    id: 'link-token-django',
    provider: 'Reset, invitation and magic links',
    // Django's password reset token: a base36 timestamp, a dash, a 32-hex HMAC.
    make: (r) => `${pick(r, LOWER + DIGITS, 6)}-${pick(r, HEX, 32)}`,
    names: ['token'],
    param: 'token',
    link: true,
  },
  // Personal data.
  {
    id: 'card',
    provider: 'Payment cards',
    make: (r) => {
      const number = card(r, ['4', '51', '22', '37'][Math.floor(r() * 4)]);
      const separator = [' ', '-', '.', '/', ''][Math.floor(r() * 5)];
      return number.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
    },
    names: ['cardNumber', 'pan'],
    personal: true,
  },
  {
    id: 'nir',
    provider: 'French social security number (NIR)',
    make: nir,
    names: ['nir', 'numeroSecu'],
    personal: true,
  },
  { id: 'iban', provider: 'IBAN', make: iban, names: ['iban'], personal: true },
  {
    id: 'email',
    provider: 'Email addresses',
    make: (r) =>
      `${pick(r, LOWER, 5)}.${pick(r, LOWER, 7)}@${['corp-example.fr', 'example.org', 'mail.example.com'][Math.floor(r() * 3)]}`,
    names: ['email'],
    param: 'email',
    personal: true,
  },
];

/** `count` samples of each format, the same on every run. */
export function samples(seed: number, count: number): Array<{ format: SecretFormat; value: string }> {
  const random = seededRandom(seed);
  const out: Array<{ format: SecretFormat; value: string }> = [];
  for (let i = 0; i < count; i++) for (const format of FORMATS) out.push({ format, value: format.make(random) });
  return out;
}
