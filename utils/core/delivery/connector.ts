/**
 * What every connector (webhook, GLPI, Zammad, RT, Redmine) implements. The outbox owns retries,
 * durability and idempotency; a connector only turns one report into requests and the reply into
 * a receipt or a classified failure.
 */
import type { Receipt } from '../model/draft';
import type { OutgoingReport } from '../model/ticket';
import { classifyThrown, type DeliveryFailure } from './errors';

export type { OutgoingReport };

export type SendResult = { ok: true; receipt: Receipt } | { ok: false; failure: DeliveryFailure };

export interface SendContext {
  fetch: typeof fetch;
  timeoutMs: number;
  now: () => number;
  /**
   * What the connector recorded on earlier attempts of this report (e.g. the helpdesk ticket it
   * already created), so a retry resumes instead of creating a second ticket.
   */
  progress: Readonly<Record<string, unknown>>;
  saveProgress: (progress: Record<string, unknown>) => Promise<void>;
}

export interface Connector {
  send(report: OutgoingReport, ctx: SendContext): Promise<SendResult>;
}

/** A fetch with the connector's timeout that never throws: a thrown error becomes a failure. */
export async function request(
  ctx: Pick<SendContext, 'fetch' | 'timeoutMs'>,
  url: string,
  init: RequestInit,
): Promise<Response | DeliveryFailure> {
  try {
    return await ctx.fetch(url, { credentials: 'omit', ...init, signal: AbortSignal.timeout(ctx.timeoutMs) });
  } catch (error) {
    return classifyThrown(error, ctx.timeoutMs);
  }
}

/** The endpoint's own words about a refusal, kept short: JSON `{error|message}` or plain text. */
export async function replyDetail(response: Response): Promise<string> {
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

/** Tells a failure from a reply or any other result (an id, a receipt, null). */
export function isFailure<T>(value: T | DeliveryFailure): value is DeliveryFailure {
  return typeof value === 'object' && value !== null && !(value instanceof Response) && 'kind' in value;
}
