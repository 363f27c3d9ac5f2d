/**
 * TEMPORARY test path, to be replaced by the settings model's connectorConfig(settings, secrets):
 * a whole ConnectorConfig (secrets included) stored under `local:connector`. When set, the background
 * uses it instead of the webhook endpoint. Only E2E tests write it, from the service worker; the
 * options page neither reads nor shows it. Like every secret, it stays in the background.
 */
import { storage } from '#imports';
import type { ConnectorConfig } from './config';

const TYPES = new Set<ConnectorConfig['type']>(['none', 'webhook', 'glpi', 'zammad', 'rt', 'redmine']);

export const connectorOverride = storage.defineItem<ConnectorConfig | null>('local:connector', { fallback: null });

/** The stored configuration when it names a known connector; anything else is ignored. */
export async function overriddenConnector(): Promise<ConnectorConfig | null> {
  const value = await connectorOverride.getValue();
  return value && typeof value === 'object' && TYPES.has(value.type) ? value : null;
}
