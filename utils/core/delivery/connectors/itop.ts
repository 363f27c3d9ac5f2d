/**
 * iTop (Combodo iTop 3.x), REST/JSON API (webservices/rest.php, version 1.3): one POST per
 * operation, form-encoded: `version`, the credentials (`auth_user` + `auth_pwd`, or `auth_token`
 * with Combodo's token extension) and `json_data`. iTop answers HTTP 200 even to a refusal; the
 * JSON's `code` says how it went (0 ok, 1 unauthorized, 100 refused by the data model…).
 *
 * A report becomes a UserRequest in the organisation from the settings, with the person found by
 * the reporter's email as its caller, then one Attachment per file. iTop has no Idempotency-Key:
 * the creation and each file are recorded as progress, and a retry looks for the request by the
 * report id in its description before creating another.
 *
 * For the follow-up loop: `itopFollowUp` reads a request's status and its public log (never the
 * private one) and adds the person's information to the public log, exactly once.
 */
import type { Receipt } from '../../model/draft';
import { escapeHtml } from '../../ticket/html';
import type { Attachment, Ticket } from '../../model/ticket';
import type { ConnectorConfig } from '../config';
import { isFailure, request, type Connector, type OutgoingReport, type SendContext } from '../connector';
import { classifyStatus, parseRetryAfter, type DeliveryFailure } from '../errors';
import { reportMarker, ticketBody, ticketTitle } from './body';
import {
  badReply,
  failed,
  problemFor,
  targetOf,
  textOf,
  type ConnectionCheck,
  type ConnectionResult,
  type TestContext,
} from './helpdesk';
import {
  publicReplies,
  type AddedInformation,
  type FollowUp,
  type FollowUpConnector,
  type TicketStatus,
} from '../follow-up';

type ItopConfig = Extract<ConnectorConfig, { type: 'itop' }>;

const ITOP_API_VERSION = '1.3';

/** The iTop address, whether the admin typed the root or the webservices/rest.php URL. */
export function itopBase(url: string): string {
  return url
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/webservices\/rest\.php$/i, '');
}

/** The request's page in iTop's console, where a technician works on it. */
export function itopTicketUrl(config: Pick<ItopConfig, 'url'>, id: string | number): string {
  return `${itopBase(config.url)}/pages/UI.php?operation=details&class=UserRequest&id=${encodeURIComponent(id)}`;
}

interface ItopObject {
  code?: number;
  message?: string;
  class?: string;
  key?: string;
  fields?: Record<string, unknown>;
}

interface ItopReply {
  code: number;
  message: string;
  objects: ItopObject[];
}

/** An OQL string literal: iTop's OQL escapes quotes and backslashes with a backslash. */
export function oqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** One REST operation; iTop's refusals (HTTP 200 with a non-zero code) become failures. */
async function itopCall(
  config: ItopConfig,
  ctx: TestContext & { now?: () => number },
  operation: Record<string, unknown>,
): Promise<ItopReply | DeliveryFailure> {
  const form = new URLSearchParams({ version: ITOP_API_VERSION });
  if (config.user) {
    form.set('auth_user', config.user);
    form.set('auth_pwd', config.password);
  } else {
    form.set('auth_token', config.token);
  }
  form.set('json_data', JSON.stringify(operation));
  const reply = await request(ctx, `${itopBase(config.url)}/webservices/rest.php`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', Accept: 'application/json' },
    body: form.toString(),
  });
  if (isFailure(reply)) return reply;
  const text = await reply.text().catch(() => '');
  if (!reply.ok) {
    const now = ctx.now?.() ?? Date.now();
    return classifyStatus(
      reply.status,
      text.trim().slice(0, 300) || reply.statusText,
      parseRetryAfter(reply.headers.get('retry-after'), now),
    );
  }
  let body: { code?: unknown; message?: unknown; objects?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return badReply('iTop answered something other than JSON: is this the iTop address?');
  }
  if (typeof body?.code !== 'number') return badReply('iTop answered without a code: is this the iTop address?');
  const message = typeof body.message === 'string' ? body.message.slice(0, 300) : '';
  // 1: wrong login, or an account without the "REST Services User" profile, or without a right.
  if (body.code === 1) return { kind: 'rejected', retryable: false, status: 401, detail: message || 'unauthorized' };
  if (body.code !== 0)
    return { kind: 'rejected', retryable: false, status: 200, detail: message || `code ${body.code}` };
  const objects = body.objects && typeof body.objects === 'object' ? Object.values(body.objects) : [];
  return { code: 0, message, objects: objects as ItopObject[] };
}

