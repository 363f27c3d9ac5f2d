/**
 * The files every connector sends besides the screenshot. report.json is the ticket itself;
 * report.html joins when the technician's view is rendered here.
 */
import type { OutgoingReport } from '../delivery/connector';
import type { WebhookPayload } from './schema';

function textToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function withReportFiles(payload: WebhookPayload): OutgoingReport {
  return {
    ticket: payload.ticket,
    attachments: [
      ...payload.attachments,
      { filename: 'report.json', contentType: 'application/json', data: textToBase64(JSON.stringify(payload.ticket, null, 2)) },
    ],
  };
}
