/** A report as one .zip the person can attach to an email: report.html, report.json, screenshot. */
import { strToU8, zipSync } from 'fflate';
import { checkEdited, type EditedScreenshot } from '../annotate/edited';
import type { OutgoingReport } from '../delivery/connector';
import type { DeliveryFailure } from '../delivery/errors';
import { base64ToBytes, bytesToBase64 } from '../encoding';
import type { DraftStore } from '../model/draft';
import { buildTicket, type BuildContext } from '../ticket/build';
import type { ReportChoices } from './report-form';
import { describeError } from './submit';

function exportFilename(report: OutgoingReport): string {
  const created = new Date(report.ticket.createdAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${created.getFullYear()}-${pad(created.getMonth() + 1)}-${pad(created.getDate())}-${pad(created.getHours())}${pad(created.getMinutes())}`;
  let host = 'page';
  try {
    host = new URL(report.ticket.page.url).hostname || host;
  } catch {
    /* a page without a URL keeps the generic name */
  }
  return `mayday-report-${stamp}-${host.replace(/[^\w.-]/g, '_')}.zip`;
}

function zipReport(report: OutgoingReport): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const file of report.attachments) files[file.filename] = base64ToBytes(file.data);
  files['report.json'] ??= strToU8(JSON.stringify(report.ticket, null, 2));
  return zipSync(files, { level: 6, mtime: new Date(report.ticket.createdAt) });
}

export type ExportResult = { ok: true; filename: string; base64: string } | { ok: false; failure: DeliveryFailure };

export interface ExportEnv {
  drafts: Pick<DraftStore, 'get'>;
  /** The report as the outbox stored it, once the draft was sent or queued. */
  stored(outboxId: string): Promise<OutgoingReport | undefined>;
  context(): BuildContext;
}

/**
 * Save as file: a queued report exactly as it was sent; otherwise the draft as the person sees it
 * now, with the screenshot as edited on the page (never the unedited original).
 */
export async function exportReport(
  data: { draftId: string; description: string; screenshot?: EditedScreenshot } & ReportChoices,
  env: ExportEnv,
): Promise<ExportResult> {
  const edited = checkEdited(data.screenshot);
  if (!edited.ok) return edited;
  const saved = await env.drafts.get(data.draftId);
  if (!saved) return { ok: false, failure: { kind: 'draft-missing', retryable: false } };
  try {
    const stored = saved.outboxId ? await env.stored(saved.outboxId) : undefined;
    const draft = { ...edited.apply(saved), category: data.category, urgency: data.urgency };
    const report = stored ?? buildTicket(draft, data.description, env.context());
    return { ok: true, filename: exportFilename(report), base64: bytesToBase64(zipReport(report)) };
  } catch (error) {
    return { ok: false, failure: { kind: 'invalid-report', retryable: false, detail: describeError(error) } };
  }
}
