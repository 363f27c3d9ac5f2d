/**
 * Export and import. A settings file is the policy's own values: the same names an admin puts in
 * a Chrome policy file, a Firefox policies.json or the registry, so one configured browser yields
 * the policy for the whole organisation, and any of those files can be imported back.
 */
import { allShape, isRecord, parseFields, type FieldProblem } from './fields';
import { SECRET_KEYS, SETTING_KEYS, type PolicyKey, type Secrets, type Settings } from './schema';

/** Firefox's id for Mayday (wxt.config.ts); policies.json names the extension by it. */
export const FIREFOX_ADDON_ID = 'mayday@mayday.invalid';

export type PolicyValues = Partial<Record<PolicyKey, unknown>>;

/** Every setting, and the secrets that are set when `secrets` is given. */
export function exportValues(settings: Settings, secrets: Secrets | null): PolicyValues {
  const values: PolicyValues = {};
  for (const key of SETTING_KEYS) values[key] = settings[key];
  if (secrets) for (const key of SECRET_KEYS) if (secrets[key]) values[key] = secrets[key];
  return values;
}

/** For /etc/chromium/policies/managed/ (Chromium), /etc/opt/chrome/policies/managed/ (Chrome). */
export function chromePolicyFile(values: PolicyValues, extensionId: string) {
  return { '3rdparty': { extensions: { [extensionId]: values } } };
}

/** For Firefox's policies.json (or the "3rdparty" entry of an existing one). */
export function firefoxPolicyFile(values: PolicyValues, addonId = FIREFOX_ADDON_ID) {
  return { policies: { '3rdparty': { Extensions: { [addonId]: values } } } };
}

export type ImportResult =
  | { ok: true; values: PolicyValues }
  | { ok: false; reason: 'not-json' }
  | { ok: false; reason: 'no-settings' }
  | { ok: false; reason: 'invalid'; problems: FieldProblem[] };

/** The one extension entry of a policy file: ours by id, or the only one there is. */
function extensionEntry(entries: unknown, ids: readonly string[]): unknown {
  if (!isRecord(entries)) return undefined;
  for (const id of ids) if (isRecord(entries[id])) return entries[id];
  const all = Object.values(entries);
  return all.length === 1 ? all[0] : undefined;
}

/** Google Admin console wraps each value as {"Value": …}. */
function unwrapAdminConsole(values: Record<string, unknown>): Record<string, unknown> {
  const entries = Object.entries(values);
  if (!entries.length || !entries.every(([, v]) => isRecord(v) && Object.keys(v).length === 1 && 'Value' in v))
    return values;
  return Object.fromEntries(entries.map(([k, v]) => [k, (v as { Value: unknown }).Value]));
}

/**
 * Reads a settings file, a Chrome policy file, a Firefox policies.json or an Admin console file.
 * All values must be valid for any to be taken: an import either applies whole or not at all.
 */
export function importSettings(text: string, ids: readonly string[]): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (!isRecord(json)) return { ok: false, reason: 'no-settings' };
  const firefox =
    isRecord(json.policies) && isRecord(json.policies['3rdparty']) ? json.policies['3rdparty'].Extensions : undefined;
  const chrome = isRecord(json['3rdparty']) ? json['3rdparty'].extensions : undefined;
  const found =
    firefox !== undefined ? extensionEntry(firefox, ids) : chrome !== undefined ? extensionEntry(chrome, ids) : json;
  if (!isRecord(found) || !Object.keys(found).length) return { ok: false, reason: 'no-settings' };
  const { values, problems, unknown } = parseFields(allShape, unwrapAdminConsole(found));
  const all = [...problems, ...unknown.map((key): FieldProblem => ({ key, code: 'unknown-key' }))];
  return all.length ? { ok: false, reason: 'invalid', problems: all } : { ok: true, values };
}
