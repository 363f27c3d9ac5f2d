/**
 * Request Tracker, REST2: the ticket's Status (new, open, stalled, resolved, rejected, deleted, or a
 * lifecycle's own), its Correspond transactions as replies (Comment transactions are RT's internal
 * notes and never read), and added information as correspondence
 * (POST /ticket/N/correspond, JSON with base64 Attachments).
 */
import type { ConnectorConfig } from '../config';
import { isFailure, request, type SendContext } from '../connector';
import {
  addedMarker,
  addedText,
  isoTime,
  htmlToText,
  publicReplies,
  type FollowUpConnector,
  type FollowUpContext,
  type TechnicianReply,
  type TicketStatus,
} from '../follow-up';
import type { DeliveryFailure } from '../errors';
import { badReply, createOnce, endpoint, replyBody, targetOf } from './helpdesk';
import { auth } from './rt';

type RtConfig = Extract<ConnectorConfig, { type: 'rt' }>;

function rtStatus(status: string): { status: TicketStatus; closed: boolean } {
  switch (status.toLowerCase()) {
    case 'new':
      return { status: 'new', closed: false };
    case 'stalled':
      return { status: 'waiting', closed: false };
    // Correspondence on a resolved ticket reopens it in RT's default lifecycle.
    case 'resolved':
      return { status: 'solved', closed: false };
    case 'rejected':
    case 'deleted':
      return { status: 'closed', closed: true };
    default:
      return { status: 'in-progress', closed: false };
  }
}

async function get(config: RtConfig, path: string, ctx: FollowUpContext): Promise<unknown> {
  const reply = await replyBody(
    await request(ctx, endpoint(config.url, `/REST/2.0${path}`), { method: 'GET', headers: auth(config) }),
    ctx.now(),
  );
  return isFailure(reply) ? reply : reply.body;
}

interface RtItem {
  id?: unknown;
  Type?: unknown;
  Created?: unknown;
  /** An object with an id, or the id. */
  Creator?: unknown;
  TransactionId?: unknown;
  ContentType?: unknown;
  Content?: unknown;
}

const idOf = (value: unknown) =>
  String(typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : (value ?? ''));

/** Every Correspond transaction's text, with its author and time. */
async function correspondence(
  config: RtConfig,
  ticketId: string,
  ctx: FollowUpContext,
): Promise<TechnicianReply[] | DeliveryFailure> {
  const history = await get(config, `/ticket/${ticketId}/history?per_page=100&fields=Type,Created,Creator`, ctx);
  if (isFailure(history)) return history;
  const transactions = new Map<string, RtItem>();
  for (const item of (history as { items?: RtItem[] } | null)?.items ?? [])
    if (item.Type === 'Correspond') transactions.set(String(item.id), item);
  if (!transactions.size) return [];
  const attachments = await get(
    config,
    `/ticket/${ticketId}/attachments?per_page=100&fields=TransactionId,ContentType,Content`,
    ctx,
  );
  if (isFailure(attachments)) return attachments;
  const texts = new Map<string, string>();
  for (const part of (attachments as { items?: RtItem[] } | null)?.items ?? []) {
    const transaction = idOf(part.TransactionId);
    if (!transactions.has(transaction) || texts.has(transaction) || typeof part.Content !== 'string') continue;
    const type = typeof part.ContentType === 'string' ? part.ContentType : '';
    if (type !== 'text/plain' && type !== 'text/html') continue;
    // A collection's fields carry the decoded text (only /attachment/N answers in base64).
    texts.set(transaction, type === 'text/html' ? htmlToText(part.Content) : part.Content);
  }
  return [...transactions].map(([id, item]) => ({
    id,
    at: isoTime(item.Created, ctx.now()),
    author: idOf(item.Creator),
    text: texts.get(id) ?? '',
  }));
}

export function rtFollowUp(config: RtConfig): FollowUpConnector {
  return {
    follows: () => true,
    async status(receipt, ctx) {
      const ticket = await get(config, `/ticket/${receipt.id}?fields=Status`, ctx);
      if (isFailure(ticket)) return { ok: false, failure: ticket };
      const status = (ticket as { Status?: unknown } | null)?.Status;
      if (typeof status !== 'string') return { ok: false, failure: badReply('RT answered without a Status') };
      const replies = await correspondence(config, receipt.id, ctx);
      if (isFailure(replies)) return { ok: false, failure: replies };
      return { ok: true, followUp: { ...rtStatus(status), replies: publicReplies(replies) } };
    },
    addInformation(receipt, info, ctx: SendContext) {
      return createOnce(ctx, `${targetOf(config)}#${receipt.id}`, {
        find: async () => {
          const found = await correspondence(config, receipt.id, ctx);
          if (isFailure(found)) return found;
          const mine = found.find((r) => r.text.includes(addedMarker(info.id)));
          return mine ? { id: mine.id } : null;
        },
        create: async () => {
          const reply = await replyBody(
            await request(ctx, endpoint(config.url, `/REST/2.0/ticket/${receipt.id}/correspond`), {
              method: 'POST',
              headers: { ...auth(config), 'Content-Type': 'application/json' },
              body: JSON.stringify({
                Content: addedText(info),
                ContentType: 'text/plain',
                Attachments: info.attachments.map((file) => ({
                  FileName: file.filename,
                  FileType: file.contentType,
                  FileContent: file.data,
                })),
              }),
            }),
            ctx.now(),
          );
          if (isFailure(reply)) return reply;
          return { id: `${receipt.id}:${info.id.slice(0, 8)}` };
        },
      });
    },
  };
}
