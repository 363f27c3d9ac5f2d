/**
 * The recall corpus: secrets of every format in test/support/secret-samples.ts, planted where
 * real apps put them, and gathered into tickets the way Mayday gathers them. Console calls go
 * through the real recorder (its serialiser decides how nested objects read), failing requests
 * and steps through its logs, the page's own address into the ticket; the recorder's snapshot is
 * validated by the same schema as a page's. Seeded: every run builds the same tickets.
 */
import { LIMITS } from '../../utils/core/wire/page-protocol';
import { recorderSnapshotSchema } from '../../utils/core/wire/page-schemas';
import { createRecorder } from '../../utils/page/main/install';
import { ticketSchema, type Ticket } from '../../utils/core/model/ticket';
import { seededRandom } from '../support/mixed-text';
import { FORMATS, pick, type Random, type SecretFormat } from '../support/secret-samples';

type Placement =
  | 'console, nested three deep'
  | 'console, JSON text'
  | 'console, JSON inside a JSON string'
  | 'console, arguments side by side'
  | 'console, header line'
  | 'console, mid-line text'
  | 'console, environment object'
  | 'uncaught error message'
  | 'request URL, query'
  | 'request URL, path'
  | 'page URL, fragment'
  | 'page URL, path'
  | 'navigation step URL'
  | 'click step label'
  | 'description'
  | 'console, config file text'
  | 'console, XML'
  | 'console, HTML form'
  | 'console, curl command'
  | 'request URL, encoded JSON state';

export interface Planted {
  format: SecretFormat;
  value: string;
  /** What must not be found in the redacted ticket. */
  secret: string;
  placement: Placement;
  /** The ticket it went into. */
  ticket: number;
}

type Plant =
  | { into: 'console'; args: unknown[]; level?: 'error' | 'warn' }
  | { into: 'error'; message: string }
  | { into: 'request'; url: string; method: string; status: number }
  | { into: 'step'; kind: 'click' | 'navigation'; label: string; how?: string }
  | { into: 'page'; url: string }
  | { into: 'description'; text: string };

const CONTEXTS = [
  ['request', 'headers'],
  ['error', 'config'],
  ['response', 'data'],
  ['settings', 'integrations'],
  ['state', 'session'],
  ['payload', 'attributes'],
  ['job', 'env'],
] as const;

const MESSAGES = [
  'Checkout failed',
  'Sync error',
  'Request failed with status code 401',
  'Webhook delivery failed',
  'Could not load integration settings',
  'Unhandled response',
];

const HOSTS = ['api.acme-shop.example', 'internal.example.com', 'hooks.partner.example.net', 'app.example.org'];

function one<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A name apps carry it under: its own, or for a format with a shape of its own, sometimes a neutral one. */
function nameFor(random: Random, format: SecretFormat): string {
  if (!format.byName && !format.personal && random() < 0.3) return one(random, ['value', 'result', 'detail', 'note']);
  return one(random, format.names);
}

/** Where a format can be planted: a secret known only by its name is never planted without one. */
function placementsFor(format: SecretFormat): Placement[] {
  if (format.link)
    return ['page URL, path', 'page URL, fragment', 'request URL, path', 'navigation step URL', 'request URL, query'];
  if (format.id === 'azure-sas')
    return ['request URL, query', 'console, arguments side by side', 'console, environment object'];
  if (format.url)
    return [
      'request URL, path',
      'console, nested three deep',
      'console, JSON text',
      'console, mid-line text',
      'uncaught error message',
      'console, environment object',
    ];
  const named: Placement[] = [
    'console, nested three deep',
    'console, JSON text',
    'console, JSON inside a JSON string',
    'console, arguments side by side',
    'console, environment object',
    'description',
    'console, config file text',
    'console, XML',
    'console, HTML form',
    'request URL, encoded JSON state',
  ];
  if (format.header) named.push('console, curl command');
  if (format.header) named.push('console, header line');
  if (format.param) named.push('request URL, query');
  if (format.id === 'jwt' || format.id === 'bearer-opaque') named.push('page URL, fragment');
  if (format.byName) return named;
  return [...named, 'console, mid-line text', 'click step label', 'uncaught error message', 'request URL, query'];
}

