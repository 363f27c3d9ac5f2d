/**
 * After a ticket is sent: its status in the helpdesk and the technicians' public replies, and the
 * person's added information going back as a follow-up. Each connector maps its helpdesk's own
 * states to these five and leaves internal notes out; the person's own additions are never
 * shown back to them as replies.
 */
import type { Receipt } from '../model/draft';
import type { Attachment } from '../model/ticket';
import type { SendContext, SendResult } from './connector';
import type { DeliveryFailure } from './errors';

export const TICKET_STATUSES = ['new', 'in-progress', 'waiting', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export interface TechnicianReply {
  /** Stable and unique within the ticket, so a reply is announced once. */
  id: string;
  /** ISO time. */
  at: string;
  author: string;
  /** Plain text, shown as text. */
  text: string;
}

export interface FollowUp {
  status: TicketStatus;
  /** Final: no more checks, no more added information. */
  closed: boolean;
  /** Public replies only, oldest first. */
  replies: TechnicianReply[];
}

/** What the person adds to a sent ticket; `id` is the Idempotency-Key of every attempt. */
export interface AddedInformation {
  id: string;
  text: string;
  attachments: Attachment[];
  /** Who adds it (the report's requester), for a helpdesk that signs entries with its API account. */
  author?: string;
}

export type FollowUpResult = { ok: true; followUp: FollowUp } | { ok: false; failure: DeliveryFailure };

export type FollowUpContext = Pick<SendContext, 'fetch' | 'timeoutMs' | 'now'>;

export interface FollowUpConnector {
  /** Whether this ticket can be followed (a webhook without statusUrl cannot). */
  follows(receipt: Receipt): boolean;
  status(receipt: Receipt, ctx: FollowUpContext): Promise<FollowUpResult>;
  /** Adds the information to the ticket, once, however often it is retried. */
  addInformation(receipt: Receipt, info: AddedInformation, ctx: SendContext): Promise<SendResult>;
}

export const REPLY_TEXT_MAX = 5000;
/** What is kept of a reply for the popup and the report page. */
const SHOWN_REPLIES = 20;
const SHOWN_CHARS = 5000;

/**
 * The line ending each addition in helpdesks that know no Idempotency-Key: a retry finds it in the
 * conversation instead of adding it twice, and the conversation leaves it out of the replies.
 */
export function addedMarker(infoId: string): string {
  return `(Added by the requester with Mayday, ref ${infoId.slice(0, 8)})`;
}
const ADDED_MARKER = /\(Added by the requester with Mayday, ref [0-9a-f-]{8}\)/;

export function addedText(info: AddedInformation): string {
  return `${info.text.trim()}\n\n${addedMarker(info.id)}`;
}

/** Keeps the newest public replies, bounded, oldest first; drops the person's own additions. */
export function publicReplies(replies: TechnicianReply[]): TechnicianReply[] {
  return replies
    .filter((r) => r.text.trim() && !ADDED_MARKER.test(r.text))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .slice(-SHOWN_REPLIES)
    .map((r) => ({ ...r, text: r.text.trim().slice(0, SHOWN_CHARS), author: r.author.slice(0, 200) }));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * A helpdesk's HTML article as plain text: block ends become line breaks, tags go, entities are
 * decoded. The result is only ever shown as text, so nothing here needs to be safe as markup.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d|tr|blockquote)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) => {
      if (code[0] === '#') {
        const n = code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An ISO time from a helpdesk's date ("2026-11-28 10:02:11" is read as UTC); now when unreadable. */
export function isoTime(value: unknown, now: number): string {
  if (typeof value !== 'string' && typeof value !== 'number') return new Date(now).toISOString();
  const text = typeof value === 'string' && /^\d{4}-\d\d-\d\d \d/.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  const time = new Date(text).getTime();
  return Number.isFinite(time) ? new Date(time).toISOString() : new Date(now).toISOString();
}
