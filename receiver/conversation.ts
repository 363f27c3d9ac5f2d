/**
 * What happens to a ticket after it arrived: its status, the technicians' replies and notes, and
 * the information the person added from Mayday. Kept per ticket in conversation.json.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { attachmentSchema, DESCRIPTION_MAX } from '../utils/core/model/ticket';
import { checkAttachmentNames } from './names';
import { fieldName, type Checked } from './validate';

/**
 * The receiver's own states. `closed` is final: the ticket takes no more information from the
 * person. `solved` is not: the person may still add information, which reopens it.
 */
export const STATUSES = ['new', 'in-progress', 'waiting', 'solved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<Status, string> = {
  new: 'New',
  'in-progress': 'In progress',
  waiting: 'Waiting for the person',
  solved: 'Solved',
  closed: 'Closed',
};
/** Information from the person moves a ticket that was waiting for them, or solved, back to work. */
export const REOPENED_BY_REQUESTER: Status[] = ['waiting', 'solved'];

export const REPLY_TEXT_MAX = 10_000;
export const AUTHOR_MAX = 100;

export interface TechnicianMessage {
  id: string;
  at: string;
  from: 'technician';
  author: string;
  text: string;
  /** An internal note: on the technicians' page only, never in the status Mayday reads. */
  internal: boolean;
}

export interface RequesterMessage {
  id: string;
  at: string;
  from: 'requester';
  text: string;
  /** File names, under requester-replies/<id>/. */
  attachments: string[];
  idempotencyKey: string;
  fingerprint: string;
  /** The status the ticket had once this was stored (the answer replayed for its key). */
  status: Status;
}

export type Message = TechnicianMessage | RequesterMessage;

export interface Conversation {
  status: Status;
  messages: Message[];
}

export const emptyConversation = (): Conversation => ({ status: 'new', messages: [] });

const conversationSchema = z.object({
  status: z.enum(STATUSES),
  messages: z.array(
    z.discriminatedUnion('from', [
      z.object({
        id: z.string(),
        at: z.string(),
        from: z.literal('technician'),
        author: z.string(),
        text: z.string(),
        internal: z.boolean(),
      }),
      z.object({
        id: z.string(),
        at: z.string(),
        from: z.literal('requester'),
        text: z.string(),
        attachments: z.array(z.string()),
        idempotencyKey: z.string(),
        fingerprint: z.string(),
        status: z.enum(STATUSES),
      }),
    ]),
  ),
});

/** Reads a stored conversation.json; throws with the reason when it is not one. */
export function parseConversation(text: string): Conversation {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('conversation.json is not valid JSON');
  }
  const parsed = conversationSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(`conversation.json: ${fieldName(parsed.error.issues[0].path)}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/** What Mayday reads at statusUrl: the status and the public replies, oldest first. */
export function statusDocument(conversation: Conversation) {
  return {
    status: conversation.status,
    closed: conversation.status === 'closed',
    replies: conversation.messages
      .filter((m): m is TechnicianMessage => m.from === 'technician' && !m.internal)
      .map(({ id, at, author, text }) => ({ id, at, author, text })),
  };
}

const trimmed = (max: number, what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} is longer than ${max} characters`);
const status = z.enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` });

const technicianReplySchema = z.object({
  text: trimmed(REPLY_TEXT_MAX, 'text'),
  author: trimmed(AUTHOR_MAX, 'author'),
  status: status.optional(),
  internal: z.boolean().optional(),
});
export type TechnicianReply = z.infer<typeof technicianReplySchema>;

const statusChangeSchema = z.object({ status });

const requesterReplySchema = z
  .object({
    text: z.string({ error: 'text is required (it may be empty when files are attached)' }).max(DESCRIPTION_MAX),
    attachments: z.array(attachmentSchema).max(10).default([]),
  })
  .refine((r) => r.text.trim() !== '' || r.attachments.length > 0, {
    path: ['text'],
    message: 'text is empty and no file is attached: there is nothing to add',
  });
export type RequesterReply = z.infer<typeof requesterReplySchema>;

function check<T>(schema: z.ZodType<T>, body: unknown): Checked<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, payload: parsed.data };
  const issue = parsed.error.issues[0];
  const field = fieldName(issue.path);
  return { ok: false, field, message: `${field}: ${issue.message}` };
}

export const checkTechnicianReply = (body: unknown) => check(technicianReplySchema, body);
export const checkStatusChange = (body: unknown) => check(statusChangeSchema, body);
export function checkRequesterReply(body: unknown): Checked<RequesterReply> {
  const badName = checkAttachmentNames(body);
  return badName ? { ok: false, ...badName } : check(requesterReplySchema, body);
}

/** The same JSON whatever order its keys came in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

export function fingerprint(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('base64url');
}
