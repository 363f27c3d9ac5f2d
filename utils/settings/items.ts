/**
 * Settings, defined once. The access token is its own item so that only the background and the
 * options page ever read it; nothing else imports `endpointToken`.
 */
import { storage } from '#imports';

export interface EndpointSettings {
  url: string;
}

export const endpointSettings = storage.defineItem<EndpointSettings>('local:endpoint', {
  fallback: { url: '' },
  version: 1,
});

export const endpointToken = storage.defineItem<string>('local:endpointToken', {
  fallback: '',
  version: 1,
});

export type EndpointUrlProblem = 'empty' | 'invalid' | 'scheme';

/** Checks an endpoint URL as typed by an admin; null when it is usable. */
export function checkEndpointUrl(value: string): EndpointUrlProblem | null {
  const text = value.trim();
  if (!text) return 'empty';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'invalid';
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'scheme';
}
