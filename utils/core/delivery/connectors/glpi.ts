/**
 * GLPI, legacy REST API (apirest.php, GLPI 9.5 and 10): initSession with the user token, create the
 * Ticket, upload each file as a Document and link it with Document_Item, killSession. The ticket id
 * and each document are recorded as progress, so a retry after a failed upload resumes instead of
 * creating a second ticket. Errors come as HTTP status + ["ERROR_CODE", "message"].
 */
import type { Receipt } from '../../model/draft';
import { base64ToBytes } from '../../encoding';
import type { Attachment, Ticket } from '../../model/ticket';
import type { ConnectorConfig } from '../config';
import { isFailure, request, type Connector, type SendContext, type SendResult } from '../connector';
import { classifyStatus, parseRetryAfter, type DeliveryFailure } from '../errors';
import { encodeMultipart, safeBoundary, type Part } from '../multipart';
import { ticketBody, ticketTitle } from './body';
import { badReply, failed, jsonOf, problemFor, targetOf, type ConnectionResult, type TestContext } from './helpdesk';

type GlpiConfig = Extract<ConnectorConfig, { type: 'glpi' }>;

/** The GLPI address, whether the admin typed the root or the apirest.php URL. */
function glpiBase(url: string): string {
  return url
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/apirest\.php$/i, '');
}

/** GLPI's error body: ["ERROR_SESSION_TOKEN_INVALID", "session_token seems invalid"]. */
async function glpiError(response: Response): Promise<{ code: string; message: string }> {
  const text = await response.text().catch(() => '');
  try {
    const [code, message] = JSON.parse(text) as unknown[];
    if (typeof code === 'string') return { code, message: typeof message === 'string' ? message : '' };
  } catch {
    /* not GLPI's shape: a proxy or a PHP error page */
  }
  return { code: '', message: text.trim().slice(0, 300) || response.statusText };
}

async function glpiFailure(response: Response, now: number): Promise<DeliveryFailure> {
  const { code, message } = await glpiError(response);
  if (code === 'ERROR_UPLOAD_FILE_TOO_BIG_POST_MAX_SIZE')
    return { kind: 'too-large', retryable: false, status: response.status };
  return classifyStatus(
    response.status,
    code ? `${code}: ${message}` : message,
    parseRetryAfter(response.headers.get('retry-after'), now),
  );
}

/** One API session; an expired session token is replaced once per send, then the call is retried. */
function glpiApi(config: GlpiConfig, ctx: TestContext, now: () => number) {
  const api = `${glpiBase(config.url)}/apirest.php`;
  const appToken: Record<string, string> = config.appToken ? { 'App-Token': config.appToken } : {};
  let session = '';
  let renewed = false;

  async function open(): Promise<DeliveryFailure | null> {
    const reply = await request(ctx, `${api}/initSession`, {
      method: 'GET',
      headers: { Authorization: `user_token ${config.userToken}`, ...appToken },
    });
    if (isFailure(reply)) return reply;
    if (!reply.ok) return glpiFailure(reply, now());
    const token = ((await jsonOf(reply)) as { session_token?: unknown } | null)?.session_token;
    if (typeof token !== 'string' || !token)
      return badReply('initSession answered without a session_token: is this the GLPI address?');
    session = token;
    return null;
  }

  async function call(
    path: string,
    init: RequestInit & { headers?: Record<string, string> },
  ): Promise<Response | DeliveryFailure> {
    const reply = await request(ctx, `${api}${path}`, {
      ...init,
      headers: { ...init.headers, 'Session-Token': session, ...appToken },
    });
    if (isFailure(reply) || reply.status !== 401 || renewed) return reply;
    const { code } = await glpiError(reply.clone());
    if (code !== 'ERROR_SESSION_TOKEN_INVALID') return reply;
    renewed = true;
    const reopened = await open();
    return reopened ?? call(path, init);
  }

  async function close(): Promise<void> {
    // Best effort: an unclosed session only expires later on the server.
    if (session)
      await request(ctx, `${api}/killSession`, { method: 'GET', headers: { 'Session-Token': session, ...appToken } });
  }

  /** A reply's id, or the failure it means: a 201 can still report a refused file in upload_result. */
  async function idOf(reply: Response | DeliveryFailure, itemtype: string): Promise<number | DeliveryFailure> {
    if (isFailure(reply)) return reply;
    if (!reply.ok) return glpiFailure(reply, now());
    const body = (await jsonOf(reply)) as { id?: unknown; upload_result?: unknown } | null;
    const uploadError = JSON.stringify(body?.upload_result ?? '').match(/"error":"([^"]*)"/)?.[1];
    if (uploadError) {
      return /big|size|exceeds/i.test(uploadError)
        ? { kind: 'too-large', retryable: false, status: reply.status }
        : { kind: 'rejected', retryable: false, status: reply.status, detail: uploadError };
    }
    if (typeof body?.id !== 'number' || body.id <= 0) return badReply(`GLPI created no ${itemtype}`);
    return body.id;
  }

  /** The reply's JSON, or the failure it means. */
  async function bodyOf(reply: Response | DeliveryFailure): Promise<{ body: unknown } | DeliveryFailure> {
    if (isFailure(reply)) return reply;
    if (!reply.ok) return glpiFailure(reply, now());
    return { body: await jsonOf(reply) };
  }

  return { open, call, close, idOf, bodyOf };
}
type GlpiApi = ReturnType<typeof glpiApi>;

