/**
 * Settings v1 (0.1.0) were two storage items: `local:endpoint` ({url}) and `local:endpointToken`.
 * Settings v2 keep what the user changed in `local:settings` and `local:secrets`; these functions
 * lift a v1 install into v2 so it keeps sending to its endpoint.
 */
import { isRecord } from './fields';
import type { Secrets, Settings } from './schema';

export const V1_ENDPOINT_KEY = 'local:endpoint';
export const V1_TOKEN_KEY = 'local:endpointToken';

export function settingsFromV1(endpoint: unknown): Partial<Settings> {
  const url = isRecord(endpoint) && typeof endpoint.url === 'string' ? endpoint.url.trim() : '';
  // v1 could only send to a webhook.
  return url ? { connectorType: 'webhook', endpointUrl: url } : {};
}

export function secretsFromV1(token: unknown): Partial<Secrets> {
  return typeof token === 'string' && token.trim() ? { token: token.trim() } : {};
}
