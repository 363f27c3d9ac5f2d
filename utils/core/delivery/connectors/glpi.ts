/**
 * GLPI, legacy REST API (apirest.php, GLPI 9.5 and 10), as a GLPI 10 with default settings answers
 * (checked against 10.0.10, see docs/connectors.md):
 *
 * - The files go in the ticket's own creation request (POST Ticket, multipart: `uploadManifest` and
 *   one part per file). That is what a Self-Service profile may do (it has no Documents right), and
 *   it leaves no empty Document when GLPI refuses a file. Each file has its own part name: GLPI
 *   keeps only the first file of a `filename[]` array.
 * - GLPI refuses a file by its extension (Setup > Dropdowns > Document types) or its size, and
 *   still files the ticket. A refused file is not a failed report: the ticket keeps the others and
 *   a followup names the refused file and why. report.json goes inside report.zip, since GLPI's
 *   default types include zip but not json.
 * - GLPI reports the upload result of the first part only: the ticket's documents are read back
 *   (`with_documents`, by SHA-1) to know which files it kept.
 *
 * Every step is recorded as progress, so a retry resumes (the ticket, each file, the followup)
 * instead of filing a second ticket. Errors come as HTTP status + ["ERROR_CODE", "message"].
 */
import { strToU8, zipSync } from 'fflate';
import type { Receipt } from '../../model/draft';
import { escapeHtml } from '../../ticket/html';
import type { Attachment } from '../../model/ticket';
import type { ConnectorConfig } from '../config';
import {
  isFailure,
  request,
  type Connector,
  type OutgoingReport,
  type SendContext,
  type SendResult,
} from '../connector';
import { classifyStatus, parseRetryAfter, type DeliveryFailure } from '../errors';
import { base64ToBytes } from '../../encoding';
import { encodeMultipart, safeBoundary, type Part } from '../multipart';
import { reportMarker, ticketBody, ticketTitle } from './body';
import { glpiRequesterInput } from './glpi-requester';
import {
  badReply,
  failed,
  jsonOf,
  problemFor,
  targetOf,
  textOf,
  type ConnectionCheck,
  type ConnectionResult,
  type TestContext,
} from './helpdesk';

type GlpiConfig = Extract<ConnectorConfig, { type: 'glpi' }>;

/** The GLPI address, whether the admin typed the root or the apirest.php URL. */
function glpiBase(url: string): string {
  return url
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/apirest\.php$/i, '');
}

/** What the ticket body says about the report's data, which GLPI gets zipped. */
export const GLPI_DETAILS_IN = 'report.json, inside the attached report.zip';

/**
 * The files as GLPI gets them: report.json inside report.zip (GLPI 10's default document types
 * accept zip, png, jpg and html, not json). The zip's date is the report's, so every attempt sends
 * the same bytes.
 */
export function glpiFiles(report: OutgoingReport): Attachment[] {
  return report.attachments.map((file) => {
    if (file.filename !== 'report.json') return file;
    const zip = zipSync({ 'report.json': [base64ToBytes(file.data), { mtime: new Date(report.ticket.createdAt) }] });
    return { filename: 'report.zip', contentType: 'application/zip', data: bytesToBase64(zip) };
  });
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function sha1(file: Attachment): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', base64ToBytes(file.data) as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
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
export function glpiApi(config: GlpiConfig, ctx: TestContext, now: () => number) {
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

  /** The reply's JSON, or the failure it means. */
  async function bodyOf(reply: Response | DeliveryFailure): Promise<{ body: unknown } | DeliveryFailure> {
    if (isFailure(reply)) return reply;
    if (!reply.ok) return glpiFailure(reply, now());
    return { body: await jsonOf(reply) };
  }

  async function get(path: string): Promise<{ body: unknown } | DeliveryFailure> {
    return bodyOf(await call(path, { method: 'GET' }));
  }

  /** POSTs JSON or multipart; the new item's id and the upload result of its first file part. */
  async function add(
    itemtype: string,
    body: { json: Record<string, unknown> } | { parts: Part[]; seed: string },
  ): Promise<{ id: number; upload?: UploadResult } | DeliveryFailure> {
    let init: RequestInit & { headers: Record<string, string> };
    if ('json' in body) {
      init = {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ input: body.json }),
      };
    } else {
      const encoded = encodeMultipart(body.parts, safeBoundary(body.seed, body.parts));
      init = { method: 'POST', headers: { 'Content-Type': encoded.contentType }, body: encoded.body as BodyInit };
    }
    const reply = await bodyOf(await call(`/${itemtype}/`, init));
    if (isFailure(reply)) return reply;
    const answer = reply.body as { id?: unknown; upload_result?: unknown } | null;
    if (typeof answer?.id !== 'number' || answer.id <= 0) return badReply(`GLPI created no ${itemtype}`);
    return { id: answer.id, upload: firstUpload(answer.upload_result) };
  }

  return { open, call, close, bodyOf, get, add };
}
type GlpiApi = ReturnType<typeof glpiApi>;

