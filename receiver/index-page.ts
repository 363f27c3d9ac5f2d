/** The technicians' list of tickets: newest first, every stored string escaped. */
import { escapeHtml } from '../utils/core/ticket/html';
import type { StoredTicket } from './store';

export const INDEX_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderIndex(tickets: StoredTicket[], files: (t: StoredTicket) => string[]): string {
  const rows = [...tickets]
    .sort((a, b) => Number(b.receipt.id) - Number(a.receipt.id))
    .map((stored) => {
      const { receipt, ticket } = stored;
      const report = files(stored).includes('report.html') ? 'report.html' : 'ticket.json';
      return `<tr><td><a href="/tickets/${receipt.id}/${report}">#${receipt.id}</a></td><td>${escapeHtml(ticket.description)}</td><td>${escapeHtml(ticket.page.url)}</td><td><time datetime="${escapeHtml(receipt.receivedAt)}">${escapeHtml(receipt.receivedAt.replace('T', ' ').slice(0, 19))} UTC</time></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${INDEX_CSP}">
<title>Mayday tickets</title>
<style>body{font:15px/1.45 system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}td:nth-child(3){word-break:break-all;color:#555}</style>
</head><body><h1>Mayday tickets</h1>
${tickets.length ? `<table><thead><tr><th>Ticket</th><th>What went wrong</th><th>Page</th><th>Received</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : '<p>No tickets yet.</p>'}
</body></html>`;
}
