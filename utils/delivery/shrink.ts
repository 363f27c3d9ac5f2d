/**
 * After a 413 the outbox tries once more with a smaller screenshot: half the size, as JPEG.
 * The image work is passed in (OffscreenCanvas in the background, a stub in tests).
 */
import { screenshotFilename } from '../ticket/build';
import type { OutgoingReport } from './connector';

export interface Reencoded {
  base64: string;
  type: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  size: number;
}

export type Reencode = (base64: string, type: string, scale: number) => Promise<Reencoded>;

export async function shrinkReport(report: OutgoingReport, reencode: Reencode): Promise<OutgoingReport | null> {
  const shot = report.ticket.screenshot;
  const file = shot && report.attachments.find((a) => a.filename === shot.attachment);
  if (!shot || !file) return null;
  const smaller = await reencode(file.data, file.contentType, 0.5);
  const filename = screenshotFilename(smaller.type);
  return {
    ticket: { ...report.ticket, screenshot: { ...shot, attachment: filename, type: smaller.type, width: smaller.width, height: smaller.height, size: smaller.size } },
    attachments: report.attachments.map((a) => (a === file ? { filename, contentType: smaller.type, data: smaller.base64 } : a)),
  };
}
