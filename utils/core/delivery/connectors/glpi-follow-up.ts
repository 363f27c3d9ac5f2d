/**
 * GLPI: the Ticket's status (1 new, 2 assigned, 3 planned, 4 waiting, 5 solved, 6 closed), its
 * ITILFollowup items as replies (is_private ones never read back), and added information as a
 * public ITILFollowup. One API session per check or addition.
 */
import type { ConnectorConfig } from '../config';
import { isFailure, type SendContext } from '../connector';
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
import { escapeHtml } from '../../ticket/html';
import { glpiApi, uploadParts } from './glpi';
import { badReply, createOnce, targetOf } from './helpdesk';

type GlpiConfig = Extract<ConnectorConfig, { type: 'glpi' }>;
type Api = ReturnType<typeof glpiApi>;

function glpiStatus(status: number): { status: TicketStatus; closed: boolean } {
  if (status === 1) return { status: 'new', closed: false };
  if (status === 4) return { status: 'waiting', closed: false };
  if (status === 5) return { status: 'solved', closed: false };
  if (status === 6) return { status: 'closed', closed: true };
  return { status: 'in-progress', closed: false };
}

interface Followup {
  id?: unknown;
  content?: unknown;
  is_private?: unknown;
  users_id?: unknown;
  date_creation?: unknown;
  date?: unknown;
}

/** Public follow-ups; with expand_dropdowns GLPI gives users_id as the user's name. */
async function followups(api: Api, ticketId: string, now: number): Promise<TechnicianReply[] | DeliveryFailure> {
  const reply = await api.bodyOf(
    await api.call(`/Ticket/${encodeURIComponent(ticketId)}/ITILFollowup/?expand_dropdowns=true&range=0-199`, {
      method: 'GET',
    }),
  );
  if (isFailure(reply)) return reply;
  const rows = Array.isArray(reply.body) ? (reply.body as Followup[]) : [];
  return rows
    .filter((row) => Number(row.is_private) !== 1 && typeof row.content === 'string')
    .map((row) => ({
      id: String(row.id),
      at: isoTime(row.date_creation ?? row.date, now),
      author: typeof row.users_id === 'string' ? row.users_id : '',
      // GLPI stores follow-ups as HTML, entities encoded.
      text: htmlToText(htmlToText(row.content as string)),
    }));
}

async function inSession<T>(
  config: GlpiConfig,
  ctx: FollowUpContext,
  work: (api: Api) => Promise<T | DeliveryFailure>,
) {
  const api = glpiApi(config, ctx, ctx.now);
  const opened = await api.open();
  if (opened) return opened;
  try {
    return await work(api);
  } finally {
    await api.close();
  }
}

export function glpiFollowUp(config: GlpiConfig): FollowUpConnector {
  return {
    follows: () => true,
    async status(receipt, ctx) {
      const result = await inSession(config, ctx, async (api) => {
        const ticket = await api.bodyOf(await api.call(`/Ticket/${encodeURIComponent(receipt.id)}`, { method: 'GET' }));
        if (isFailure(ticket)) return ticket;
        const status = Number((ticket.body as { status?: unknown } | null)?.status);
        if (!Number.isInteger(status)) return badReply('GLPI answered without a status');
        const replies = await followups(api, receipt.id, ctx.now());
        if (isFailure(replies)) return replies;
        return { ...glpiStatus(status), replies: publicReplies(replies) };
      });
      return isFailure(result) ? { ok: false, failure: result } : { ok: true, followUp: result };
    },
    async addInformation(receipt, info, ctx: SendContext) {
      const api = glpiApi(config, ctx, ctx.now);
      const opened = await api.open();
      if (opened) return { ok: false, failure: opened };
      try {
        return await createOnce(ctx, `${targetOf(config)}#${receipt.id}`, {
          find: async () => {
            const found = await followups(api, receipt.id, ctx.now());
            if (isFailure(found)) return found;
            const mine = found.find((f) => f.text.includes(addedMarker(info.id)));
            return mine ? { id: mine.id } : null;
          },
          create: async () => {
            const content = escapeHtml(addedText(info))
              .split(/\r?\n/)
              .map((line) => `<p>${line}</p>`)
              .join('');
            const input = { itemtype: 'Ticket', items_id: Number(receipt.id), content, is_private: 0 };
            // A new screenshot goes in the same request: GLPI makes it a Document of the followup.
            const created = info.attachments.length
              ? await api.add('ITILFollowup', {
                  parts: uploadParts(input, info.attachments),
                  seed: `mayday-${info.id}`,
                })
              : await api.add('ITILFollowup', { json: input });
            return isFailure(created) ? created : { id: String(created.id) };
          },
        });
      } finally {
        await api.close();
      }
    },
  };
}