function plant(random: Random, format: SecretFormat, value: string, placement: Placement): Plant {
  const name = nameFor(random, format);
  const [outer, inner] = one(random, CONTEXTS);
  const host = one(random, HOSTS);
  switch (placement) {
    case 'console, nested three deep':
      return { into: 'console', args: [one(random, MESSAGES), { [outer]: { [inner]: { id: 42, [name]: value } } }] };
    case 'console, JSON text':
      return {
        into: 'console',
        args: [
          'Response body:',
          JSON.stringify({ status: 'error', [outer]: { [inner]: { [name]: value, retry: true } } }),
        ],
      };
    case 'console, JSON inside a JSON string':
      return {
        into: 'console',
        args: [
          JSON.stringify({ event: 'config.loaded', payload: JSON.stringify({ [name]: value, region: 'eu-west-3' }) }),
        ],
      };
    case 'console, arguments side by side':
      return {
        into: 'console',
        args: [format.personal ? name : one(random, [name, `${name}:`, `Using ${name}`]), value],
      };
    case 'console, header line': {
      const header = format.header!;
      const scheme =
        header === 'Authorization'
          ? format.id === 'okta'
            ? 'SSWS '
            : format.id === 'discord-bot'
              ? 'Bot '
              : 'Bearer '
          : '';
      const cookie = header === 'Cookie' ? `${one(random, format.names)}=` : '';
      const line = `${header}: ${scheme}${cookie}${value}`;
      const form = random();
      if (form < 0.4)
        return {
          into: 'console',
          args: [`Request headers:\nAccept: application/json\n${line}\nX-Request-Id: 7f3c9a1e`],
        };
      if (form < 0.7) return { into: 'console', args: [`GET https://${host}/v2/items failed (401) with ${line}`] };
      return {
        into: 'console',
        args: [
          'fetch failed',
          { url: `https://${host}/v2/items`, headers: { [header]: `${scheme}${cookie}${value}` } },
        ],
      };
    }
    case 'console, mid-line text':
      return {
        into: 'console',
        args: [
          one(random, [
            `Deploy step failed: ${value} was rejected (403)`,
            `Retrying with ${value} in 30s`,
            `[integrations] using ${value} for ${host}`,
          ]),
        ],
        level: 'warn',
      };
    case 'console, environment object':
      return {
        into: 'console',
        args: ['runtime config', { NODE_ENV: 'production', RELEASE: 'v2.14.3', [one(random, format.names)]: value }],
      };
    case 'uncaught error message':
      return {
        into: 'error',
        message: format.url
          ? `Error: POST ${value} failed: 404`
          : `Error: Invalid credentials ${value} for https://${host}/v1/session`,
      };
    case 'request URL, query': {
      if (format.id === 'azure-sas')
        return {
          into: 'request',
          url: `https://acmestorage.blob.core.windows.net/invoices/INV-2024-0042.pdf?${value}`,
          method: 'GET',
          status: 403,
        };
      const param = format.param ?? one(random, ['api_key', 'token', 'access_token', 'key']);
      return {
        into: 'request',
        url: `https://${host}/v1/${one(random, ['orders', 'reports/export', 'me'])}?${param}=${encodeURIComponent(value)}&page=2`,
        method: 'GET',
        status: one(random, [401, 403, 500]),
      };
    }
    case 'request URL, path':
      if (format.url) return { into: 'request', url: value, method: 'POST', status: one(random, [400, 404, 410]) };
      return {
        into: 'request',
        url: `https://${host}${one(random, ['/api/password/reset/', '/api/invitations/accept/', '/auth/magic-link/', '/api/email/verify/'])}${value}`,
        method: 'POST',
        status: 410,
      };
    case 'page URL, fragment':
      return {
        into: 'page',
        url: format.link
          ? `https://app.example.com/#/invite/${value}`
          : `https://app.example.com/oauth/callback#access_token=${value}&token_type=Bearer&expires_in=3600`,
      };
    case 'page URL, path':
      return {
        into: 'page',
        url: `https://app.example.com${one(random, ['/account/reset/MQ/', '/unsubscribe/', '/activate/', '/confirm-email/'])}${value}?lang=fr`,
      };
    case 'navigation step URL':
      return {
        into: 'step',
        kind: 'navigation',
        label: `https://app.example.com/invitations/${value}/accept`,
        how: 'push',
      };
    case 'click step label':
      return { into: 'step', kind: 'click', label: `button "Copy ${value}"` };
    case 'console, config file text': {
      const key = one(random, format.names);
      return {
        into: 'console',
        args: [
          one(random, [
            `Loaded .env:\nNODE_ENV=production\n${key}=${value}\nLOG_LEVEL=info`,
            `config.yml:\nserver:\n  port: 8080\n  ${key}: ${value}\n  timeout: 30s`,
            `export ${key}="${value}"`,
          ]),
        ],
      };
    }
    case 'console, XML': {
      const tag = one(random, format.names).replace(/[^A-Za-z0-9_-]/g, '');
      return {
        into: 'console',
        args: [
          `SOAP fault for <Request><Account>8841</Account><${tag}>${value}</${tag}><Amount>129.90</Amount></Request>`,
        ],
      };
    }
    case 'console, HTML form':
      return {
        into: 'console',
        args: [
          `Form markup changed: <form action="/session"><input type="hidden" name="${one(random, format.names)}" value="${value}"><button>Save</button></form>`,
        ],
        level: 'warn',
      };
    case 'console, curl command': {
      const header = format.header!;
      const scheme = header === 'Authorization' ? 'Bearer ' : '';
      return {
        into: 'console',
        args: [
          `To reproduce: curl -X POST 'https://${host}/v1/sync' -H 'Content-Type: application/json' -H '${header}: ${scheme}${value}'`,
        ],
      };
    }
    case 'request URL, encoded JSON state':
      return {
        into: 'request',
        url: `https://${host}/oauth/continue?state=${encodeURIComponent(JSON.stringify({ returnTo: '/orders', [one(random, format.names)]: value }))}`,
        method: 'GET',
        status: 400,
      };
    case 'description':
      return { into: 'description', text: `I pasted my ${name} ${value} in the settings and now nothing works.` };
  }
}

