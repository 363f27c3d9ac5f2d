/**
 * What every connector (webhook, GLPI, Zammad, RT, Redmine) implements. The outbox owns retries,
 * durability and idempotency; a connector only turns one report into requests and the reply into
 * a receipt or a classified failure.
 */
import type { Receipt } from '../model/draft';
import type { OutgoingReport } from '../model/ticket';
import { classifyThrown, type DeliveryFailure } from './errors';
import type { FollowUpConnector } from './follow-up';

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
  /** Status, replies and added information; absent for a helpdesk that cannot be followed. */
  followUp?: FollowUpConnector;
  /**
   * Its endpoint is plain http: to another machine, which only the admin's exception
   * (plainHttpHosts) allows: the report's status says the connection is unencrypted.
   */
  unencrypted?: boolean;
}

/** Same-origin redirects followed before giving up (a helpdesk moving /api to /api/). */
const MAX_REDIRECTS = 3;

const isRedirect = (response: Response) =>
  response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);

/**
 * Where a redirect goes: its Location when readable (a browser hides it behind an opaque
 * response), else where the same address leads when asked again without credentials or body
 * (nothing of the report or the token goes there). Undefined when neither says.
 */
async function redirectTarget(
  ctx: Pick<SendContext, 'fetch'>,
  url: string,
  response: Response,
  signal: AbortSignal,
): Promise<string | undefined> {
  const location = response.headers.get('location');
  if (location) return new URL(location, url).href;
  try {
    const probe = await ctx.fetch(url, { method: 'GET', credentials: 'omit', redirect: 'follow', signal });
    return probe.url && probe.url !== url ? probe.url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A fetch with the connector's timeout that never throws: a thrown error becomes a failure.
 * Redirects are not followed blindly: a helpdesk's answer could send the request, with its token
 * headers (fetch strips only Authorization), to another origin. One to the same origin is
 * followed; any other is refused, naming where it led.
 */
export async function request(
  ctx: Pick<SendContext, 'fetch' | 'timeoutMs'>,
  url: string,
  init: RequestInit,
): Promise<Response | DeliveryFailure> {
  const signal = AbortSignal.timeout(ctx.timeoutMs);
  try {
    let at = url;
    for (let hops = 0; ; hops++) {
      const response = await ctx.fetch(at, { credentials: 'omit', ...init, redirect: 'manual', signal });
      if (!isRedirect(response)) return response;
      const target = await redirectTarget(ctx, at, response, signal);
      if (target && new URL(target).origin === new URL(url).origin && hops < MAX_REDIRECTS) {
        at = target;
        continue;
      }
      return {
        kind: 'rejected',
        retryable: false,
        status: response.status,
        detail: target
          ? `The helpdesk redirected to ${target}: Mayday sends credentials only to the address set in its options. Set that address instead if it is right.`
          : 'The helpdesk answered with a redirect: Mayday sends credentials only to the address set in its options. Check that address.',
      };
    }
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
