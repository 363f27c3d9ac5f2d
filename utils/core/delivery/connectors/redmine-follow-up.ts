/**
 * Redmine: the issue's status (named by the admin; the default ones are mapped, and is_closed
 * decides when Redmine gives it), journals with notes as replies (private_notes skipped), and added
 * information as a journal note (PUT /issues/N.json with notes and uploads).
 */
import type { ConnectorConfig } from '../config';
import { base64ToBytes } from '../../encoding';
import { isFailure, request, type SendContext } from '../connector';
import {
  addedMarker,
  isoTime,
  publicReplies,
  type FollowUpConnector,
  type FollowUpContext,
  type TechnicianReply,
  type TicketStatus,
} from '../follow-up';
import type { DeliveryFailure } from '../errors';
import { inertForRedmine } from './body';
import { badReply, createOnce, endpoint, failureFrom, replyBody, targetOf } from './helpdesk';
import { auth } from './redmine';

type RedmineConfig = Extract<ConnectorConfig, { type: 'redmine' }>;

/** Redmine's default statuses (and their French names); any other open one is "in progress". */
function redmineStatus(name: string, isClosed?: boolean): { status: TicketStatus; closed: boolean } {
  const n = name.trim().toLowerCase();
  if (/^(closed|rejected|fermé|rejeté)$/.test(n) || (isClosed && !/^(resolved|résolu)$/.test(n)))
    return { status: 'closed', closed: true };
  if (/^(resolved|résolu)$/.test(n)) return { status: 'solved', closed: false };
  if (/^(new|nouveau)$/.test(n)) return { status: 'new', closed: false };
  if (/^(feedback|commentaire)$/.test(n)) return { status: 'waiting', closed: false };
  return { status: 'in-progress', closed: false };
}

interface Journal {
  id?: unknown;
  user?: { name?: unknown };
  notes?: unknown;
  created_on?: unknown;
  private_notes?: unknown;
}

async function issueOf(
  config: RedmineConfig,
  id: string,
  ctx: FollowUpContext,
): Promise<{ status?: { name?: unknown; is_closed?: unknown }; journals?: Journal[] } | DeliveryFailure> {
  const reply = await replyBody(
    await request(ctx, endpoint(config.url, `/issues/${encodeURIComponent(id)}.json?include=journals`), {
      method: 'GET',
      headers: auth(config),
    }),
    ctx.now(),
  );
  if (isFailure(reply)) return reply;
  const issue = (reply.body as { issue?: unknown } | null)?.issue;
  return issue && typeof issue === 'object' ? issue : badReply('Redmine answered without the issue');
}

function notesOf(journals: Journal[], now: number): TechnicianReply[] {
  return journals
    .filter((j) => typeof j.notes === 'string' && j.notes.trim() && j.private_notes !== true)
    .map((j) => ({
      id: String(j.id),
      at: isoTime(j.created_on, now),
      author: typeof j.user?.name === 'string' ? j.user.name : '',
      text: j.notes as string,
    }));
}

async function upload(config: RedmineConfig, filename: string, data: string, ctx: SendContext) {
  const reply = await replyBody(
    await request(ctx, endpoint(config.url, `/uploads.json?filename=${encodeURIComponent(filename)}`), {
      method: 'POST',
      headers: { ...auth(config), 'Content-Type': 'application/octet-stream' },
      body: base64ToBytes(data) as BodyInit,
    }),
    ctx.now(),
  );
  if (isFailure(reply)) return reply;
  const token = (reply.body as { upload?: { token?: unknown } } | null)?.upload?.token;
  return typeof token === 'string' ? token : badReply('Redmine answered the upload without a token');
}

export function redmineFollowUp(config: RedmineConfig): FollowUpConnector {
  return {
    follows: () => true,
    async status(receipt, ctx) {
      const issue = await issueOf(config, receipt.id, ctx);
      if (isFailure(issue)) return { ok: false, failure: issue };
      const name = issue.status?.name;
      if (typeof name !== 'string') return { ok: false, failure: badReply('Redmine answered without a status') };
      return {
        ok: true,
        followUp: {
          ...redmineStatus(name, issue.status?.is_closed === true),
          replies: publicReplies(notesOf(issue.journals ?? [], ctx.now())),
        },
      };
    },
    addInformation(receipt, info, ctx) {
      return createOnce(ctx, `${targetOf(config)}#${receipt.id}`, {
        find: async () => {
          const issue = await issueOf(config, receipt.id, ctx);
          if (isFailure(issue)) return issue;
          const mine = notesOf(issue.journals ?? [], ctx.now()).find((n) => n.text.includes(addedMarker(info.id)));
          return mine ? { id: mine.id } : null;
        },
        create: async () => {
          const uploads = [];
          for (const file of info.attachments) {
            const token = await upload(config, file.filename, file.data, ctx);
            if (isFailure(token)) return token;
            uploads.push({ token, filename: file.filename, content_type: file.contentType });
          }
          const response = await request(ctx, endpoint(config.url, `/issues/${encodeURIComponent(receipt.id)}.json`), {
            method: 'PUT',
            headers: { ...auth(config), 'Content-Type': 'application/json' },
            // The person's words made inert in Textile and Markdown; the marker has no markup character.
            body: JSON.stringify({
              issue: { notes: `${inertForRedmine(info.text.trim())}\n\n${addedMarker(info.id)}`, uploads },
            }),
          });
          if (isFailure(response)) return response;
          if (!response.ok) return failureFrom(response, ctx.now());
          // Redmine answers 204 without the journal's id.
          return { id: `${receipt.id}:${info.id.slice(0, 8)}` };
        },
      });
    },
  };
}