/** One file of GLPI's upload_result: `{"file0": [{"display": "shot.png", "error": "…"}]}`. */
interface UploadResult {
  display: string;
  error?: string;
}

function firstUpload(result: unknown): UploadResult | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const first = (Object.values(result)[0] as unknown[] | undefined)?.[0] as
    { display?: unknown; name?: unknown; error?: unknown } | undefined;
  if (!first) return undefined;
  const display = typeof first.display === 'string' ? first.display : textOf(first.name);
  return typeof first.error === 'string' && first.error ? { display, error: first.error.slice(0, 200) } : { display };
}

/** The multipart parts for `files`, each under its own name, after the manifest. */
export function uploadParts(input: Record<string, unknown>, files: Attachment[]): Part[] {
  const manifest = { input: { ...input, _filename: files.map((f) => f.filename) } };
  return [
    { name: 'uploadManifest', contentType: 'application/json', data: strToU8(JSON.stringify(manifest)) },
    ...files.map((file, i) => ({
      name: `file${i}`,
      filename: file.filename,
      contentType: file.contentType,
      data: base64ToBytes(file.data),
    })),
  ];
}

/** The ticket an earlier attempt created but never heard back about: its content holds the report id. */
async function findTicket(api: GlpiApi, reportId: string): Promise<number | null | DeliveryFailure> {
  const reply = await api.get(`/Ticket/?searchText%5Bcontent%5D=${encodeURIComponent(reportId)}&only_id=true`);
  if (isFailure(reply)) return reply;
  const rows = reply.body;
  const id = Array.isArray(rows) ? (rows[0] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'number' ? id : null;
}

/**
 * The SHA-1 of every file the ticket holds; null when GLPI does not tell this account. By content,
 * not name: GLPI 10 links an identical file already stored to the new ticket, and renames that
 * Document after the upload's temporary name ("6b16018ae19fd7.52585887screenshot.png").
 */
async function heldFiles(api: GlpiApi, ticketId: number): Promise<Set<string> | null | DeliveryFailure> {
  const reply = await api.get(`/Ticket/${ticketId}?with_documents=true`);
  if (isFailure(reply)) return reply.retryable ? reply : null;
  const documents = (reply.body as { _documents?: unknown } | null)?._documents;
  if (!Array.isArray(documents)) return null;
  return new Set(
    (documents as { sha1sum?: unknown }[]).flatMap((doc) => (typeof doc.sha1sum === 'string' ? [doc.sha1sum] : [])),
  );
}

/** GLPI's words for a file it refuses by size (its own limit, or PHP's upload_max_filesize). */
const TOO_BIG = /too big|exceeds|size/i;

type FileState =
  /** Part of the creation request: GLPI kept it or refused it when it created the ticket. */
  | { state: 'in-creation'; error?: string }
  /** Sent on its own to the existing ticket; a retry checks whether it arrived before sending again. */
  | { state: 'uploading' }
  | { state: 'attached' }
  | { state: 'refused'; reason: string };

interface GlpiProgress {
  /** The GLPI these ids belong to: progress made against another one (settings changed) is dropped. */
  target: string;
  createSent?: boolean;
  ticketId?: number;
  /** Per filename as sent to GLPI. */
  files: Record<string, FileState>;
  /** GLPI refused a file for its size once: the outbox was asked for a smaller screenshot. */
  shrinkAsked?: boolean;
  /** The request with every file was over PHP's post_max_size: the ticket goes first, then each file. */
  filesApart?: boolean;
  /** The followup naming the refused files: sent (a retry looks for it), then confirmed. */
  noteSent?: boolean;
  noteDone?: boolean;
}

function readProgress(saved: Readonly<Record<string, unknown>>, target: string): GlpiProgress {
  if (saved.target !== target) return { target, files: {} };
  const files = { ...((saved.files as GlpiProgress['files']) ?? {}) };
  // Progress an earlier Mayday recorded (a Document per file, then its link): linked ones are attached,
  // a linked report.json (a GLPI that accepts json) standing for report.zip.
  for (const [name, doc] of Object.entries((saved.documents as Record<string, { linked?: boolean }>) ?? {}))
    if (doc.linked) files[name === 'report.json' ? 'report.zip' : name] = { state: 'attached' };
  const flag = (key: string) => saved[key] === true;
  return {
    target,
    createSent: flag('createSent'),
    ticketId: typeof saved.ticketId === 'number' ? saved.ticketId : undefined,
    files,
    shrinkAsked: flag('shrinkAsked'),
    filesApart: flag('filesApart'),
    noteSent: flag('noteSent'),
    noteDone: flag('noteDone'),
  };
}

function ticketInput(report: OutgoingReport) {
  return {
    name: ticketTitle(report.ticket),
    content: ticketBody(report.ticket, { detailsIn: GLPI_DETAILS_IN }).html,
  };
}

/**
 * Why GLPI left out a file of the creation request: its own words for the first part; for the
 * others (GLPI reports only the first), its two checks, size (Setup > General > Management) or type.
 */
async function refusalReason(api: GlpiApi, file: Attachment, said: string | undefined): Promise<string> {
  if (said) return said;
  const config = await api.get('/getGlpiConfig/');
  const maxMb = isFailure(config)
    ? NaN
    : Number((config.body as { cfg_glpi?: { document_max_size?: unknown } } | null)?.cfg_glpi?.document_max_size);
  if (!Number.isFinite(maxMb) || maxMb <= 0) return 'not accepted by GLPI (its type or its size)';
  return base64ToBytes(file.data).length > maxMb * 1024 * 1024 ? 'File is too big' : 'Filetype not allowed';
}

/** POSTs one file to the existing ticket (a Document whose manifest names the ticket). */
async function attachApart(
  api: GlpiApi,
  ticketId: number,
  file: Attachment,
  seed: string,
  now: number,
): Promise<FileState | DeliveryFailure> {
  const parts = uploadParts({ itemtype: 'Ticket', items_id: ticketId }, [file]);
  const encoded = encodeMultipart(parts, safeBoundary(seed, parts));
  const reply = await api.call('/Document/', {
    method: 'POST',
    headers: { 'Content-Type': encoded.contentType },
    body: encoded.body as BodyInit,
  });
  if (isFailure(reply)) return reply;
  if (reply.ok) {
    const answer = (await jsonOf(reply)) as { id?: unknown; upload_result?: unknown } | null;
    const upload = firstUpload(answer?.upload_result);
    if (!upload?.error) return { state: 'attached' };
    // A GLPI that answers 201 with the refusal may have created an empty Document: none is left behind.
    if (typeof answer?.id === 'number' && answer.id > 0)
      await api.call(`/Document/${answer.id}?force_purge=true`, { method: 'DELETE' });
    return { state: 'refused', reason: upload.error };
  }
  const { code, message } = await glpiError(reply.clone());
  // GLPI dropped the file on the way in (type or size), so the Document it was to be had nothing to hold.
  if (code === 'ERROR_GLPI_ADD') return { state: 'refused', reason: await refusalReason(api, file, undefined) };
  if (code === 'ERROR_UPLOAD_FILE_TOO_BIG_POST_MAX_SIZE')
    return { state: 'refused', reason: `File is too big for the server (${message || code})` };
  return glpiFailure(reply, now);
}

/** The followup's marker, which a retry looks for. */
const noteMarker = (report: OutgoingReport) => `${reportMarker(report.ticket)}: GLPI did not accept`;

function refusalNote(report: OutgoingReport, refused: [string, string][]): string {
  const items = refused.map(([name, reason]) => `<li>${escapeHtml(name)}: ${escapeHtml(reason)}</li>`).join('');
  return (
    `<p>${escapeHtml(noteMarker(report))} these files:</p><ul>${items}</ul>` +
    '<p>A GLPI administrator can allow them: the type in Setup &gt; Dropdowns &gt; Document types ' +
    '(Authorized upload), the size in Setup &gt; General &gt; Management (Document files maximum size).</p>'
  );
}

async function noteExists(api: GlpiApi, ticketId: number, report: OutgoingReport): Promise<boolean | DeliveryFailure> {
  const reply = await api.get(`/Ticket/${ticketId}/ITILFollowup?range=0-199`);
  if (isFailure(reply)) return reply.retryable ? reply : false;
  const rows = Array.isArray(reply.body) ? (reply.body as { content?: unknown }[]) : [];
  // GLPI stores content HTML-encoded; the marker has no character it encodes.
  return rows.some((row) => typeof row.content === 'string' && row.content.includes(noteMarker(report)));
}

/**
 * Files the ticket, with every file in the same request. Over PHP's post_max_size GLPI refuses the
 * whole request before creating anything: the outbox is asked once for a smaller screenshot, then
 * the ticket goes alone and each file after it.
 */
async function createTicket(
  api: GlpiApi,
  report: OutgoingReport,
  files: Attachment[],
  progress: GlpiProgress,
  save: () => Promise<void>,
): Promise<DeliveryFailure | null> {
  const input = { ...ticketInput(report), ...(await glpiRequesterInput(api, report.ticket)) };
  for (;;) {
    const withFiles = !progress.filesApart && files.length > 0;
    progress.createSent = true;
    progress.files = withFiles ? Object.fromEntries(files.map((f) => [f.filename, { state: 'in-creation' }])) : {};
    await save();
    const created = withFiles
      ? await api.add('Ticket', { parts: uploadParts(input, files), seed: `mayday-${report.ticket.id}` })
      : await api.add('Ticket', { json: input });
    if (!isFailure(created)) {
      progress.ticketId = created.id;
      if (withFiles && created.upload?.error)
        progress.files[files[0].filename] = { state: 'in-creation', error: created.upload.error };
      await save();
      return null;
    }
    if (created.kind !== 'too-large' || !withFiles) return created;
    progress.files = {};
    if (report.ticket.screenshot && !progress.shrinkAsked) {
      progress.shrinkAsked = true;
      await save();
      return created;
    }
    progress.filesApart = true;
  }
}

/** Which of the files GLPI kept, for those sent with the ticket or on their own before a failure. */
async function checkFiles(
  api: GlpiApi,
  ticketId: number,
  files: Attachment[],
  progress: GlpiProgress,
): Promise<DeliveryFailure | null> {
  const unsure = files.filter((f) => ['in-creation', 'uploading'].includes(progress.files[f.filename]?.state ?? ''));
  if (!unsure.length) return null;
  const held = await heldFiles(api, ticketId);
  if (isFailure(held)) return held;
  for (const file of unsure) {
    const state = progress.files[file.filename];
    const said = state.state === 'in-creation' ? state.error : undefined;
    // Unable to read the ticket's documents, Mayday trusts what GLPI answered to the upload.
    const kept = held ? held.has(await sha1(file)) : !said;
    if (kept) progress.files[file.filename] = { state: 'attached' };
    else if (state.state === 'in-creation')
      progress.files[file.filename] = { state: 'refused', reason: await refusalReason(api, file, said) };
    else delete progress.files[file.filename];
  }
  return null;
}

async function deliver(
  api: GlpiApi,
  config: GlpiConfig,
  report: OutgoingReport,
  ctx: SendContext,
): Promise<SendResult> {
  const progress = readProgress(ctx.progress, targetOf({ type: 'glpi', url: glpiBase(config.url) }));
  const save = () => ctx.saveProgress(structuredClone(progress) as unknown as Record<string, unknown>);
  const files = glpiFiles(report);

  if (progress.ticketId === undefined && progress.createSent) {
    const found = await findTicket(api, report.ticket.id);
    if (isFailure(found) && found.retryable) return failed(found);
    if (typeof found === 'number') progress.ticketId = found;
  }
  if (progress.ticketId === undefined) {
    const failure = await createTicket(api, report, files, progress, save);
    if (failure) return failed(failure);
  }
  const ticketId = progress.ticketId!;

  const unchecked = await checkFiles(api, ticketId, files, progress);
  if (unchecked) return failed(unchecked);
  await save();

  // GLPI refused a file for its size: a smaller screenshot (and so a smaller report.html) may pass.
  const tooBig = files.filter((f) => {
    const state = progress.files[f.filename];
    return state?.state === 'refused' && TOO_BIG.test(state.reason);
  });
  if (tooBig.length && report.ticket.screenshot && !progress.shrinkAsked) {
    progress.shrinkAsked = true;
    for (const file of tooBig) delete progress.files[file.filename];
    await save();
    return failed({ kind: 'too-large', retryable: false, status: 201 });
  }

  for (const file of files) {
    if (progress.files[file.filename]) continue;
    progress.files[file.filename] = { state: 'uploading' };
    await save();
    const outcome = await attachApart(api, ticketId, file, `mayday-${report.ticket.id}`, ctx.now());
    if (isFailure(outcome)) return failed(outcome);
    progress.files[file.filename] = outcome;
    await save();
  }

  const refused = files.flatMap((f): [string, string][] => {
    const state = progress.files[f.filename];
    return state?.state === 'refused' ? [[f.filename, state.reason]] : [];
  });
  if (refused.length && !progress.noteDone) {
    if (progress.noteSent) {
      const exists = await noteExists(api, ticketId, report);
      if (isFailure(exists)) return failed(exists);
      progress.noteDone = exists;
      if (exists) await save();
    }
    if (!progress.noteDone) {
      progress.noteSent = true;
      await save();
      const note = await api.add('ITILFollowup', {
        json: { itemtype: 'Ticket', items_id: ticketId, content: refusalNote(report, refused), is_private: 0 },
      });
      // An account that may not add followups has still filed the ticket: not worth failing the report for.
      if (isFailure(note) && note.retryable) return failed(note);
      progress.noteDone = true;
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

// GLPI rights are bit masks per right name: CREATE is 4 for every item type; followups are added to
// one's own tickets (4), to one's groups' (2048) or to all (4096).
const CREATE = 4;
const FOLLOWUP_ADD = 4 | 2048 | 4096;

/** The types Mayday sends GLPI, by extension, under the names GLPI's default list gives them. */
const SENT_TYPES: [ext: string, name: string][] = [
  ['png', 'PNG'],
  ['jpg', 'JPEG'],
  ['zip', 'Zip'],
  ['html', 'HTML'],
];

/** GLPI's own test (DocumentType::isValidDoc): the extension, case-insensitive, or a /regex/ entry. */
function typeAccepted(types: { ext?: unknown; is_uploadable?: unknown }[], ext: string): boolean {
  return types.some((type) => {
    if (Number(type.is_uploadable) !== 1 || typeof type.ext !== 'string') return false;
    const pattern = /^\/(.+)\/$/.exec(type.ext)?.[1];
    if (!pattern) return type.ext.toLowerCase() === ext;
    try {
      return new RegExp(pattern, 'i').test(`file.${ext}`);
    } catch {
      return false;
    }
  });
}

/** GLPI refuses a wrong App-Token or an unlisted client address with a 400, not a 401. */
function glpiProblem(failure: DeliveryFailure): ConnectionResult {
  const detail = failure.kind === 'rejected' ? failure.detail : '';
  if (/^ERROR_(WRONG_APP_TOKEN_PARAMETER|APP_TOKEN_PARAMETERS_MISSING)/.test(detail))
    return { ok: false, problem: 'bad-token', detail };
  if (detail.startsWith('ERROR_NOT_ALLOWED_IP')) return { ok: false, problem: 'no-right', detail };
  return problemFor(failure);
}

/** Which document types GLPI accepts: true/false per type Mayday sends, or null if unreadable. */
async function acceptedTypes(api: GlpiApi): Promise<Map<string, boolean> | null> {
  const reply = await api.get('/DocumentType/?range=0-9999');
  if (isFailure(reply) || !Array.isArray(reply.body)) return null;
  const types = reply.body as { ext?: unknown; is_uploadable?: unknown }[];
  return new Map(SENT_TYPES.map(([ext, name]) => [name, typeAccepted(types, ext)]));
}

/**
 * initSession, then what this account may do and what GLPI accepts: the profile's rights for
 * tickets, followups and files, the document types (when the profile may read them) and the size
 * limit, each with what to change in GLPI when it is missing.
 */
export async function testGlpi(config: GlpiConfig, ctx: TestContext): Promise<ConnectionResult> {
  const api = glpiApi(config, ctx, () => 0);
  const opened = await api.open();
  if (opened) return glpiProblem(opened);
  try {
    const reply = await api.get('/getFullSession/');
    if (isFailure(reply)) return glpiProblem(reply);
    const profile = (reply.body as { session?: { glpiactiveprofile?: Record<string, unknown> } } | null)?.session
      ?.glpiactiveprofile;
    if (!profile) return { ok: false, problem: 'other', detail: 'getFullSession answered without an active profile' };
    const name = textOf(profile.name);
    const has = (right: string, bits: number) => (Number(profile[right] ?? 0) & bits) !== 0;
    const tickets = has('ticket', CREATE);
    const followups = has('followup', FOLLOWUP_ADD);
    // A Document for an existing ticket needs Documents: Create, or a followup right (Document::canCreate).
    const later = has('document', CREATE) || has('followup', 4);
    const helpdesk = profile.interface === 'helpdesk';
    const types = await acceptedTypes(api);
    const refused = types ? [...types].filter(([, ok]) => !ok).map(([type]) => type) : [];
    const sent = SENT_TYPES.map(([, type]) => type).join(', ');
    const config_ = await api.get('/getGlpiConfig/');
    const maxMb = isFailure(config_)
      ? NaN
      : Number((config_.body as { cfg_glpi?: { document_max_size?: unknown } } | null)?.cfg_glpi?.document_max_size);

    const checks: ConnectionCheck[] = [
      tickets
        ? { ok: true, message: 'glpiCheckTicketsOk', substitutions: [name] }
        : { ok: false, message: 'glpiCheckTicketsMissing', substitutions: [name] },
      followups
        ? { ok: true, message: 'glpiCheckFollowupsOk', substitutions: [name] }
        : { ok: false, message: 'glpiCheckFollowupsMissing', substitutions: [name] },
      later
        ? { ok: true, message: 'glpiCheckFilesOk', substitutions: [name] }
        : {
            ok: false,
            message: helpdesk ? 'glpiCheckFilesMissingHelpdesk' : 'glpiCheckFilesMissing',
            substitutions: [name],
          },
      !types
        ? { ok: null, message: 'glpiCheckTypesUnknown', substitutions: [sent, name] }
        : refused.length
          ? { ok: false, message: 'glpiCheckTypesRefused', substitutions: [refused.join(', ')] }
          : { ok: true, message: 'glpiCheckTypesOk', substitutions: [sent] },
      ...(Number.isFinite(maxMb) && maxMb > 0
        ? [{ ok: true, message: 'glpiCheckSize', substitutions: [String(maxMb)] } satisfies ConnectionCheck]
        : []),
    ];
    if (!tickets)
      return { ok: false, problem: 'no-right', detail: `the profile "${name}" cannot create tickets`, checks };
    if (refused.length || !followups || !later)
      return { ok: false, problem: 'needs-change', detail: `GLPI needs a change for the profile "${name}"`, checks };
    return { ok: true, checks };
  } finally {
    await api.close();
  }
}