/** POSTs JSON and returns the new item's id. */
async function addItem(
  api: GlpiApi,
  itemtype: string,
  input: Record<string, unknown>,
): Promise<number | DeliveryFailure> {
  const reply = await api.call(`/${itemtype}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ input }),
  });
  return api.idOf(reply, itemtype);
}

async function uploadDocument(api: GlpiApi, ticket: Ticket, file: Attachment): Promise<number | DeliveryFailure> {
  const manifest = { input: { name: file.filename, _filename: [file.filename] } };
  const parts: Part[] = [
    {
      name: 'uploadManifest',
      contentType: 'application/json',
      data: new TextEncoder().encode(JSON.stringify(manifest)),
    },
    { name: 'filename[0]', filename: file.filename, contentType: file.contentType, data: base64ToBytes(file.data) },
  ];
  const { body, contentType } = encodeMultipart(parts, safeBoundary(`mayday-${ticket.id}`, parts));
  const reply = await api.call('/Document/', {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: body as BodyInit,
  });
  return api.idOf(reply, 'Document');
}

/** The ticket an earlier attempt created but never heard back about: its content holds the report id. */
async function findTicket(api: GlpiApi, ticket: Ticket): Promise<number | null | DeliveryFailure> {
  const reply = await api.bodyOf(
    await api.call(`/Ticket/?searchText%5Bcontent%5D=${encodeURIComponent(ticket.id)}&only_id=true`, { method: 'GET' }),
  );
  if (isFailure(reply)) return reply;
  const rows = reply.body;
  const id = Array.isArray(rows) ? (rows[0] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'number' ? id : null;
}

interface GlpiProgress {
  /** The GLPI these ids belong to: progress made against another one (settings changed) is dropped. */
  target: string;
  createSent?: boolean;
  ticketId?: number;
  /** Per attachment filename: the Document made for it and whether it is linked to the ticket yet. */
  documents: Record<string, { id: number; linked: boolean }>;
}

function readProgress(saved: Readonly<Record<string, unknown>>, target: string): GlpiProgress {
  if (saved.target !== target) return { target, documents: {} };
  return {
    target,
    createSent: saved.createSent === true,
    ticketId: typeof saved.ticketId === 'number' ? saved.ticketId : undefined,
    documents: { ...((saved.documents as GlpiProgress['documents']) ?? {}) },
  };
}

async function deliver(
  api: GlpiApi,
  config: GlpiConfig,
  report: { ticket: Ticket; attachments: Attachment[] },
  ctx: SendContext,
): Promise<SendResult> {
  const progress = readProgress(ctx.progress, targetOf({ type: 'glpi', url: glpiBase(config.url) }));
  const save = () => ctx.saveProgress(structuredClone(progress) as unknown as Record<string, unknown>);
  if (progress.ticketId === undefined && progress.createSent) {
    const found = await findTicket(api, report.ticket);
    if (isFailure(found) && found.retryable) return failed(found);
    if (typeof found === 'number') progress.ticketId = found;
  }
  if (progress.ticketId === undefined) {
    progress.createSent = true;
    await save();
    const created = await addItem(api, 'Ticket', {
      name: ticketTitle(report.ticket),
      content: ticketBody(report.ticket).html,
    });
    if (isFailure(created)) return failed(created);
    progress.ticketId = created;
    await save();
  }
  const ticketId = progress.ticketId;
  for (const file of report.attachments) {
    let doc = progress.documents[file.filename];
    if (!doc) {
      const id = await uploadDocument(api, report.ticket, file);
      if (isFailure(id)) return failed(id);
      doc = progress.documents[file.filename] = { id, linked: false };
      await save();
    }
    if (!doc.linked) {
      const link = await addItem(api, 'Document_Item', {
        documents_id: doc.id,
        itemtype: 'Ticket',
        items_id: ticketId,
      });
      if (isFailure(link)) return failed(link);
      doc.linked = true;
      await save();
    }
  }
  const receipt: Receipt = {
    id: String(ticketId),
    url: `${glpiBase(config.url)}/front/ticket.form.php?id=${ticketId}`,
  };
  return { ok: true, receipt };
}

export function glpiConnector(config: GlpiConfig): Connector {
  return {
    async send(report, ctx) {
      const api = glpiApi(config, ctx, ctx.now);
      const opened = await api.open();
      if (opened) return failed(opened);
      try {
        return await deliver(api, config, report, ctx);
      } finally {
        await api.close();
      }
    },
  };
}

// GLPI rights are bit masks per right name; CREATE is 4 for every item type.
const CREATE = 4;

/** GLPI refuses a wrong App-Token or an unlisted client address with a 400, not a 401. */
function glpiProblem(failure: DeliveryFailure): ConnectionResult {
  const detail = failure.kind === 'rejected' ? failure.detail : '';
  if (/^ERROR_(WRONG_APP_TOKEN_PARAMETER|APP_TOKEN_PARAMETERS_MISSING)/.test(detail))
    return { ok: false, problem: 'bad-token', detail };
  if (detail.startsWith('ERROR_NOT_ALLOWED_IP')) return { ok: false, problem: 'no-right', detail };
  return problemFor(failure);
}

/** initSession, then the session's active profile: can it create tickets and documents? */
export async function testGlpi(config: GlpiConfig, ctx: TestContext): Promise<ConnectionResult> {
  const api = glpiApi(config, ctx, () => 0);
  const opened = await api.open();
  if (opened) return glpiProblem(opened);
  try {
    const reply = await api.bodyOf(await api.call('/getFullSession/', { method: 'GET' }));
    if (isFailure(reply)) return glpiProblem(reply);
    const profile = (reply.body as { session?: { glpiactiveprofile?: Record<string, unknown> } } | null)?.session
      ?.glpiactiveprofile;
    if (!profile) return { ok: false, problem: 'other', detail: 'getFullSession answered without an active profile' };
    const missing = ['ticket', 'document'].filter((right) => (Number(profile[right]) & CREATE) === 0);
    if (missing.length)
      return {
        ok: false,
        problem: 'no-right',
        detail: `the profile "${typeof profile.name === 'string' ? profile.name : ''}" cannot create: ${missing.join(', ')}`,
      };
    return { ok: true };
  } finally {
    await api.close();
  }
}
