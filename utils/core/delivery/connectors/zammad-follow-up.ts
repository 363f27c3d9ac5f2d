/**
 * Zammad: the ticket's state (new, open, pending reminder, pending close, closed, merged), its
 * articles from agents as replies (internal ones never read back), and added information as a
 * customer article (POST /api/v1/ticket_articles, files base64).
 */
import type { Receipt } from '../../model/draft';
import type { ConnectorConfig } from '../config';
import { isFailure, request } from '../connector';
import type { DeliveryFailure } from '../errors';
import {
  addedMarker,
  addedText,
  htmlToText,
  isoTime,
  publicReplies,
  type FollowUpConnector,
  type FollowUpContext,
  type TechnicianReply,
  type TicketStatus,
} from '../follow-up';
import { badReply, createOnce, endpoint, replyBody, targetOf } from './helpdesk';
import { auth } from './zammad';

type ZammadConfig = Extract<ConnectorConfig, { type: 'zammad' }>;

function zammadStatus(state: string): { status: TicketStatus; closed: boolean } {
  switch (state.toLowerCase()) {
    case 'new':
      return { status: 'new', closed: false };
    case 'pending reminder':
      return { status: 'waiting', closed: false };
    case 'pending close':
      return { status: 'solved', closed: false };
    case 'closed':
    case 'merged':
    case 'removed':
      return { status: 'closed', closed: true };
    default:
      return { status: 'in-progress', closed: false };
  }
}

/** Zammad's own ticket id: the receipt shows the ticket number. */
function zammadTicketId(receipt: Receipt): string | null {
  return receipt.ref ?? receipt.url?.match(/#ticket\/zoom\/(\d+)/)?.[1] ?? null;
}

interface Article {
  id?: unknown;
  internal?: unknown;
  sender?: unknown;
  from?: unknown;
  created_by?: unknown;
  body?: unknown;
  content_type?: unknown;
  created_at?: unknown;
}

async function get(config: ZammadConfig, path: string, ctx: FollowUpContext): Promise<unknown> {
  const reply = await replyBody(
    await request(ctx, endpoint(config.url, `/api/v1${path}`), { method: 'GET', headers: auth(config) }),
    ctx.now(),
  );
  return isFailure(reply) ? reply : reply.body;
}

/** "Sam Tech <sam@example.org>" -> "Sam Tech". */
const displayName = (from: unknown, fallback: unknown) => {
  const text = typeof from === 'string' && from.trim() ? from : typeof fallback === 'string' ? fallback : '';
  return text.replace(/\s*<[^>]*>\s*$/, '').replace(/^"|"$/g, '') || text;
};

/** The agents' public articles, the first one (the report itself) left out. */
async function agentArticles(
  config: ZammadConfig,
  id: string,
  ctx: FollowUpContext,
): Promise<TechnicianReply[] | DeliveryFailure> {
  const body = await get(config, `/ticket_articles/by_ticket/${id}?expand=true`, ctx);
  if (isFailure(body)) return body;
  if (!Array.isArray(body)) return badReply('Zammad answered without the articles');
  const articles = (body as Article[]).sort((a, b) => Number(a.id) - Number(b.id)).slice(1);
  return articles
    .filter((a) => a.internal !== true && a.sender === 'Agent' && typeof a.body === 'string')
    .map((a) => ({
      id: String(a.id),
      at: isoTime(a.created_at, ctx.now()),
      author: displayName(a.from, a.created_by),
      text: a.content_type === 'text/html' ? htmlToText(a.body as string) : (a.body as string),
    }));
}

/** Every article's text, whoever wrote it: where a retry looks for the person's addition. */
async function allArticleTexts(config: ZammadConfig, id: string, ctx: FollowUpContext) {
  const body = await get(config, `/ticket_articles/by_ticket/${id}`, ctx);
  if (isFailure(body)) return body;
  return (Array.isArray(body) ? (body as Article[]) : []).map((a) => ({
    id: String(a.id),
    body: typeof a.body === 'string' ? a.body : '',
  }));
}

export function zammadFollowUp(config: ZammadConfig): FollowUpConnector {
  return {
    follows: (receipt) => zammadTicketId(receipt) !== null,
    async status(receipt, ctx) {
      const id = zammadTicketId(receipt);
      if (!id) return { ok: false, failure: badReply('no Zammad ticket id in the receipt') };
      const ticket = await get(config, `/tickets/${id}?expand=true`, ctx);
      if (isFailure(ticket)) return { ok: false, failure: ticket };
      const state = (ticket as { state?: unknown } | null)?.state;
      if (typeof state !== 'string') return { ok: false, failure: badReply('Zammad answered without a state') };
      const replies = await agentArticles(config, id, ctx);
      if (isFailure(replies)) return { ok: false, failure: replies };
      return { ok: true, followUp: { ...zammadStatus(state), replies: publicReplies(replies) } };
    },
    addInformation(receipt, info, ctx) {
      const id = zammadTicketId(receipt);
      return createOnce(ctx, `${targetOf(config)}#${id}`, {
        find: async () => {
          if (!id) return badReply('no Zammad ticket id in the receipt');
          const texts = await allArticleTexts(config, id, ctx);
          if (isFailure(texts)) return texts;
          const mine = texts.find((a) => a.body.includes(addedMarker(info.id)));
          return mine ? { id: mine.id } : null;
        },
        create: async () => {
          if (!id) return badReply('no Zammad ticket id in the receipt');
          const reply = await replyBody(
            await request(ctx, endpoint(config.url, '/api/v1/ticket_articles'), {
              method: 'POST',
              headers: { ...auth(config), 'Content-Type': 'application/json' },
              body: JSON.stringify({
                ticket_id: Number(id),
                body: addedText(info),
                content_type: 'text/plain',
                type: 'note',
                internal: false,
                sender: 'Customer',
                attachments: info.attachments.map((file) => ({
                  filename: file.filename,
                  data: file.data,
                  'mime-type': file.contentType,
                })),
              }),
            }),
            ctx.now(),
          );
          if (isFailure(reply)) return reply;
          const article = (reply.body as { id?: unknown } | null)?.id;
          return typeof article === 'number'
            ? { id: String(article) }
            : badReply('Zammad answered without an article id');
        },
      });
    },
  };
}
