/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256 over
 * "<id>.<timestamp>.<body>", sent as "v1,<base64>". The secret is "whsec_<base64 key>" (a secret
 * without the prefix is used as raw text). Used by the webhook connector and checked by the
 * reference receiver, in the browser and in Node alike (Web Crypto).
 */
import { base64ToBytes, bytesToBase64 } from '../encoding';

const SECRET_PREFIX = 'whsec_';

function secretBytes(secret: string): Uint8Array {
  if (!secret.startsWith(SECRET_PREFIX)) return new TextEncoder().encode(secret);
  return base64ToBytes(secret.slice(SECRET_PREFIX.length));
}

export async function signWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: Uint8Array,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    secretBytes(secret) as BufferSource,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const prefix = new TextEncoder().encode(`${id}.${timestampSeconds}.`);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix);
  signed.set(body, prefix.length);
  return `v1,${bytesToBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, signed)))}`;
}

/** True when one of the space-separated signatures matches and the timestamp is recent. */
export async function verifyWebhook(
  secret: string,
  headers: { id?: string; timestamp?: string; signature?: string },
  body: Uint8Array,
  nowSeconds: number,
  toleranceSeconds = 300,
): Promise<boolean> {
  const timestamp = Number(headers.timestamp);
  if (!headers.id || !headers.signature || !Number.isInteger(timestamp)) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = await signWebhook(secret, headers.id, timestamp, body);
  return headers.signature.split(' ').some((candidate) => candidate === expected);
}
