/**
 * What the helpdesk connectors share: URLs from the admin's base address, failures from replies,
 * the answer of a connection test, and "create once" for helpdesks without an Idempotency-Key.
 */
import type { MessageKey } from '../../i18n';
import type { Receipt } from '../../model/draft';
import { isFailure, replyDetail, type SendContext, type SendResult } from '../connector';
import { classifyStatus, parseRetryAfter, type DeliveryFailure } from '../errors';

/** What a connection test needs: no progress, no clock. */
export type TestContext = Pick<SendContext, 'fetch' | 'timeoutMs'>;

export type ConnectionProblem =
  | 'unreachable'
  | 'bad-token'
  | 'no-right'
  | 'wrong-queue'
  | 'wrong-project'
  | 'wrong-organisation'
  /** Mayday can file tickets, but something in the helpdesk needs changing: see the checks. */
  | 'needs-change'
  | 'other';

/**
 * One thing a connection test looked at, in the options page's words (a public/_locales key and its
 * substitutions), with what to change in the helpdesk when it is wrong. `ok` null: not checkable.
 */
export interface ConnectionCheck {
  ok: boolean | null;
  message: MessageKey;
  substitutions?: string[];
}

export type ConnectionResult = ({ ok: true } | { ok: false; problem: ConnectionProblem; detail: string }) & {
  checks?: ConnectionCheck[];
};

/** The admin's address without trailing slashes, then `path` (which starts with "/"). */
export function endpoint(base: string, path: string): string {
  return `${base.trim().replace(/\/+$/, '')}${path}`;
}

/** A refusal as a failure, with the helpdesk's own words and any Retry-After. */
export async function failureFrom(response: Response, now: number): Promise<DeliveryFailure> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now);
  return classifyStatus(response.status, await replyDetail(response), retryAfter);
}

export async function jsonOf(response: Response): Promise<unknown> {
  return response.json().catch(() => null);
}

/** The reply's JSON (null when it is not JSON), or the failure a refusal means. */
export async function replyBody(
  reply: Response | DeliveryFailure,
  now: number,
): Promise<{ body: unknown } | DeliveryFailure> {
  if (isFailure(reply)) return reply;
  if (!reply.ok) return failureFrom(reply, now);
  return { body: await jsonOf(reply) };
}

/** A field of a helpdesk's reply as text: a string or number as it is, anything else as nothing. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export function badReply(detail: string): DeliveryFailure {
  return { kind: 'bad-reply', retryable: false, detail };
}

export function failed(failure: DeliveryFailure): SendResult {
  return { ok: false, failure };
}

/** A failed connection test in the options page's terms; `problem` for 404 depends on what was asked. */
export function problemFor(failure: DeliveryFailure, notFound: ConnectionProblem = 'other'): ConnectionResult {
  switch (failure.kind) {
    case 'network':
      return { ok: false, problem: 'unreachable', detail: failure.detail };
    case 'timeout':
      return { ok: false, problem: 'unreachable', detail: `no answer within ${failure.seconds} s` };
    case 'unauthorized':
      return {
        ok: false,
        problem: failure.status === 401 ? 'bad-token' : 'no-right',
        detail: `HTTP ${failure.status}`,
      };
    case 'rejected':
      return {
        ok: false,
        problem: failure.status === 404 ? notFound : 'other',
        detail: `HTTP ${failure.status}: ${failure.detail}`,
      };
    case 'server':
      return { ok: false, problem: 'other', detail: `HTTP ${failure.status}: ${failure.detail}` };
    default:
      return { ok: false, problem: 'other', detail: 'detail' in failure ? failure.detail : failure.kind };
  }
}

function savedReceipt(progress: Readonly<Record<string, unknown>>): Receipt | null {
  const receipt = progress.receipt as Receipt | undefined;
  return receipt && typeof receipt.id === 'string' ? receipt : null;
}

export interface CreateSteps {
  /** Looks for the ticket an earlier attempt created but whose reply was lost; null if none. */
  find(): Promise<Receipt | null | DeliveryFailure>;
  /** Creates the ticket with its attachments in one request. */
  create(): Promise<Receipt | DeliveryFailure>;
}

/**
 * For helpdesks where one request creates the ticket with its files (Zammad, RT, Redmine) and that
 * know no Idempotency-Key. "A create was sent" is recorded before sending; a later attempt then
 * searches for the report's marker before creating again. Residual risk: a search that misses a
 * ticket the helpdesk has not indexed yet still lets a duplicate through.
 */
export async function createOnce(ctx: SendContext, target: string, steps: CreateSteps): Promise<SendResult> {
  // Progress made against another helpdesk (the admin changed the settings meanwhile) does not count.
  const progress = ctx.progress.target === target ? ctx.progress : {};
  const saved = savedReceipt(progress);
  if (saved) return { ok: true, receipt: saved };
  if (progress.createSent) {
    const found = await steps.find();
    // A search refused for good (no right to search, say) must not stop delivery for ever: create.
    if (isFailure(found)) {
      if (found.retryable) return failed(found);
    } else if (found) {
      await ctx.saveProgress({ target, createSent: true, receipt: found });
      return { ok: true, receipt: found };
    }
  }
  await ctx.saveProgress({ target, createSent: true });
  const created = await steps.create();
  if (isFailure(created)) return failed(created);
  await ctx.saveProgress({ target, createSent: true, receipt: created });
  return { ok: true, receipt: created };
}

/** Which helpdesk a connector's progress belongs to. */
export function targetOf(config: { type: string; url: string }): string {
  return `${config.type}:${endpoint(config.url, '')}`;
}
