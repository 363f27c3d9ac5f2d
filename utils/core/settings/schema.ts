/**
 * The settings model: every setting once, with its check and its default. Stored values, policy
 * values and imported files all go through these schemas, key by key, so one bad value never
 * costs the others. Each check's message is a problem code the pages turn into words.
 */
import { z } from 'zod';
import { parseMatchPattern } from './match-pattern';

export const CONNECTOR_TYPES = ['webhook', 'glpi', 'zammad', 'rt', 'redmine', 'itop'] as const;
const WEBHOOK_FORMATS = ['json', 'multipart'] as const;
const CONSOLE_LEVELS = ['error', 'warn', 'info', 'log', 'debug'] as const;
const REQUIRABLE_FIELDS = ['category', 'urgency'] as const;
/** Where the requester's address comes from: asked on the report page, the browser's profile, nowhere. */
const REQUESTER_SOURCES = ['asked', 'profile', 'none'] as const;

export type EndpointUrlProblem = 'empty' | 'invalid' | 'scheme' | 'insecure';

/** This machine: credentials sent over plain http: to it never cross a network. */
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '[::1]';
}

/**
 * Whether `url` travels unencrypted: plain http: to another machine. Such an address is usable only
 * when the admin names its host in `plainHttpHosts` (an intranet helpdesk without TLS).
 */
export function isUnencrypted(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && !isLoopback(parsed.hostname);
  } catch {
    return false;
  }
}

/**
 * Checks an endpoint URL as typed by an admin; null when it is usable: https:, or http: to this
 * machine or to a host named in `plainHttpHosts` ('insecure' otherwise).
 */
export function checkEndpointUrl(value: string, plainHttpHosts: readonly string[] = []): EndpointUrlProblem | null {
  const text = value.trim();
  if (!text) return 'empty';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  const host = url.hostname.toLowerCase();
  return isUnencrypted(url.href) && !plainHttpHosts.some((h) => h.toLowerCase() === host) ? 'insecure' : null;
}

/** A host name as an admin writes it for plainHttpHosts: no scheme, port or path. */
const isHostName = (text: string) => /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(text);

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'g');
    return true;
  } catch {
    return false;
  }
}

// A real syntax check needs a document, which the background lacks: this catches pasted CSS
// rules, and the privacy engine must still guard its querySelectorAll.
const isSelector = (text: string) => !/[{};]/.test(text);
const isMatchPattern = (text: string) => parseMatchPattern(text) !== null;

const unique = (items: readonly unknown[]) => new Set(items).size === items.length;
const text = (max: number) => z.string().trim().max(max, 'too-long');
/** A list edited one item a line: each item trimmed, non-empty, short, checked by `valid`. */
const lines = (max: number, itemMax: number, valid?: (item: string) => boolean, problem?: string) => {
  const item = z.string().trim().min(1, 'empty-item').max(itemMax, 'too-long');
  return z
    .array(valid ? item.refine(valid, problem) : item)
    .max(max, 'too-many')
    .refine(unique, 'duplicate');
};
const choices = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values, 'not-allowed-value')).refine(unique, 'duplicate');

const endpointUrl = z
  .string()
  .trim()
  .max(2048, 'too-long')
  .refine((v) => v === '' || checkEndpointUrl(v) !== 'invalid', 'url-invalid')
  .refine((v) => v === '' || checkEndpointUrl(v) !== 'scheme', 'url-scheme');

export const settingsShape = {
  connectorType: z.enum(CONNECTOR_TYPES, 'not-allowed-value'),
  endpointUrl,
  webhookFormat: z.enum(WEBHOOK_FORMATS, 'not-allowed-value'),
  zammadGroup: text(100),
  zammadCustomer: text(254),
  rtQueue: text(100),
  redmineProjectId: text(100).regex(/^[\w-]*$/, 'project-id'),
  redmineTrackerId: text(10).regex(/^\d*$/, 'digits-only'),
  itopUser: text(255),
  itopOrganization: text(255),
  /** File Redmine issues as the requester (X-Redmine-Switch-User); needs an administrator's key. */
  redmineSwitchUser: z.boolean(),
  organisationName: text(100),
  supportContact: text(200),
  helpText: text(2000),
  categories: lines(50, 80),
  urgencies: lines(10, 80),
  requiredFields: choices(REQUIRABLE_FIELDS),
  requesterSource: z.enum(REQUESTER_SOURCES, 'not-allowed-value'),
  requesterRequired: z.boolean(),
  collectScreenshot: z.boolean(),
  consoleLevels: choices(CONSOLE_LEVELS),
  collectNetwork: z.boolean(),
  collectSteps: z.boolean(),
  collectEnvironment: z.boolean(),
  allowedSites: lines(100, 300, isMatchPattern, 'pattern-invalid'),
  blockedSites: lines(100, 300, isMatchPattern, 'pattern-invalid'),
  redactionPatterns: lines(50, 500, isRegExp, 'regex-invalid'),
  maskSelectors: lines(100, 300, isSelector, 'selector-invalid'),
  maskAllInputs: z.boolean(),
  showForeignFrames: z.boolean(),
  plainHttpHosts: lines(20, 253, isHostName, 'host-invalid'),
  sentReportRetentionDays: z.number('wrong-type').int('out-of-range').min(0, 'out-of-range').max(365, 'out-of-range'),
};

export const secretsShape = {
  /** Webhook bearer token, GLPI user token, Zammad/RT token, Redmine API key, iTop password or token. */
  token: text(1000),
  glpiAppToken: text(1000),
  webhookSigningSecret: text(1000),
};

export const settingsSchema = z.object(settingsShape);
export const secretsSchema = z.object(secretsShape);
export type Settings = z.infer<typeof settingsSchema>;
export type Secrets = z.infer<typeof secretsSchema>;
export type SettingKey = keyof Settings;
export type SecretKey = keyof Secrets;
/** Every name an admin can set by policy or import. */
export type PolicyKey = SettingKey | SecretKey;

export const SETTING_KEYS = Object.keys(settingsShape) as SettingKey[];
export const SECRET_KEYS = Object.keys(secretsShape) as SecretKey[];

export const DEFAULT_SETTINGS: Settings = {
  connectorType: 'webhook',
  endpointUrl: '',
  webhookFormat: 'json',
  zammadGroup: '',
  zammadCustomer: '',
  rtQueue: '',
  redmineProjectId: '',
  redmineTrackerId: '',
  itopUser: '',
  itopOrganization: '',
  redmineSwitchUser: false,
  organisationName: '',
  supportContact: '',
  helpText: '',
  categories: [],
  urgencies: [],
  requiredFields: [],
  requesterSource: 'asked',
  requesterRequired: false,
  collectScreenshot: true,
  // What the recorder records today; info/log/debug are the page's chatter.
  consoleLevels: ['error', 'warn'],
  collectNetwork: true,
  collectSteps: true,
  collectEnvironment: true,
  allowedSites: [],
  blockedSites: [],
  redactionPatterns: [],
  maskSelectors: [],
  maskAllInputs: false,
  showForeignFrames: false,
  plainHttpHosts: [],
  sentReportRetentionDays: 30,
};

export const DEFAULT_SECRETS: Secrets = { token: '', glpiAppToken: '', webhookSigningSecret: '' };
