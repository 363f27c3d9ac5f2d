/**
 * Request Tracker 5, REST2: one POST /REST/2.0/ticket with the queue, subject, HTML content and the
 * files base64 (attachments at creation exist since RT 5.0.2). Auth tokens are built in
 * ("Authorization: token …"). Errors come as {"message": …}; RT answers 403, not 404, when asked to
 * create in a queue that does not exist, so the connection test looks the queue up first.
 */
import type { Receipt } from '../../model/draft';
import type { ConnectorConfig } from '../config';
import { isFailure, request, type Connector, type OutgoingReport } from '../connector';
import { ticketBody, ticketTitle } from './body';
import {
  badReply,
  createOnce,
  endpoint,
  failureFrom,
  jsonOf,
  problemFor,
  replyBody,
  targetOf,
  type ConnectionResult,
  type TestContext,
} from './helpdesk';

type RtConfig = Extract<ConnectorConfig, { type: 'rt' }>;

export const auth = (config: RtConfig) => ({ Authorization: `token ${config.token}` });

/**
 * RT can search ticket contents only with full-text indexing, which is off by default; subjects are
 * always searchable. So the subject carries a short marker a retry can find.
 */
export function rtMarker(ticketId: string): string {
  return `[Mayday ${ticketId.slice(0, 8)}]`;
}

function rtTicket(config: RtConfig, report: OutgoingReport) {
  return {
    Queue: config.queue,
    // RT makes the requester a user (unprivileged) if the address is new, and answers them by email.
    ...(report.ticket.reporter?.email ? { Requestor: report.ticket.reporter.email } : {}),
    Subject: `${ticketTitle(report.ticket)} ${rtMarker(report.ticket.id)}`,
    Content: ticketBody(report.ticket).html,
    ContentType: 'text/html',
    Attachments: report.attachments.map((file) => ({
      FileName: file.filename,
      FileType: file.contentType,
      FileContent: file.data,
    })),
  };
}

function receiptOf(config: RtConfig, id: unknown): Receipt | null {
  return typeof id === 'string' && /^\d+$/.test(id)
    ? { id, url: endpoint(config.url, `/Ticket/Display.html?id=${id}`) }
    : null;
}

/** TicketSQL string literal. */
const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function rtConnector(config: RtConfig): Connector {
  return {
    send(report, ctx) {
      return createOnce(ctx, targetOf(config), {
        find: async () => {
          const query = `Queue = ${quote(config.queue)} AND Subject LIKE ${quote(rtMarker(report.ticket.id))}`;
          const url = endpoint(config.url, `/REST/2.0/tickets?query=${encodeURIComponent(query)}&per_page=1`);
          const reply = await replyBody(await request(ctx, url, { method: 'GET', headers: auth(config) }), ctx.now());
          if (isFailure(reply)) return reply;
          const [first] = (reply.body as { items?: { id?: unknown }[] } | null)?.items ?? [];
          return first ? receiptOf(config, first.id) : null;
        },
        create: async () => {
          const reply = await request(ctx, endpoint(config.url, '/REST/2.0/ticket'), {
            method: 'POST',
            headers: { ...auth(config), 'Content-Type': 'application/json' },
            body: JSON.stringify(rtTicket(config, report)),
          });
          const created = await replyBody(reply, ctx.now());
          if (isFailure(created)) return created;
          return (
            receiptOf(config, (created.body as { id?: unknown } | null)?.id) ??
            badReply('RT answered without a ticket id')
          );
        },
      });
    },
  };
}

interface RtQueue {
  id?: unknown;
  Disabled?: unknown;
  _hyperlinks?: { ref?: string }[];
}

/**
 * GET /REST/2.0/queue/<queue>: the token works, the queue exists, and RT offers a "create" link on
 * it, which it does only when the token's user has the CreateTicket right there.
 */
export async function testRt(config: RtConfig, ctx: TestContext): Promise<ConnectionResult> {
  const reply = await request(ctx, endpoint(config.url, `/REST/2.0/queue/${encodeURIComponent(config.queue)}`), {
    method: 'GET',
    headers: auth(config),
  });
  if (isFailure(reply)) return problemFor(reply);
  if (!reply.ok) return problemFor(await failureFrom(reply, 0), 'wrong-queue');
  const queue = (await jsonOf(reply)) as RtQueue | null;
  if (queue?.id === undefined) return { ok: false, problem: 'other', detail: 'the address answered, but not like RT' };
  if (String(queue.Disabled) === '1')
    return { ok: false, problem: 'wrong-queue', detail: `the queue "${config.queue}" is disabled` };
  if (!queue._hyperlinks?.some((link) => link.ref === 'create'))
    return { ok: false, problem: 'no-right', detail: `no right to create tickets in "${config.queue}"` };
  return { ok: true };
}
