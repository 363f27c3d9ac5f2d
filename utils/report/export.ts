/** A report as one .zip the person can attach to an email: report.html, report.json, screenshot. */
import { strToU8, zipSync } from 'fflate';
import type { OutgoingReport } from '../delivery/connector';
import { base64ToBytes } from '../delivery/multipart';

export function exportFilename(report: OutgoingReport): string {
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

export function zipReport(report: OutgoingReport): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const file of report.attachments) files[file.filename] = base64ToBytes(file.data);
  files['report.json'] ??= strToU8(JSON.stringify(report.ticket, null, 2));
  return zipSync(files, { level: 6, mtime: new Date(report.ticket.createdAt) });
}
