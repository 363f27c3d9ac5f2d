/**
 * The webhook's helpdesk loop (docs/delivery.md, "The webhook contract"): GET statusUrl for the
 * status and public replies; POST replyUrl with the added information, its own Idempotency-Key,
 * signed like tickets when a secret is set.
 */
import type { ConnectorConfig } from '../config';
import { isFailure, request } from '../connector';
import { TICKET_STATUSES, type FollowUpConnector, type TechnicianReply, type TicketStatus } from '../follow-up';
import { publicReplies } from '../follow-up';
import { signWebhook } from '../signature';
import { badReply, failed, failureFrom, replyBody } from './helpdesk';

type WebhookConfig = Extract<ConnectorConfig, { type: 'webhook' }>;

function parseReply(value: unknown): TechnicianReply | null {
  const { id, at, author, text } = (value ?? {}) as Record<string, unknown>;
  if ((typeof id !== 'string' && typeof id !== 'number') || typeof text !== 'string') return null;
  return {
    id: String(id),
    at:
      typeof at === 'string' && Number.isFinite(Date.parse(at))
        ? new Date(at).toISOString()
        : new Date(0).toISOString(),
    author: typeof author === 'string' ? author : '',
    text,
  };
}

export function webhookFollowUp(config: WebhookConfig): FollowUpConnector {
  const auth: Record<string, string> = config.token ? { Authorization: `Bearer ${config.token}` } : {};
  return {
    follows: (receipt) => Boolean(receipt.statusUrl),
    async status(receipt, ctx) {
      if (!receipt.statusUrl) return { ok: false, failure: badReply('the endpoint gave no statusUrl') };
      const reply = await replyBody(await request(ctx, receipt.statusUrl, { method: 'GET', headers: auth }), ctx.now());
      if (isFailure(reply)) return { ok: false, failure: reply };
      const body = (reply.body ?? {}) as { status?: unknown; closed?: unknown; replies?: unknown };
      if (!TICKET_STATUSES.includes(body.status as TicketStatus))
        return { ok: false, failure: badReply(`statusUrl answered an unknown status: ${String(body.status)}`) };
      const replies = (Array.isArray(body.replies) ? body.replies : []).map(parseReply).filter((r) => r !== null);
      return {
        ok: true,
        followUp: {
          status: body.status as TicketStatus,
          closed: body.closed === true || body.status === 'closed',
          replies: publicReplies(replies),
        },
      };
    },
    async addInformation(receipt, info, ctx) {
      if (!receipt.replyUrl) return failed(badReply('the endpoint gave no replyUrl'));
      const body = new TextEncoder().encode(JSON.stringify({ text: info.text, attachments: info.attachments }));
      const headers: Record<string, string> = {
        ...auth,
        'Content-Type': 'application/json',
        'Idempotency-Key': info.id,
      };
      if (config.signingSecret) {
        const timestamp = Math.floor(ctx.now() / 1000);
        headers['webhook-id'] = info.id;
        headers['webhook-timestamp'] = String(timestamp);
        headers['webhook-signature'] = await signWebhook(config.signingSecret, info.id, timestamp, body);
      }
      const response = await request(ctx, receipt.replyUrl, { method: 'POST', headers, body: body as BodyInit });
      if (isFailure(response)) return failed(response);
      if (!response.ok) return failed(await failureFrom(response, ctx.now()));
      const answer = (await response.json().catch(() => null)) as { id?: unknown } | null;
      const id = answer?.id;
      if (typeof id !== 'string' && typeof id !== 'number') return failed(badReply('replyUrl answered without an id'));
      return { ok: true, receipt: { id: String(id) } };
    },
  };
}
