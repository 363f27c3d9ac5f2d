/**
 * The webhook connector: the ticket as JSON (attachments base64) or as multipart/form-data (a JSON
 * part `payload_json` plus `files[n]`), optionally signed with Standard Webhooks headers. The
 * endpoint answers 2xx {id, url}; the ticket id is the Idempotency-Key on every attempt.
 */
import type { Receipt } from '../../model/draft';
import { base64ToBytes } from '../../encoding';
import type { ConnectorConfig } from '../config';
import { isFailure, replyDetail, request, type Connector, type OutgoingReport } from '../connector';
import { classifyStatus, parseRetryAfter } from '../errors';
import { encodeMultipart } from '../multipart';
import { signWebhook } from '../signature';
import { webhookFollowUp } from './webhook-follow-up';

type WebhookConfig = Extract<ConnectorConfig, { type: 'webhook' }>;

export function parseReceipt(body: unknown): Receipt | null {
  if (!body || typeof body !== 'object') return null;
  const { id, url } = body as { id?: unknown; url?: unknown };
  if (typeof id !== 'string' && typeof id !== 'number') return null;
  const receipt: Receipt = { id: String(id) };
  if (typeof url === 'string' && /^https?:\/\//.test(url)) receipt.url = url;
  // The helpdesk loop (docs/delivery.md, "The webhook contract"): where to follow the ticket.
  const { statusUrl, replyUrl } = body as { statusUrl?: unknown; replyUrl?: unknown };
  if (typeof statusUrl === 'string' && /^https?:\/\//.test(statusUrl)) receipt.statusUrl = statusUrl;
  if (typeof replyUrl === 'string' && /^https?:\/\//.test(replyUrl)) receipt.replyUrl = replyUrl;
  return receipt;
}

export function encodeWebhookBody(
  report: OutgoingReport,
  format: WebhookConfig['format'],
): { body: Uint8Array; contentType: string } {
  if (format === 'json')
    return { body: new TextEncoder().encode(JSON.stringify(report)), contentType: 'application/json' };
  const manifest = {
    ticket: report.ticket,
    attachments: report.attachments.map(({ filename, contentType }, n) => ({
      filename,
      contentType,
      part: `files[${n}]`,
    })),
  };
  return encodeMultipart(
    [
      {
        name: 'payload_json',
        contentType: 'application/json',
        data: new TextEncoder().encode(JSON.stringify(manifest)),
      },
      ...report.attachments.map((file, n) => ({
        name: `files[${n}]`,
        filename: file.filename,
        contentType: file.contentType,
        data: base64ToBytes(file.data),
      })),
    ],
    `mayday-${report.ticket.id}`,
  );
}

export function webhookConnector(config: WebhookConfig): Connector {
  return {
    followUp: webhookFollowUp(config),
    async send(report, ctx) {
      const { body, contentType } = encodeWebhookBody(report, config.format);
      const headers: Record<string, string> = { 'Content-Type': contentType, 'Idempotency-Key': report.ticket.id };
      if (config.token) headers.Authorization = `Bearer ${config.token}`;
      if (config.signingSecret) {
        const timestamp = Math.floor(ctx.now() / 1000);
        headers['webhook-id'] = report.ticket.id;
        headers['webhook-timestamp'] = String(timestamp);
        headers['webhook-signature'] = await signWebhook(config.signingSecret, report.ticket.id, timestamp, body);
      }
      const response = await request(ctx, config.url, { method: 'POST', headers, body: body as BodyInit });
      if (isFailure(response)) return { ok: false, failure: response };
      if (!response.ok) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), ctx.now());
        return { ok: false, failure: classifyStatus(response.status, await replyDetail(response), retryAfter) };
      }
      const receipt = parseReceipt(await response.json().catch(() => null));
      if (!receipt)
        return {
          ok: false,
          failure: { kind: 'bad-reply', retryable: false, detail: 'the endpoint did not answer with {id, url}' },
        };
      return { ok: true, receipt };
    },
  };
}
