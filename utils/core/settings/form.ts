/**
 * The options page's form: lists are edited one item a line and the retention as typed, so the
 * form holds text where the settings hold arrays and numbers. Save goes through `readForm`.
 */
import { allShape, parseFields, type FieldProblem } from './fields';
import { checkEndpointUrl, SECRET_KEYS, SETTING_KEYS, type PolicyKey, type Secrets, type Settings } from './schema';

const LINE_LIST_KEYS = [
  'categories',
  'urgencies',
  'allowedSites',
  'blockedSites',
  'redactionPatterns',
  'maskSelectors',
  'plainHttpHosts',
] as const;
type LineListKey = (typeof LINE_LIST_KEYS)[number];

export type FormState = Omit<Settings, LineListKey | 'sentReportRetentionDays'> &
  Record<LineListKey, string> & { sentReportRetentionDays: string } & Secrets;

export type ReadForm = { ok: true; settings: Settings; secrets: Secrets } | { ok: false; problems: FieldProblem[] };

const isLineList = (key: string): key is LineListKey => (LINE_LIST_KEYS as readonly string[]).includes(key);

/** Secrets set by policy are not put in the form: the page shows them as locked, never their value. */
export function formFrom(settings: Settings, secrets: Secrets, locked: readonly PolicyKey[] = []): FormState {
  const form: Record<string, unknown> = { ...settings, ...secrets };
  for (const key of LINE_LIST_KEYS) form[key] = settings[key].join('\n');
  form.sentReportRetentionDays = String(settings.sentReportRetentionDays);
  for (const key of SECRET_KEYS) if (locked.includes(key)) form[key] = '';
  return form as FormState;
}

/** Which connector fields must be filled for reports to go anywhere. */
export function requiredFor(settings: Pick<Settings, 'connectorType'>): PolicyKey[] {
  switch (settings.connectorType) {
    case 'webhook':
      return ['endpointUrl'];
    case 'glpi':
      return ['endpointUrl', 'token'];
    case 'zammad':
      return ['endpointUrl', 'token', 'zammadGroup'];
    case 'rt':
      return ['endpointUrl', 'token', 'rtQueue'];
    case 'redmine':
      return ['endpointUrl', 'token', 'redmineProjectId'];
    case 'itop':
      return ['endpointUrl', 'token', 'itopOrganization'];
  }
}

/**
 * The form's values as settings and secrets, or every problem found; nothing is half-applied.
 * `locked` keys are exempt from "required": their value comes from policy, not from the form.
 */
export function readForm(form: FormState, locked: readonly PolicyKey[] = []): ReadForm {
  const raw: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(form)) {
    raw[key] = isLineList(key)
      ? (value as string)
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
      : value;
  }
  const days = form.sentReportRetentionDays.trim();
  if (/^\d+$/.test(days)) raw.sentReportRetentionDays = Number(days);
  else {
    delete raw.sentReportRetentionDays;
    problems.push({ key: 'sentReportRetentionDays', code: 'not-a-number' });
  }
  const parsed = parseFields(allShape, raw);
  problems.push(...parsed.problems);
  for (const key of requiredFor(form)) {
    const value = raw[key];
    if (!locked.includes(key) && typeof value === 'string' && !value.trim() && !problems.some((p) => p.key === key)) {
      problems.push({ key, code: 'required' });
    }
  }
  // An unencrypted address needs its host named in plainHttpHosts (two fields, checked together).
  const url = raw.endpointUrl;
  const hosts = Array.isArray(raw.plainHttpHosts) ? (raw.plainHttpHosts as string[]) : [];
  if (typeof url === 'string' && url.trim() && !problems.some((p) => p.key === 'endpointUrl')) {
    if (checkEndpointUrl(url, hosts) === 'insecure') problems.push({ key: 'endpointUrl', code: 'url-insecure' });
  }
  if (problems.length) return { ok: false, problems };
  const values = parsed.values as Settings & Secrets;
  const pick = <K extends string>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, values[k as keyof typeof values]]));
  return { ok: true, settings: pick(SETTING_KEYS) as Settings, secrets: pick(SECRET_KEYS) as Secrets };
}

/** Imported or policy values as form fields (lists as lines, numbers as text). */
export function formPatch(values: Partial<Record<PolicyKey, unknown>>): Partial<FormState> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    patch[key] =
      Array.isArray(value) && isLineList(key) ? value.join('\n') : typeof value === 'number' ? String(value) : value;
  }
  return patch;
}
