/**
 * Zammad: one POST /api/v1/tickets carries the ticket, its first article and the files (base64).
 * Token auth ("Authorization: Token token=…"). Receipt: the ticket number and its #ticket/zoom/ page.
 * Errors come as {"error", "error_human"}: 401 unknown token, 403 missing permission, 422 refused
 * values (an unknown group or customer), 413 from the web server in front when the body is too big.
 */
import type { Receipt } from '../../model/draft';
import type { Ticket } from '../../model/ticket';
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

type ZammadConfig = Extract<ConnectorConfig, { type: 'zammad' }>;

export const auth = (config: ZammadConfig) => ({ Authorization: `Token token=${config.token}` });

/** The customer setting as given; else the reporter's address, created if unknown; else the token's own user. */
function customerOf(config: ZammadConfig, ticket: Ticket): string | undefined {
  if (config.customer.trim()) return config.customer.trim();
  return ticket.reporter?.email ? `guess:${ticket.reporter.email}` : undefined;
}

function zammadTicket(config: ZammadConfig, report: OutgoingReport) {
  const title = ticketTitle(report.ticket);
  const customer = customerOf(config, report.ticket);
  return {
    title,
    group: config.group,
    ...(customer ? { customer } : {}),
    article: {
      subject: title,
      body: ticketBody(report.ticket).html,
      content_type: 'text/html',
      type: 'note',
      internal: false,
      attachments: report.attachments.map((file) => ({
        filename: file.filename,
        data: file.data,
        'mime-type': file.contentType,
      })),
    },
  };
}

function receiptOf(config: ZammadConfig, body: unknown): Receipt | null {
  const { id, number } = (body ?? {}) as { id?: unknown; number?: unknown };
  if (typeof id !== 'number' || (typeof number !== 'string' && typeof number !== 'number')) return null;
  return { id: String(number), ref: String(id), url: endpoint(config.url, `/#ticket/zoom/${id}`) };
}

export function zammadConnector(config: ZammadConfig): Connector {
  return {
    send(report, ctx) {
      return createOnce(ctx, targetOf(config), {
        // Zammad searches article bodies (Elasticsearch, or SQL LIKE without it); the body holds the report id.
        find: async () => {
          const url = endpoint(
            config.url,
            `/api/v1/tickets/search?query=${encodeURIComponent(report.ticket.id)}&limit=1&expand=true`,
          );
          const found = await replyBody(await request(ctx, url, { method: 'GET', headers: auth(config) }), ctx.now());
          if (isFailure(found)) return found;
          return Array.isArray(found.body) && found.body.length ? receiptOf(config, found.body[0]) : null;
        },
        create: async () => {
          const reply = await request(ctx, endpoint(config.url, '/api/v1/tickets'), {
            method: 'POST',
            headers: { ...auth(config), 'Content-Type': 'application/json' },
            body: JSON.stringify(zammadTicket(config, report)),
          });
          const created = await replyBody(reply, ctx.now());
          if (isFailure(created)) return created;
          return receiptOf(config, created.body) ?? badReply('Zammad answered without a ticket id and number');
        },
      });
    },
  };
}

/** GET /api/v1/users/me: the token is valid and its user exists. Groups are checked when sending. */
export async function testZammad(config: ZammadConfig, ctx: TestContext): Promise<ConnectionResult> {
  const reply = await request(ctx, endpoint(config.url, '/api/v1/users/me'), { method: 'GET', headers: auth(config) });
  if (isFailure(reply)) return problemFor(reply);
  if (!reply.ok) return problemFor(await failureFrom(reply, 0));
  const me = (await jsonOf(reply)) as { id?: unknown } | null;
  return typeof me?.id === 'number'
    ? { ok: true }
    : { ok: false, problem: 'other', detail: 'the address answered, but not like Zammad' };
}
