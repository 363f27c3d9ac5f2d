/** The files every connector sends with a ticket: the screenshot, report.json and report.html. */
import { utf8ToBase64 } from '../encoding';
import { renderReportHtml } from './report-html';
import type { Attachment, Ticket } from '../model/ticket';
import type { Translate } from './translate';

export interface DataUrlParts {
  contentType: string;
  base64: string;
  size: number;
}

export function splitDataUrl(dataUrl: string): DataUrlParts {
  const match = /^data:([\w/+.-]+);base64,(.*)$/s.exec(dataUrl);
  if (!match) throw new Error('Screenshot is not a base64 data URL');
  const base64 = match[2];
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return { contentType: match[1], base64, size: (base64.length * 3) / 4 - padding };
}

export function screenshotFilename(contentType: string): string {
  return contentType === 'image/jpeg' ? 'screenshot.jpg' : 'screenshot.png';
}

/**
 * `screenshot` is the image `ticket.screenshot` describes (same type); it is embedded in
 * report.html and sent as its own file under the name the ticket gives it.
 */
export function ticketAttachments(ticket: Ticket, screenshot: { dataUrl: string } | null, t: Translate): Attachment[] {
  const files: Attachment[] = [];
  if (ticket.screenshot && screenshot) {
    files.push({
      filename: ticket.screenshot.attachment,
      contentType: ticket.screenshot.type,
      data: splitDataUrl(screenshot.dataUrl).base64,
    });
  }
  files.push({
    filename: 'report.json',
    contentType: 'application/json',
    data: utf8ToBase64(JSON.stringify(ticket, null, 2)),
  });
  files.push({
    filename: 'report.html',
    contentType: 'text/html; charset=utf-8',
    data: utf8ToBase64(renderReportHtml(ticket, { screenshot: screenshot ?? undefined, t })),
  });
  return files;
}
