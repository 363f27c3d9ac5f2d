import type { Receipt } from '../report/draft';
import type { WebhookPayload } from '../ticket/schema';
import { classifyStatus, type DeliveryFailure } from './errors';

export type DeliveryResult = { ok: true; receipt: Receipt } | { ok: false; failure: DeliveryFailure };

export interface WebhookTarget {
  url: string;
  token: string;
}

/** The endpoint's own words about a refusal, kept short: JSON `{error|message}` or plain text. */
async function replyDetail(response: Response): Promise<string> {
  const text = (await response.text().catch(() => '')).slice(0, 2000);
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const said = body.error ?? body.message;
    if (typeof said === 'string') return said.slice(0, 300);
  } catch {
    /* not JSON: fall through to the text */
  }
  return text.trim().slice(0, 300) || response.statusText;
}

export function parseReceipt(body: unknown): Receipt | null {
  if (!body || typeof body !== 'object') return null;
  const { id, url } = body as { id?: unknown; url?: unknown };
  if (typeof id !== 'string' && typeof id !== 'number') return null;
  const receipt: Receipt = { id: String(id) };
  if (typeof url === 'string' && /^https?:\/\//.test(url)) receipt.url = url;
  return receipt;
}

/** POST the ticket as JSON. The ticket id is the Idempotency-Key, so a repeat is harmless. */
export async function postWebhook(
  target: WebhookTarget,
  payload: WebhookPayload,
  env: { fetch: typeof fetch; timeoutMs: number },
): Promise<DeliveryResult> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Idempotency-Key': payload.ticket.id,
  };
  if (target.token) headers.Authorization = `Bearer ${target.token}`;
  let response: Response;
  try {
    response = await env.fetch(target.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(env.timeoutMs),
      credentials: 'omit',
    });
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return { ok: false, failure: { kind: 'timeout', retryable: true, seconds: Math.round(env.timeoutMs / 1000) } };
    }
    return { ok: false, failure: { kind: 'network', retryable: true, detail: String((error as Error)?.message ?? error) } };
  }
  if (!response.ok) return { ok: false, failure: classifyStatus(response.status, await replyDetail(response)) };
  const receipt = parseReceipt(await response.json().catch(() => null));
  if (!receipt) return { ok: false, failure: { kind: 'bad-reply', retryable: false, detail: 'The endpoint did not answer with {id, url}' } };
  return { ok: true, receipt };
}
