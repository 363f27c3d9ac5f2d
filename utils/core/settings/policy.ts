/**
 * Managed policy: values an admin sets for the whole organisation (storage.managed). A valid
 * policy value overrides the user's and locks the field; an invalid one is ignored and reported,
 * never fatal.
 */
import { allShape, isRecord, parseFields, type FieldProblem } from './fields';
import { SECRET_KEYS, type PolicyKey, type SecretKey, type Secrets, type SettingKey, type Settings } from './schema';

export interface Policy {
  settings: Partial<Settings>;
  secrets: Partial<Secrets>;
  problems: FieldProblem[];
}

export interface EffectiveSettings {
  settings: Settings;
  /** Keys set by policy: shown read-only with "Set by your organisation". */
  locked: PolicyKey[];
  /** Policy values that were ignored, for the options page's warning. */
  problems: FieldProblem[];
}

const isSecretKey = (key: string): key is SecretKey => (SECRET_KEYS as string[]).includes(key);

export function readPolicy(managed: unknown): Policy {
  const { values, problems, unknown } = parseFields(allShape, isRecord(managed) ? managed : {});
  const settings: Partial<Settings> = {};
  const secrets: Partial<Secrets> = {};
  for (const [key, value] of Object.entries(values)) {
    if (isSecretKey(key)) secrets[key] = value as string;
    else (settings as Record<string, unknown>)[key] = value;
  }
  const all = [...problems, ...unknown.map((key): FieldProblem => ({ key, code: 'unknown-key' }))];
  // A token pushed by policy must only ever go to the policy's own address: with an address the
  // user can change, the user could send the organisation's token to a server of their choosing.
  if (settings.endpointUrl === undefined) {
    for (const key of Object.keys(secrets) as SecretKey[]) {
      delete secrets[key];
      all.push({ key, code: 'secret-without-endpoint' });
    }
  }
  return { settings, secrets, problems: all };
}

export function overlaySettings(user: Settings, policy: Policy): EffectiveSettings {
  return {
    settings: { ...user, ...policy.settings },
    locked: [...(Object.keys(policy.settings) as SettingKey[]), ...(Object.keys(policy.secrets) as SecretKey[])],
    problems: policy.problems,
  };
}

export function overlaySecrets(user: Secrets, policy: Policy): Secrets {
  return { ...user, ...policy.secrets };
}

/**
 * What the options page stores on Save: the form's values, except that locked keys keep the
 * user's own earlier value, which comes back if the organisation lifts its policy.
 */
export function keepLockedUserValues<T extends Record<string, unknown>>(
  form: T,
  user: T,
  locked: readonly string[],
): T {
  const kept = { ...form };
  for (const key of locked) if (Object.hasOwn(user, key)) (kept as Record<string, unknown>)[key] = user[key];
  return kept;
}
