/**
 * The seeded privacy corpus: 56 distinct secrets planted in every place a report reads from, and
 * look-alikes that must survive redaction. The fixture (test/fixtures/privacy-corpus.html) fetches
 * CORPUS_PLAN as /privacy-corpus.json from the test's server, so page and test always agree.
 * Each planted text carries a `probe-NN` tag that is no secret: finding the tag in the ticket
 * proves the text arrived, so a secret's absence means it was removed, not that it never came.
 */

type Channel = 'field' | 'private' | 'console' | 'error' | 'request' | 'url' | 'title' | 'description';

export interface Secret {
  id: string;
  channel: Channel;
  value: string;
}

const secret = (id: string, channel: Channel, value: string): Secret => ({ id, channel, value });

export const SECRETS: readonly Secret[] = [
  // Typed into fields the screenshot masks; values are never collected as text.
  secret('s01', 'field', 'Tr0ub4dor&3-Corpus'),
  secret('s02', 'field', '4000 0566 5566 5556'),
  secret('s03', 'field', 'Marguerite Okonkwo-Lindqvist'),
  secret('s04', 'field', 'K7Q4-9Z2M-OTP'),
  secret('s05', 'field', 'n3w-Pa55phrase-Corpus!'),
  // Shown in [data-private] elements.
  secret('s06', 'private', 'Diagnosis G43.709 chronic migraine'),
  secret('s07', 'private', 'Salary review 58250 EUR gross'),
  // Console arguments.
  secret(
    's08',
    'console',
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjb3JwdXMtdXNlci0wOCJ9.Q29ycHVzU2lnbmF0dXJlMDg',
  ),
  secret('s09', 'console', '9fQ2xLr7TzW1mN8vKp3sYb6H'),
  secret('s10', 'console', 'AKIAZ7CORPUS4EXAMPL3'),
  secret('s11', 'console', 'ghp_C0rpusGitHubT0kenAbCdEfGhIjKlMnOpQr12'),
  secret('s12', 'console', 'xoxb-2718281828-C0rpusSlackT0ken'),
  secret('s13', 'console', 'sk_live_51C0rpusStripeKeyAbc123XyZ'),
  secret('s14', 'console', 'AIzaSyC0rpus-Google_Key0123456789abcdef'),
  secret('s15', 'console', 'sk-proj-C0rpus9a8b7c6d5e4f3g2h1'),
  secret('s16', 'console', 'glpat-C0rpus_GitLab-Tok3n-xyz9'),
  secret('s17', 'console', 'amelie.fournier@corp-example.fr'),
  secret('s18', 'console', '5555-5555-5555-4444'),
  secret('s19', 'console', 'GB82 WEST 1234 5698 7654 32'),
  secret('s20', 'console', 'Winter2026!corpus'),
  secret('s21', 'console', 'Pl4in-Obj3ct-Pass'),
  secret('s22', 'console', 'c0rpusphpsess0a1b2c3d'),
  secret('s23', 'console', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC0rpus'),
  secret('s24', 'console', 'sess_c0rpus_77aa99bb'),
  secret('s25', 'console', 'c0rpus-api-key-5f5e5d5c'),
  secret('s26', 'console', 'Us3rinfo-P4ss'),
  secret('s27', 'console', 'EMP-204518'),
  // Error messages: uncaught, unhandled rejection, and the URL of the script that threw.
  secret('s28', 'error', 'thibault.garnier@corp-example.fr'),
  secret('s29', 'error', 'rt-c0rpus-0c0d0e0f'),
  secret('s30', 'error', 'sig-c0rpus-1a2b3c4d'),
  // Failing requests: in their URLs.
  secret('s31', 'request', 'tok-c0rpus-e5f6a7b8'),
  secret('s32', 'request', 'ses-c0rpus-9c8d7e6f'),
  secret('s33', 'request', 'ak-c0rpus-31415926'),
  secret('s34', 'request', 'img-c0rpus-27182818'),
  // The page's own URL (query and fragment) and title.
  secret('s35', 'url', 'pageurl-c0rpus-at-42'),
  secret('s36', 'url', 'oauth-c0rpus-code-77'),
  secret('s37', 'url', 'frag-c0rpus-idtok-99'),
  secret('s38', 'title', 'claire.dubois@corp-example.fr'),
  secret('s39', 'title', 'PAT-77-31-0442'),
  // Pasted by the person into the description.
  secret('s40', 'description', 'Desc-C0rpus-P4ss'),
  // Shapes real apps log: nested objects, JSON text, arguments side by side, mid-line headers,
  // provider tokens, webhook URLs, link tokens, encoded addresses, French identifiers.
  secret('s41', 'console', 'N3sted-C0rpus-Pass'),
  secret('s42', 'console', 'cs-c0rpus-9f8e7d6c5b4a'),
  secret('s43', 'console', 'Split-Arg-C0rpus'),
  secret('s44', 'console', 'xak-c0rpus-5b4a3c2d1e0f'),
  secret('s45', 'console', 'rk_live_51C0rpusRestrictedKeyAbc123XyZ9'),
  secret('s46', 'console', 'T0C0RPUS1/B0C0RPUS2/C0rpusWebhookSecret123456'),
  secret('s47', 'console', 'hvs.C0rpusVaultT0kenAbCdEfGhIjKlMnOpQrStUvWxYz0123456789'),
  secret(
    's48',
    'console',
    'sk-ant-api03-C0rpusAnthropicKey_0123456789-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-AA',
  ),
  secret('s49', 'console', 'abc8Q~C0rpusAzureClientSecret0123456789ab'),
  secret('s50', 'request', 'rst-c0rpus-7f3e9b1d2a4c'),
  secret('s51', 'console', 'inv-c0rpus-3f2b8c1e4d5a'),
  secret('s52', 'request', 'louise.martin@corp-example.fr'),
  secret('s53', 'console', '4242.4242.4242.4242'),
  secret('s54', 'console', '2 85 05 2A 006 084 82'),
  secret(
    's55',
    'console',
    'github_pat_11C0RPUS0123456789ABCD_C0rpusFineGrainedT0kenAbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab',
  ),
  secret('s56', 'console', 'c0rpus-connect-sid-8f14e45f'),
];

const v = Object.fromEntries(SECRETS.map((s) => [s.id, s.value])) as Record<string, string>;

/** Only the organisation's patterns catch these (an employee and a patient number). */
export const ADMIN_PATTERNS = ['EMP-\\d{6}', 'PAT-\\d{2}-\\d{2}-\\d{4}'];

/** Masked fields the test types into, by label, with the colour each is painted in the page. */
export const MASKED_FIELDS = [
  { label: 'Password', value: v.s01 },
  { label: 'Card number', value: v.s02 },
  { label: 'Name on card', value: v.s03 },
  { label: 'One-time code', value: v.s04 },
  { label: 'New password', value: v.s05 },
];

/** Not masked, bright like the others: the control that shows the pixel checks can fail. */
export const CONTROL_FIELD = {
  label: 'Order reference',
  value: 'Order 4000 0566 5566 5557',
  colour: [255, 0, 255] as const,
};

/** Texts that look like secrets and must reach the helpdesk untouched. */
export const LOOK_ALIKES = [
  'v2.14.3-build.7',
  'Order 4111 1111 1111 1112',
  '1718000000000',
  '2026-03-02T10:15:30Z',
  '3f2b8c1e-4d5a-4b6c-9d7e-8f9a0b1c2d3e',
  'Forgot your password? Use the reset link.',
  'Token validation failed',
  'keyboard layout de-CH',
  'code: "E_TIMEOUT"',
  'sk-loading-spinner',
  'logo@2x.png',
  'release 2.14.3',
  'page=2',
  'lang=fr',
  'ORD-2024-118842',
  'main.3f9a1c2b.js',
  'sessionStorage: 3',
];

export const DESCRIPTION = `probe-40 Saving my profile fails. Support asked me to paste this: password=${v.s40}`;

export const CORPUS_PLAN = {
  search: `?probe=35&access_token=${v.s35}&code=${v.s36}&page=2&lang=fr`,
  hash: `#id_token=${v.s37}`,
  title: `probe-38 Inbox of ${v.s38} · case ${v.s39} · release 2.14.3`,
  privateText: [v.s06, v.s07],
  console: [
    { level: 'error', args: ['probe-08 session refresh failed', v.s08] },
    { level: 'error', args: [`probe-09 request headers:\nAuthorization: Bearer ${v.s09}`] },
    { level: 'warn', args: [`probe-10 deploy used key ${v.s10}`] },
    { level: 'error', args: [`probe-11 git fetch denied for ${v.s11}`] },
    { level: 'warn', args: [`probe-12 slack hook ${v.s12} rejected`] },
    { level: 'error', args: [`probe-13 payment client built with ${v.s13}`] },
    { level: 'error', args: [`probe-14 maps failed, key ${v.s14} invalid`] },
    { level: 'warn', args: [`probe-15 assistant quota for ${v.s15}`] },
    { level: 'error', args: [`probe-16 pipeline token ${v.s16} expired`] },
    { level: 'error', args: ['probe-17 mail bounced for', v.s17] },
    { level: 'error', args: [`probe-18 paid with card ${v.s18} yesterday`] },
    { level: 'warn', args: [`probe-19 refund to ${v.s19} pending`] },
    { level: 'error', args: [`probe-20 POST /login body: username=jdoe&password=${v.s20}`] },
    { level: 'error', args: ['probe-21 login payload', { user: 'jdoe', password: v.s21 }] },
    { level: 'warn', args: [`probe-22 sent with\nCookie: PHPSESSID=${v.s22}; theme=dark`] },
    { level: 'error', args: [`probe-23 bad key:\n-----BEGIN PRIVATE KEY-----\n${v.s23}\n-----END PRIVATE KEY-----`] },
    { level: 'error', args: ['probe-24 state', { sessionId: v.s24, page: 2 }] },
    { level: 'error', args: [`probe-25 config {"apiKey":"${v.s25}","retry":true}`] },
    { level: 'warn', args: [`probe-26 proxy https://svc-admin:${v.s26}@intranet.example.org/api unreachable`] },
    { level: 'error', args: [`probe-27 payroll sync failed for ${v.s27}`] },
    { level: 'warn', args: ['probe-la app version v2.14.3-build.7, Order 4111 1111 1111 1112 at 1718000000000'] },
    { level: 'warn', args: ['probe-la job 3f2b8c1e-4d5a-4b6c-9d7e-8f9a0b1c2d3e started 2026-03-02T10:15:30Z'] },
    { level: 'error', args: ['probe-la Token validation failed. Forgot your password? Use the reset link.'] },
    {
      level: 'warn',
      args: ['probe-la keyboard layout de-CH, icon logo@2x.png, class sk-loading-spinner', { code: 'E_TIMEOUT' }],
    },
    { level: 'error', args: ['probe-41 Login failed', { request: { body: { username: 'jdoe', password: v.s41 } } }] },
    {
      level: 'error',
      args: ['probe-42 Response body:', JSON.stringify({ error: { config: { client_secret: v.s42 } } })],
    },
    { level: 'error', args: ['probe-43 password', v.s43] },
    { level: 'error', args: [`probe-44 request refused with X-Api-Key: ${v.s44} (401)`] },
    { level: 'error', args: ['probe-45 payments', { client: { options: { key: v.s45 } } }] },
    { level: 'warn', args: [`probe-46 alert not posted to https://hooks.slack.com/services/${v.s46}`] },
    { level: 'error', args: [JSON.stringify({ probe: 'probe-47', payload: JSON.stringify({ vault: v.s47 }) })] },
    { level: 'error', args: ['probe-48 assistant failed', { headers: { 'x-api-key': v.s48 } }] },
    { level: 'error', args: [`probe-49 AADSTS7000215 for secret ${v.s49}`] },
    { level: 'warn', args: [`probe-51 invite link https://app.example.com/#/invite/${v.s51}`] },
    { level: 'error', args: ['probe-53 card', { payment: { card: { number: v.s53 } } }] },
    { level: 'error', args: [`probe-54 patient NIR ${v.s54} not found`] },
    { level: 'error', args: [`probe-55 git push denied: ${v.s55}`] },
    { level: 'warn', args: ['probe-56 connect.sid', v.s56] },
    {
      level: 'warn',
      args: [
        'probe-la order ORD-2024-118842 total 1 234,56 € build main.3f9a1c2b.js',
        { session: { status: 'active' }, tokenType: 'Bearer', sessionStorage: 3 },
      ],
    },
  ],
  thrown: [`probe-28 Login failed for ${v.s28}`],
  rejected: [`probe-29 refresh failed: refresh_token=${v.s29}`],
  /** privacy-corpus.js throws this, loaded with the query: the script's URL is in the stack. */
  scriptError: 'probe-30 widget crashed',
  scriptQuery: `?signature=${v.s30}`,
  requests: [
    { probe: 'probe-31', via: 'fetch', method: 'GET', path: `/api/orders?token=${v.s31}&page=2` },
    { probe: 'probe-32', via: 'fetch', method: 'POST', path: `/api/profile?session=${v.s32}` },
    { probe: 'probe-33', via: 'xhr', method: 'GET', path: `/api/report?api_key=${v.s33}` },
    { probe: 'probe-34', via: 'img', method: 'GET', path: `/img/avatar.png?sig=${v.s34}` },
    { probe: 'probe-50', via: 'fetch', method: 'POST', path: `/api/account/reset/${v.s50}` },
    { probe: 'probe-52', via: 'fetch', method: 'GET', path: `/api/users?email=${encodeURIComponent(v.s52)}&page=2` },
  ],
};

/** Every tag planted: each must arrive (field and private values carry none: they never leave as text). */
export const PROBES = [...new Set(JSON.stringify([CORPUS_PLAN, DESCRIPTION]).match(/probe[-=]\d\d/g))];