/** iTop's code 1 (login refused) as the outbox's "unauthorized": the person must fix the settings. */
function authFailure(failure: DeliveryFailure): DeliveryFailure {
  return failure.kind === 'rejected' && failure.status === 401
    ? { kind: 'unauthorized', retryable: false, status: 401 }
    : failure;
}

const fieldOf = (object: ItopObject | undefined, name: string) => object?.fields?.[name];

/** The organisation from the settings: its number, or its name. */
function organisationKey(config: ItopConfig): number | { name: string } {
  const value = config.organization.trim();
  return /^\d+$/.test(value) ? Number(value) : { name: value };
}

async function findOrganisation(config: ItopConfig, ctx: TestContext): Promise<number | null | DeliveryFailure> {
  const reply = await itopCall(config, ctx, {
    operation: 'core/get',
    class: 'Organization',
    key: organisationKey(config),
    output_fields: 'id',
  });
  if (isFailure(reply)) return reply;
  const id = Number(fieldOf(reply.objects[0], 'id'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** The caller: the Person of that organisation with the reporter's email, if there is one. */
async function findCaller(
  config: ItopConfig,
  ctx: TestContext,
  orgId: number,
  email: string,
): Promise<number | null | DeliveryFailure> {
  const reply = await itopCall(config, ctx, {
    operation: 'core/get',
    class: 'Person',
    key: { email, org_id: orgId },
    output_fields: 'id',
  });
  if (isFailure(reply)) return reply;
  const id = Number(fieldOf(reply.objects[0], 'id'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

interface ItopRequestRef {
  id: number;
  ref: string;
  orgId: number;
}

function requestRef(object: ItopObject | undefined): ItopRequestRef | null {
  const id = Number(fieldOf(object, 'id') ?? object?.key);
  const ref = fieldOf(object, 'ref');
  const orgId = Number(fieldOf(object, 'org_id'));
  return Number.isInteger(id) && id > 0 && typeof ref === 'string' ? { id, ref, orgId } : null;
}

/** The request an earlier attempt created but never heard back about: its description holds the report id. */
async function findRequest(config: ItopConfig, ctx: TestContext, ticket: Ticket) {
  const reply = await itopCall(config, ctx, {
    operation: 'core/get',
    class: 'UserRequest',
    key: `SELECT UserRequest WHERE description LIKE ${oqlString(`%${reportMarker(ticket)}%`)}`,
    output_fields: 'id,ref,org_id',
  });
  if (isFailure(reply)) return reply;
  return requestRef(reply.objects[0]);
}

/** The description: the report's summary, and who reported it when iTop knows no such person. */
function description(ticket: Ticket, callerFound: boolean): string {
  const { html } = ticketBody(ticket);
  const { name, email } = ticket.reporter ?? {};
  if (callerFound || !email) return html;
  const who = name ? `${name} <${email}>` : email;
  return `<p><b>Reported by:</b> ${escapeHtml(who)}</p>${html}`;
}

async function createRequest(
  config: ItopConfig,
  ctx: SendContext,
  report: OutgoingReport,
  save: (progress: ItopProgress) => Promise<void>,
  progress: ItopProgress,
): Promise<ItopRequestRef | DeliveryFailure> {
  const orgId = await findOrganisation(config, ctx);
  if (isFailure(orgId)) return orgId;
  if (orgId === null)
    return {
      kind: 'rejected',
      retryable: false,
      status: 404,
      detail: `iTop has no organisation "${config.organization}"`,
    };
  const email = report.ticket.reporter?.email?.trim();
  const caller = email ? await findCaller(config, ctx, orgId, email) : null;
  if (isFailure(caller)) return caller;
  progress.createSent = true;
  await save(progress);
  const reply = await itopCall(config, ctx, {
    operation: 'core/create',
    class: 'UserRequest',
    comment: reportMarker(report.ticket),
    output_fields: 'id,ref,org_id',
    fields: {
      org_id: orgId,
      ...(caller ? { caller_id: caller } : {}),
      title: ticketTitle(report.ticket),
      description: description(report.ticket, caller !== null),
      origin: 'portal',
    },
  });
  if (isFailure(reply)) return reply;
  return requestRef(reply.objects[0]) ?? badReply('iTop created no UserRequest');
}

/** Adds one file to an object as an iTop Attachment; the Attachment's id. */
async function attach(
  config: ItopConfig,
  ctx: TestContext,
  target: { itemClass: string; id: number; orgId: number },
  file: Attachment,
  comment: string,
): Promise<number | DeliveryFailure> {
  const reply = await itopCall(config, ctx, {
    operation: 'core/create',
    class: 'Attachment',
    comment,
    output_fields: 'id',
    fields: {
      item_class: target.itemClass,
      item_id: target.id,
      item_org_id: target.orgId,
      contents: { data: file.data, filename: file.filename, mimetype: file.contentType },
    },
  });
  if (isFailure(reply)) return reply;
  const id = Number(fieldOf(reply.objects[0], 'id') ?? reply.objects[0]?.key);
  return Number.isInteger(id) && id > 0 ? id : badReply('iTop created no Attachment');
}

/** The files an object holds, by filename (a retry checks before sending a file again). */
async function attachedFiles(
  config: ItopConfig,
  ctx: TestContext,
  itemClass: string,
  id: number,
): Promise<Set<string> | DeliveryFailure> {
  const reply = await itopCall(config, ctx, {
    operation: 'core/get',
    class: 'Attachment',
    key: `SELECT Attachment WHERE item_class = ${oqlString(itemClass)} AND item_id = ${id}`,
    output_fields: 'id,contents',
  });
  if (isFailure(reply)) return reply;
  return new Set(
    reply.objects.map((o) => (fieldOf(o, 'contents') as { filename?: unknown } | undefined)?.filename).map(String),
  );
}

interface ItopProgress {
  /** The iTop these ids belong to: progress made against another one (settings changed) is dropped. */
  target: string;
  createSent?: boolean;
  request?: ItopRequestRef;
  /** Per filename: 'sending' until iTop confirms, then the Attachment's id. */
  files: Record<string, 'sending' | number>;
}

function readProgress(saved: Readonly<Record<string, unknown>>, target: string): ItopProgress {
  if (saved.target !== target) return { target, files: {} };
  const request = saved.request as ItopRequestRef | undefined;
  return {
    target,
    createSent: saved.createSent === true,
    request: request && typeof request.id === 'number' ? request : undefined,
    files: { ...((saved.files as ItopProgress['files']) ?? {}) },
  };
}

/** Sends the files not yet confirmed; a file whose reply was lost is looked for first. */
async function attachAll(
  config: ItopConfig,
  ctx: SendContext,
  target: { itemClass: string; id: number; orgId: number },
  files: Attachment[],
  progress: { files: Record<string, 'sending' | number> },
  save: () => Promise<void>,
  comment: string,
): Promise<DeliveryFailure | null> {
  let held: Set<string> | null = null;
  for (const file of files) {
    const state = progress.files[file.filename];
    if (typeof state === 'number') continue;
    if (state === 'sending') {
      if (!held) {
        const found = await attachedFiles(config, ctx, target.itemClass, target.id);
        if (isFailure(found)) return found;
        held = found;
      }
      if (held.has(file.filename)) {
        // There, but its reply was lost: its id is not needed, only that it is there.
        progress.files[file.filename] = 0;
        await save();
        continue;
      }
    }
    progress.files[file.filename] = 'sending';
    await save();
    const id = await attach(config, ctx, target, file, comment);
    if (isFailure(id)) return id;
    progress.files[file.filename] = id;
    await save();
  }
  return null;
}

export function itopConnector(config: ItopConfig): Connector {
  return {
    async send(report, ctx) {
      const progress = readProgress(ctx.progress, targetOf({ type: 'itop', url: itopBase(config.url) }));
      const save = () => ctx.saveProgress(structuredClone(progress) as unknown as Record<string, unknown>);
      if (!progress.request && progress.createSent) {
        const found = await findRequest(config, ctx, report.ticket);
        if (isFailure(found)) {
          // A search refused for good must not stop delivery for ever: create, accepting a duplicate.
          if (found.retryable) return failed(authFailure(found));
        } else if (found) progress.request = found;
      }
      if (!progress.request) {
        const created = await createRequest(config, ctx, report, () => save(), progress);
        if (isFailure(created)) return failed(authFailure(created));
        progress.request = created;
        await save();
      }
      const { id, ref, orgId } = progress.request;
      const target = { itemClass: 'UserRequest', id, orgId };
      const failure = await attachAll(
        config,
        ctx,
        target,
        report.attachments,
        progress,
        save,
        reportMarker(report.ticket),
      );
      if (failure) return failed(authFailure(failure));
      const receipt: Receipt = { id: ref, url: itopTicketUrl(config, id) };
      return { ok: true, receipt };
    },
  };
}

/** UserRequest statuses (itop-request-mgmt and -itil) as the popup words them. */
export function itopStatus(status: string): TicketStatus {
  switch (status) {
    case 'new':
      return 'new';
    case 'pending':
      return 'waiting';
    case 'resolved':
      return 'solved';
    case 'closed':
    case 'rejected':
      return 'closed';
    default:
      // assigned, escalated_tto, escalated_ttr, waiting_for_approval, approved, dispatched, redispatched
      return 'in-progress';
  }
}

/** What Mayday writes in a public log entry it adds, so that reading the log leaves it out. */
const replyMarker = (replyId: string) => `Mayday reply ${replyId}`;
const MAYDAY_REPLY = /Mayday reply [\w-]+/;

/** The request's status and public log (never the private log). `ref` is the receipt's id (R-000123). */
async function readFollowUp(config: ItopConfig, ctx: TestContext, ref: string): Promise<FollowUp | DeliveryFailure> {
  const reply = await itopCall(config, ctx, {
    operation: 'core/get',
    class: 'UserRequest',
    key: { ref },
    output_fields: 'status,public_log',
  });
  if (isFailure(reply)) return authFailure(reply);
  const object = reply.objects[0];
  if (!object) return { kind: 'rejected', retryable: false, status: 404, detail: `iTop has no request ${ref}` };
  const status = textOf(fieldOf(object, 'status'));
  const log = fieldOf(object, 'public_log') as { entries?: unknown } | undefined;
  const entries = Array.isArray(log?.entries)
    ? (log.entries as { date?: unknown; user_login?: unknown; message?: unknown; message_html?: unknown }[])
    : [];
  // iTop lists the entries oldest first.
  const replies = entries
    .map((entry, rank) => ({
      id: `public_log:${rank}`,
      at: textOf(entry.date).replace(' ', 'T'),
      author: textOf(entry.user_login),
      text: textOf(entry.message),
      html: textOf(entry.message_html),
    }))
    .filter((entry) => !MAYDAY_REPLY.test(entry.html) && !MAYDAY_REPLY.test(entry.text))
    .map(({ html: _html, ...entry }) => entry);
  const mapped = itopStatus(status);
  return { status: mapped, closed: mapped === 'closed', replies: publicReplies(replies) };
}

/**
 * Adds the person's answer to the request's public log, then its files as Attachments. Progress as
 * in `send`: a retry whose reply was lost looks for the entry's marker before adding it again.
 */
async function addReply(
  config: ItopConfig,
  ctx: SendContext,
  ref: string,
  answer: AddedInformation,
): Promise<{ ok: true } | { ok: false; failure: DeliveryFailure }> {
  const target = targetOf({ type: 'itop', url: itopBase(config.url) });
  const saved = ctx.progress.target === target ? ctx.progress : {};
  const progress = {
    target,
    sent: saved.sent === true,
    done: saved.done === true,
    request: saved.request as ItopRequestRef | undefined,
    files: { ...((saved.files as Record<string, 'sending' | number>) ?? {}) },
  };
  const save = () => ctx.saveProgress(structuredClone(progress));
  if (!progress.request) {
    const reply = await itopCall(config, ctx, {
      operation: 'core/get',
      class: 'UserRequest',
      key: { ref },
      output_fields: 'id,ref,org_id',
    });
    if (isFailure(reply)) return { ok: false, failure: authFailure(reply) };
    const found = requestRef(reply.objects[0]);
    if (!found)
      return {
        ok: false,
        failure: { kind: 'rejected', retryable: false, status: 404, detail: `iTop has no request ${ref}` },
      };
    progress.request = found;
  }
  const marker = replyMarker(answer.id);
  if (progress.sent && !progress.done) {
    const log = await itopCall(config, ctx, {
      operation: 'core/get',
      class: 'UserRequest',
      key: progress.request.id,
      output_fields: 'public_log',
    });
    if (isFailure(log)) return { ok: false, failure: authFailure(log) };
    progress.done = JSON.stringify(fieldOf(log.objects[0], 'public_log') ?? '').includes(marker);
  }
  if (!progress.done) {
    progress.sent = true;
    await save();
    const paragraphs = answer.text
      .trim()
      .split(/\r?\n\s*\r?\n/)
      .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`)
      .join('');
    // iTop signs the entry with the REST account: the message says who wrote it.
    const author = answer.author?.trim() || 'The requester';
    const message = `<p><b>${escapeHtml(author)}</b> (${escapeHtml(marker)}):</p>${paragraphs}`;
    const updated = await itopCall(config, ctx, {
      operation: 'core/update',
      class: 'UserRequest',
      key: progress.request.id,
      comment: marker,
      output_fields: 'id',
      fields: { public_log: { add_item: { message, format: 'html' } } },
    });
    if (isFailure(updated)) return { ok: false, failure: authFailure(updated) };
    progress.done = true;
    await save();
  }
  const { id, orgId } = progress.request;
  const failure = await attachAll(
    config,
    ctx,
    { itemClass: 'UserRequest', id, orgId },
    answer.attachments,
    progress,
    save,
    marker,
  );
  return failure ? { ok: false, failure: authFailure(failure) } : { ok: true };
}

/**
 * The REST account (list_operations answers only an account with the "REST Services User"
 * profile), then what its other profiles allow: reading the organisation, and requests (a retry's
 * search, the follow-up). Creating a request is only proven by sending: iTop has no dry run.
 */
export async function testItop(config: ItopConfig, ctx: TestContext): Promise<ConnectionResult> {
  const operations = await itopCall(config, ctx, { operation: 'list_operations' });
  if (isFailure(operations)) {
    if (operations.kind === 'rejected' && operations.status === 401)
      return {
        ok: false,
        problem: /REST Services User|not authorized/i.test(operations.detail) ? 'no-right' : 'bad-token',
        detail: operations.detail,
      };
    return problemFor(operations);
  }
  const checks: ConnectionCheck[] = [{ ok: true, message: 'itopCheckRest', substitutions: [config.user || 'token'] }];
  // iTop's code 1 after a working login: the account's profiles lack a right.
  const noRight = (failure: DeliveryFailure): ConnectionResult | null =>
    failure.kind === 'rejected' && failure.status === 401
      ? {
          ok: false,
          problem: 'no-right',
          detail: failure.detail,
          checks: [...checks, { ok: false, message: 'itopCheckReadMissing' }],
        }
      : null;
  const orgId = await findOrganisation(config, ctx);
  if (isFailure(orgId)) return noRight(orgId) ?? problemFor(orgId);
  if (orgId === null)
    return {
      ok: false,
      problem: 'wrong-organisation',
      detail: config.organization,
      checks: [...checks, { ok: false, message: 'itopCheckOrganisationMissing', substitutions: [config.organization] }],
    };
  checks.push({ ok: true, message: 'itopCheckOrganisation', substitutions: [config.organization, String(orgId)] });
  const read = await itopCall(config, ctx, {
    operation: 'core/get',
    class: 'UserRequest',
    key: 'SELECT UserRequest WHERE id = 0',
    output_fields: 'id',
  });
  if (isFailure(read)) return noRight(read) ?? problemFor(read);
  checks.push({ ok: true, message: 'itopCheckRead' });
  return { ok: true, checks };
}

/** The follow-up loop's view of iTop: status and public log, and added information as a public log entry. */
export function itopFollowUp(config: ItopConfig): FollowUpConnector {
  return {
    follows: () => true,
    async status(receipt, ctx) {
      const followUp: FollowUp | DeliveryFailure = await readFollowUp(config, ctx, receipt.id);
      return isFailure(followUp) ? { ok: false, failure: followUp } : { ok: true, followUp };
    },
    async addInformation(receipt, info, ctx) {
      const added = await addReply(config, ctx, receipt.id, info);
      return added.ok ? { ok: true, receipt: { id: `${receipt.id}:${info.id.slice(0, 8)}` } } : added;
    },
  };
}
