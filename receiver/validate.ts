import { outgoingReportSchema, type OutgoingReport } from '../utils/core/model/ticket';
import { checkAttachmentNames } from './names';

export type Checked<T = OutgoingReport> = { ok: true; payload: T } | { ok: false; field: string; message: string };

export function fieldName(path: PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '') || '(body)'
  );
}

/** Parses and checks a webhook body; on failure names the first offending field. */
export function checkPayload(body: unknown): Checked {
  const badName = checkAttachmentNames(body);
  if (badName) return { ok: false, ...badName };
  const parsed = outgoingReportSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = fieldName(issue.path);
    return { ok: false, field, message: `${field}: ${issue.message}` };
  }
  const { ticket, attachments } = parsed.data;
  const shot = ticket.screenshot;
  if (shot) {
    const file = attachments.find((a) => a.filename === shot.attachment);
    if (!file)
      return {
        ok: false,
        field: 'ticket.screenshot.attachment',
        message: `ticket.screenshot.attachment: no attachment named ${shot.attachment}`,
      };
    const bytes = Buffer.from(file.data, 'base64').length;
    if (bytes !== shot.size)
      return {
        ok: false,
        field: 'ticket.screenshot.size',
        message: `ticket.screenshot.size: says ${shot.size} bytes, attachment has ${bytes}`,
      };
  }
  return { ok: true, payload: parsed.data };
}
