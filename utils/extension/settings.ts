/**
 * The settings every part of the extension acts on: the user's values overlaid by the valid
 * values of the organisation's policy. Read only in the background and the options page; other
 * pages ask the background for what they need.
 */
import { browser } from 'wxt/browser';
import { connectorConfig, type ConnectorConfig } from '../core/delivery/config';
import { differences, secretsFrom, settingsFrom } from '../core/settings/fields';
import { secretsItem, settingsItem } from './settings-items';
import {
  keepLockedUserValues,
  overlaySecrets,
  overlaySettings,
  readPolicy,
  type EffectiveSettings,
  type Policy,
} from '../core/settings/policy';
import { DEFAULT_SECRETS, DEFAULT_SETTINGS, type Secrets, type Settings } from '../core/settings/schema';

export type { EffectiveSettings } from '../core/settings/policy';

/** The policy as the browser holds it. Firefox rejects the read when no policy exists at all. */
async function readManagedPolicy(): Promise<Policy> {
  const managed = await browser.storage.managed.get(null).catch(() => ({}));
  return readPolicy(managed);
}

export async function getUserSettings(): Promise<Settings> {
  return settingsFrom(await settingsItem.getValue());
}

export async function getUserSecrets(): Promise<Secrets> {
  return secretsFrom(await secretsItem.getValue());
}

export async function getEffectiveSettings(): Promise<EffectiveSettings> {
  const [user, policy] = await Promise.all([getUserSettings(), readManagedPolicy()]);
  return overlaySettings(user, policy);
}

/** Where reports go now, policy applied: what the background sends with. */
export async function getConnectorConfig(): Promise<ConnectorConfig> {
  const [user, secrets, policy] = await Promise.all([getUserSettings(), getUserSecrets(), readManagedPolicy()]);
  return connectorConfig(overlaySettings(user, policy).settings, overlaySecrets(secrets, policy));
}

/** Values typed in the options page, with the policy's locked values put back over them. */
export async function applyPolicy(
  settings: Settings,
  secrets: Secrets,
): Promise<{ settings: Settings; secrets: Secrets }> {
  const policy = await readManagedPolicy();
  return { settings: overlaySettings(settings, policy).settings, secrets: overlaySecrets(secrets, policy) };
}

/**
 * Calls `cb` with fresh effective settings whenever the user's settings or the policy change;
 * returns the function that stops watching. Calls are chained so they arrive in order.
 */
export function watchEffectiveSettings(cb: (effective: EffectiveSettings) => void): () => void {
  let chain = Promise.resolve();
  const ours = [settingsItem.key, secretsItem.key].map((key) => key.replace(/^local:/, ''));
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'managed' && !(area === 'local' && ours.some((key) => key in changes))) return;
    chain = chain.then(() => getEffectiveSettings().then(cb)).catch((error) => console.error('Mayday settings', error));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Saves what the options page holds; locked keys keep the user's own earlier values. */
export async function saveUserValues(settings: Settings, secrets: Secrets, locked: readonly string[]): Promise<void> {
  const [user, userSecrets] = await Promise.all([getUserSettings(), getUserSecrets()]);
  await settingsItem.setValue(differences(keepLockedUserValues(settings, user, locked), DEFAULT_SETTINGS));
  await secretsItem.setValue(differences(keepLockedUserValues(secrets, userSecrets, locked), DEFAULT_SECRETS));
}
