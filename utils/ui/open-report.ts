/**
 * What the viewer page can open: report.json (with the screenshot file picked alongside), a whole
 * webhook body ({ticket, attachments}), or a draft of this browser. Files are untrusted: the
 * ticket must pass the v1 schema and only a PNG/JPEG data URL is kept as the screenshot.
 */
import { z } from 'zod';
import { bytesToBase64 } from '../core/encoding';
import type { Draft } from '../core/model/draft';
import { ticketFromDraft, type BuildContext } from '../core/ticket/build';
import { IMAGE_DATA_URL } from '../core/ticket/report-html';
import { attachmentSchema, ticketSchema, type Ticket } from '../core/model/ticket';

export interface OpenedReport {
  ticket: Ticket;
  screenshot?: { dataUrl: string };
}

export type OpenResult =
  | { ok: true; report: OpenedReport }
  | { ok: false; problem: 'no-json' }
  | { ok: false; problem: 'not-json'; file: string }
  | { ok: false; problem: 'invalid'; file: string; detail: string };

/** The part of a File the viewer reads (a File satisfies it; tests pass plain objects). */
export interface FileLike {
  name: string;
  type: string;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const isJson = (f: FileLike) => f.type === 'application/json' || /\.json$/i.test(f.name);
const imageType = (f: FileLike) =>
  f.type === 'image/png' || /\.png$/i.test(f.name)
    ? 'image/png'
    : f.type === 'image/jpeg' || /\.jpe?g$/i.test(f.name)
      ? 'image/jpeg'
      : null;

function keepImage(dataUrl: string): { dataUrl: string } | undefined {
  return IMAGE_DATA_URL.test(dataUrl) ? { dataUrl } : undefined;
}

function invalid(file: string, error: z.ZodError, prefix: string): OpenResult {
  const issue = error.issues[0];
  const where = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  return { ok: false, problem: 'invalid', file, detail: where ? `${where}: ${issue.message}` : issue.message };
}

/** A ticket, or a webhook body carrying one; `invalid` names the first offending field. */
export function parseReport(json: unknown, file: string): OpenResult {
  const body = json as { ticket?: unknown; attachments?: unknown } | null;
  const wrapped = body !== null && typeof body === 'object' && 'ticket' in body;
  const parsed = ticketSchema.safeParse(wrapped ? body.ticket : json);
  if (!parsed.success) return invalid(file, parsed.error, wrapped ? 'ticket' : '');
  const ticket = parsed.data;
  const attachments = wrapped && Array.isArray(body.attachments) ? body.attachments : [];
  const shot = ticket.screenshot;
  const named =
    shot && attachments.map((a) => attachmentSchema.safeParse(a).data).find((a) => a?.filename === shot.attachment);
  const screenshot = shot && named ? keepImage(`data:${shot.type};base64,${named.data}`) : undefined;
  return { ok: true, report: { ticket, screenshot } };
}

/** The first JSON file is the report; the image the ticket names (else the first image) is its screenshot. */
export async function openReportFiles(files: readonly FileLike[]): Promise<OpenResult> {
  const jsonFile = files.find(isJson);
  if (!jsonFile) return { ok: false, problem: 'no-json' };
  let json: unknown;
  try {
    json = JSON.parse(await jsonFile.text());
  } catch {
    return { ok: false, problem: 'not-json', file: jsonFile.name };
  }
  const result = parseReport(json, jsonFile.name);
  if (!result.ok || result.report.screenshot) return result;
  const images = files.filter((f) => imageType(f));
  const image = images.find((f) => f.name === result.report.ticket.screenshot?.attachment) ?? images[0];
  if (!image || !result.report.ticket.screenshot) return result;
  const dataUrl = `data:${imageType(image)};base64,${bytesToBase64(new Uint8Array(await image.arrayBuffer()))}`;
  return { ok: true, report: { ...result.report, screenshot: keepImage(dataUrl) } };
}

/**
 * A draft of this browser (viewer.html?draft=<id>), shown as the ticket it would send. The hook
 * for the outbox: once it keeps sent payloads, parseReport reads those as they are.
 */
export function reportFromDraft(
  draft: Draft,
  ctx: Omit<BuildContext, 'now'>,
  placeholderDescription: string,
): OpenResult {
  const description = draft.description.trim() ? draft.description : placeholderDescription;
  try {
    // Dated when it was captured: a draft not sent yet has no send time.
    const ticket = ticketFromDraft(draft, description, { ...ctx, now: draft.createdAt });
    return {
      ok: true,
      report: { ticket, screenshot: draft.screenshot ? keepImage(draft.screenshot.dataUrl) : undefined },
    };
  } catch (error) {
    if (error instanceof z.ZodError) return invalid(draft.id, error, '');
    throw error;
  }
}
