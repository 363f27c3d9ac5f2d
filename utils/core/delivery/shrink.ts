/**
 * After a 413 the outbox tries once more with a smaller screenshot: half the size, as JPEG.
 * The image work is passed in (OffscreenCanvas in the background, a stub in tests).
 */
import { screenshotFilename, ticketAttachments } from '../ticket/attachments';
import type { Translate } from '../ticket/translate';
import type { OutgoingReport } from './connector';

export interface Reencoded {
  base64: string;
  type: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  size: number;
}

export type Reencode = (base64: string, type: string, scale: number) => Promise<Reencoded>;

/** The smaller image replaces the old one everywhere, report.html included. */
export async function shrinkReport(
  report: OutgoingReport,
  reencode: Reencode,
  t: Translate,
): Promise<OutgoingReport | null> {
  const shot = report.ticket.screenshot;
  const file = shot && report.attachments.find((a) => a.filename === shot.attachment);
  if (!shot || !file) return null;
  const smaller = await reencode(file.data, file.contentType, 0.5);
  const screenshot = {
    ...shot,
    attachment: screenshotFilename(smaller.type),
    type: smaller.type,
    width: smaller.width,
    height: smaller.height,
    size: smaller.size,
  };
  const ticket = { ...report.ticket, screenshot };
  return {
    ticket,
    attachments: ticketAttachments(ticket, { dataUrl: `data:${smaller.type};base64,${smaller.base64}` }, t),
  };
}