/** Samples per format; link tokens get more, spread over the several places a link shows. */
const PER_FORMAT = 5;
const PER_LINK_FORMAT = 10;
const PER_TICKET = 40;

/** Tickets holding every planted secret, and where each one went. */
export function recallCorpus(seed = 2024): { tickets: Ticket[]; planted: Planted[] } {
  const random = seededRandom(seed);
  const planned: Array<{ format: SecretFormat; value: string; placement: Placement; plant: Plant }> = [];
  for (const format of FORMATS) {
    const placements = placementsFor(format);
    const offset = Math.floor(random() * placements.length);
    for (let i = 0; i < (format.link ? PER_LINK_FORMAT : PER_FORMAT); i++) {
      const value = format.make(random);
      const placement = placements[(offset + i) % placements.length];
      planned.push({ format, value, placement, plant: plant(random, format, value, placement) });
    }
  }
  // Shuffled, so a ticket holds many formats side by side.
  for (let i = planned.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [planned[i], planned[j]] = [planned[j], planned[i]];
  }
  const tickets: Ticket[] = [];
  const planted: Planted[] = [];
  for (let start = 0; start < planned.length; start += PER_TICKET) {
    const batch = planned.slice(start, start + PER_TICKET);
    tickets.push(
      ticketOf(
        batch.map((p) => p.plant),
        random,
      ),
    );
    for (const p of batch)
      planted.push({
        format: p.format,
        value: p.value,
        secret: p.format.secret ? p.format.secret(p.value) : p.value,
        placement: p.placement,
        ticket: tickets.length - 1,
      });
  }
  return { tickets, planted };
}

function ticketOf(plants: Plant[], random: Random): Ticket {
  let clock = 1_718_000_000_000;
  const recorder = createRecorder(() => clock++);
  // Ordinary traffic around the secrets, as in any report.
  recorder.line('console', ['Download the React DevTools for a better development experience'], undefined, 'warn');
  // The page's address and its referrer hold one URL each; more go where the app went next.
  const pageUrls: string[] = [];
  const description: string[] = ['The page stops responding after I save.'];
  for (const p of plants) {
    if (p.into === 'console')
      recorder.line('console', p.args, 'https://app.example.com/static/js/main.3f9a1c2b.js', p.level ?? 'error');
    else if (p.into === 'error')
      recorder.line('error', p.message, 'https://app.example.com/static/js/main.3f9a1c2b.js');
    else if (p.into === 'request') recorder.request({ method: p.method, url: p.url, status: p.status, type: 'fetch' });
    else if (p.into === 'step') recorder.step({ kind: p.kind, label: p.label, ...(p.how ? { how: p.how } : {}) });
    else if (p.into === 'page' && pageUrls.length < 2) pageUrls.push(p.url);
    else if (p.into === 'page') recorder.step({ kind: 'navigation', label: p.url, how: 'hashchange' });
    else description.push(p.text);
  }
  const snapshot = recorderSnapshotSchema.parse(recorder.snapshot());
  return ticketSchema.parse({
    version: 1,
    id: `123e4567-e89b-42d3-a456-${pick(random, '0123456789abcdef', 12)}`,
    createdAt: '2024-06-10T12:34:56.789Z',
    description: description.join('\n'),
    page: {
      url: (pageUrls[0] ?? 'https://app.example.com/orders?page=2').slice(0, LIMITS.urlChars),
      ...(pageUrls[1] ? { referrer: pageUrls[1] } : {}),
      title: 'Orders · Acme',
      readyState: 'complete',
      visibility: 'visible',
    },
    environment: {
      userAgent:
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.85 Safari/537.36',
      viewport: { width: 1280, height: 800 },
      devicePixelRatio: 1,
      language: 'fr-FR',
      extensionVersion: '0.1.0',
    },
    console: snapshot.console,
    network: snapshot.network,
    steps: snapshot.steps,
    screenshot: null,
    capture: {
      recorderInstalledAt: new Date(snapshot.installedAt).toISOString(),
      recorderMissing: false,
      dropped: snapshot.dropped,
    },
  });
}
